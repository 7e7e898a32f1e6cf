"""The form's PDF download in real Chromium, timed from the click to the file on disk.

Prints its figures (pytest shows them with the test's output): the first download, the
median of distinct downloads (the number changed before each, so none can come from a
cache) and an unchanged draft downloaded again. Figures, not limits: nothing is asserted
about time, only that every file is the PDF of what the form held at its click.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.driving import download, field, import_json, new_draft
from tests.conftest import plan_json
from tests.pdf import pdfcheck

pytestmark = [pytest.mark.browser, pytest.mark.libreoffice]
EXAMPLE = "ke-hoach-dinh-ke-2024"  # the shortest fixture plan (6 pages)
DISTINCT = 7


def _timed_download(page: Page) -> tuple[float, bytes]:
    began = time.perf_counter()
    name, pdf = download(page, "#download-pdf")
    assert name.endswith(".pdf")
    return time.perf_counter() - began, pdf


def _first_page(pdf: bytes) -> str:
    return " ".join(pdfcheck.reader(pdf).pages[0].extract_text().split())


def test_pdf_download_click_to_file(
    page: Page, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new_draft(page)
    import_json(page, plan_json(EXAMPLE), tmp_path)
    seconds: list[float] = []
    for number in range(101, 101 + DISTINCT):
        field(page, "number").fill(str(number))
        elapsed, pdf = _timed_download(page)
        assert f"Số: {number}/KH-" in _first_page(pdf)
        seconds.append(elapsed)
    again, pdf_again = _timed_download(page)  # nothing changed since the last click
    assert f"Số: {100 + DISTINCT}/KH-" in _first_page(pdf_again)
    with capsys.disabled():
        print(
            f"\nPDF download, click to file ({EXAMPLE}, {pdfcheck.reader(pdf).get_num_pages()}"
            f" pages): first {seconds[0] * 1000:.0f} ms, p50 of {DISTINCT} distinct"
            f" {statistics.median(seconds) * 1000:.0f} ms, unchanged again {again * 1000:.0f} ms"
        )

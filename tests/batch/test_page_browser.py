"""The batch page in Debian's Chromium: choose the files, check the rows, start, follow the
progress bar, download; the rows' errors by spreadsheet line and column; and the Excel
template's round trip (download it from the page, fill it with openpyxl, upload, ZIP)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect, sync_playwright

from service.http import create_app
from service.rendering.pdf import FakeConverter
from tests.batch.communes import check_archive, commune_rows
from tests.batch.test_api import xlsx
from tests.readback import printed_lines
from tests.serving import serve

pytestmark = [pytest.mark.slow, pytest.mark.browser]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update"]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole service on a free loopback port (the fake converter makes the PDFs)."""
    folder = tmp_path_factory.mktemp("batch-page")
    app = create_app({
        "DATABASE_URL": f"sqlite:///{folder / 'app.db'}", "STORAGE_DIR": str(folder / "storage"),
        "PDF_CONVERTER": FakeConverter(pages=2), "RATE_LIMIT_PER_MINUTE": 0, "AUTH_REQUIRED": False,
        "BATCH_POLL_SECONDS": 0.2,
    })  # fmt: skip
    try:
        with serve(app) as url:
            yield url
    finally:
        app.extensions["batches"].close()
        app.extensions["database"].dispose()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Chromium is missing: run scripts/setup.sh"
    with sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Browser, site: str) -> Iterator[Page]:
    """A fresh page; any script error in it fails the test (answers like 422 are expected)."""
    context = browser.new_context(base_url=site, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(30_000)  # CI machines are shared: generous, never slept on
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(str(error)))
    tab.on("console", lambda m: problems.append(m.text) if m.type == "error"
           and not m.text.startswith("Failed to load resource") else None)  # fmt: skip
    yield tab
    context.close()
    assert problems == []


def choose_files(
    page: Page, folder: Path, plan: dict[str, Any], rows: list[dict[str, Any]]
) -> None:
    (folder / "plan.json").write_text(json.dumps(plan), "utf-8")
    (folder / "communes.xlsx").write_bytes(xlsx(rows))
    page.goto("/batches")
    page.set_input_files("#plan-file", folder / "plan.json")
    page.set_input_files("#table-file", folder / "communes.xlsx")
    page.fill("#opt-fields", "ten_xa")


def test_check_start_follow_and_download(page: Page, tmp_path: Path, plan: dict[str, Any]) -> None:
    rows = commune_rows(3)
    choose_files(page, tmp_path, plan, rows)
    page.check("#opt-pdf")
    expect(page.locator("#start-button")).to_be_disabled()
    page.click("#check-button")
    expect(page.locator("#batch-rows tbody tr")).to_have_count(3, timeout=30_000)
    expect(page.locator("#batch-rows tbody tr").first).to_contain_text("Xã Quang Thuận")
    page.click("#start-button")
    expect(page.locator("#download-zip")).to_be_visible(timeout=60_000)
    expect(page.locator("#download-pdf")).to_be_visible()
    assert page.locator("#progress-bar").evaluate("bar => bar.value") == 1
    expect(page.locator("#progress-text")).to_contain_text("3/3")
    page.screenshot(path=str(tmp_path / "batch-page.png"), full_page=True)
    href = page.locator("#download-zip").get_attribute("href")
    assert href is not None
    check_archive(page.request.get(href).body(), rows)


def test_the_rows_errors_by_spreadsheet_line(
    page: Page, tmp_path: Path, plan: dict[str, Any]
) -> None:
    rows = commune_rows(3)
    rows[2]["signer.name"] = "   "
    choose_files(page, tmp_path, plan, rows)
    page.click("#check-button")
    errors = page.locator("#batch-errors")
    expect(errors).to_be_visible(timeout=30_000)
    expect(errors).to_contain_text('Dòng 4, cột "signer.name": Trường này là bắt buộc.')
    expect(page.locator("#start-button")).to_be_disabled()


def test_the_excel_template_round_trip(page: Page, tmp_path: Path, plan: dict[str, Any]) -> None:
    plan["title"] += " trên địa bàn {ten_xa}"
    (tmp_path / "plan.json").write_text(json.dumps(plan), "utf-8")
    page.goto("/batches")
    page.set_input_files("#plan-file", tmp_path / "plan.json")
    page.fill("#opt-fields", "ten_xa")
    page.fill("#template-communes", "Quang Thuận\nPhường Sông Cầu\n")
    with page.expect_download() as started:
        page.click("#template-button")
    download = started.value
    assert download.suggested_filename == "Mẫu danh sách xã.xlsx"
    template = tmp_path / "template.xlsx"
    download.save_as(template)
    expect(page.locator("#batch-status")).to_contain_text("Đã tải tệp mẫu")
    workbook = load_workbook(template)
    sheet = workbook["Danh sách xã"]
    headers = [cell.value for cell in sheet[1]]
    assert headers[:3] == ["Tên xã (cơ quan ban hành)", "Địa danh", "Chủ tịch (người ký)"]
    assert headers[-1] == "{ten_xa}" and str(headers[6]).startswith("Chỉ tiêu: ")
    signer, field = headers.index("Chủ tịch (người ký)") + 1, headers.index("{ten_xa}") + 1
    for line, (name, place) in enumerate(
        [("Lê Văn An", "xã Quang Thuận"), ("Hoàng Thị Bích", "phường Sông Cầu")], start=2
    ):
        sheet.cell(line, signer, name)
        sheet.cell(line, field, place)
    workbook.save(tmp_path / "filled.xlsx")
    page.set_input_files("#table-file", tmp_path / "filled.xlsx")
    page.click("#check-button")
    lines = page.locator("#batch-rows tbody tr")
    expect(lines).to_have_count(2, timeout=30_000)
    expect(lines.nth(1)).to_contain_text("3")
    expect(lines.nth(1)).to_contain_text("Phường Sông Cầu")
    page.click("#start-button")
    expect(page.locator("#download-zip")).to_be_visible(timeout=60_000)
    href = page.locator("#download-zip").get_attribute("href")
    assert href is not None
    with zipfile.ZipFile(io.BytesIO(page.request.get(href).body())) as archive:
        assert archive.namelist() == ["01 Xã Quang Thuận.docx", "02 Phường Sông Cầu.docx"]
        second = printed_lines(archive.read("02 Phường Sông Cầu.docx"))
    assert second[:2] == ["ỦY BAN NHÂN DÂN", "PHƯỜNG SÔNG CẦU"] and second[-1] == "Hoàng Thị Bích"
    assert "trên địa bàn phường Sông Cầu" in " ".join(second)

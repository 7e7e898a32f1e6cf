"""The batch page in Debian's Chromium: choose the files, check the rows, start, follow the
progress bar, download; and the rows' errors by spreadsheet line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from service.http import create_app
from service.rendering.pdf import FakeConverter
from tests.batch.communes import check_archive, commune_rows
from tests.batch.test_api import xlsx
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
    expect(errors).to_contain_text("Dòng 4 (signer.name)")
    expect(page.locator("#start-button")).to_be_disabled()

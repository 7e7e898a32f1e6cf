"""Layout and language in real Chromium: 390 px phones, English, the PDF through LibreOffice."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PHONE
from tests.browser.driving import download, field, import_json, new_draft
from tests.conftest import plan_json

pytestmark = pytest.mark.browser
EXAMPLE = "ke-hoach-bac-kan-2023"
IMAGES = Path(__file__).resolve().parents[2] / "docs" / "images"
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def test_nothing_overflows_at_phone_width(page: Page, tmp_path: Path) -> None:
    page.set_viewport_size(PHONE)
    new_draft(page)
    import_json(page, plan_json("ke-hoach-dinh-ke-2024"), tmp_path)
    field(page, "date").fill("20")
    page.click("#check")  # errors shown too
    expect(page.locator("#error-summary")).to_be_visible()
    page.click("#show-preview")
    expect(page.locator("#preview-panel")).to_contain_text("sửa các lỗi")
    field(page, "date").fill("2024-03")
    page.click("#show-preview")
    page.wait_for_selector("#preview-panel .paper")
    assert page.evaluate(OVERFLOW) == 0
    wide = page.evaluate(
        "[...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right"
        " > innerWidth + 1 && !e.closest('.paper')).map(e => e.tagName + '#' + e.id).slice(0, 5)"
    )
    assert wide == []
    for url in ("/", "/cascade"):
        page.goto(url)
        assert page.evaluate(OVERFLOW) == 0, url


def test_on_a_phone_entries_keep_the_width_and_their_buttons_go_under(
    page: Page, tmp_path: Path
) -> None:
    page.set_viewport_size(PHONE)
    new_draft(page)
    import_json(page, plan_json("ke-hoach-dinh-ke-2024"), tmp_path)
    for item in (
        "recipients.0",
        "tasks.numbered.0.lettered.2",
        "organization.sections.1.assignments.1.items.0",
    ):
        entry = page.locator(f'[data-item="{item}"]')
        entry.scroll_into_view_if_needed()
        text = entry.locator("[data-path]").first.bounding_box()
        tools = entry.locator(".item-tools").last.bounding_box()
        assert text and tools
        assert tools["y"] >= text["y"] + text["height"] - 1, item  # under the text, not beside it
        assert text["width"] >= 0.7 * PHONE["width"], (item, text["width"])
    if os.environ.get("PLANDOC_SCREENSHOTS"):
        page.screenshot(path=str(IMAGES / "form-phone.png"))


def test_english_labels_and_messages(page: Page) -> None:
    new_draft(page)
    page.get_by_role("link", name="English").click()
    page.wait_for_selector("#plan-form section")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_label("Name of the issuing body")).to_be_visible()
    page.click("#check")
    expect(page.locator("#error-summary")).to_contain_text("This field is required.")
    page.get_by_role("link", name="Tiếng Việt").click()
    expect(page.get_by_label("Tên cơ quan ban hành")).to_be_visible()


@pytest.mark.libreoffice
def test_pdf_download_and_page_images(page: Page, tmp_path: Path) -> None:
    new_draft(page)
    import_json(page, plan_json(EXAMPLE), tmp_path)
    name, pdf = download(page, "#download-pdf")
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF")
    page.click("#show-pages")
    images = page.locator("#preview-panel img.page-image")
    expect(images.first).to_be_visible(timeout=60_000)
    assert images.count() >= 5
    expect(images.first).to_have_attribute("alt", "Trang 1")

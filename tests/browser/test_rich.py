"""Rich text in real Chromium: Ctrl+B on selected words and the B / I / U buttons store
spans; a footnote lands at the cursor; the server accepts them and the preview prints them."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.driving import field, fill_document, form_json, new_draft, paste
from tests.builders import minimal_decision

pytestmark = pytest.mark.browser
HEADER = {"issuer", "number", "place", "date", "title", "recipients", "signer"}


def select_back(page: Page, characters: int) -> None:
    for _ in range(characters):
        page.keyboard.press("Shift+ArrowLeft")


def test_ctrl_b_and_the_buttons_mark_the_selected_words(page: Page) -> None:
    new_draft(page)
    page.click('[data-add="purpose.purposes"]')
    page.keyboard.type("Lưu ý: gửi báo cáo trước ngày 15 hằng tháng")
    page.keyboard.press("Home")
    for _ in range(len("Lưu ý:")):
        page.keyboard.press("Shift+ArrowRight")
    page.keyboard.press("Control+B")
    page.keyboard.press("End")
    select_back(page, len("hằng tháng"))
    page.get_by_role("button", name="Nghiêng").click()
    page.get_by_role("button", name="Gạch chân").click()
    assert form_json(page)["purpose"]["purposes"] == [
        [
            {"text": "Lưu ý:", "bold": True},
            " gửi báo cáo trước ngày 15 ",
            {"text": "hằng tháng", "italic": True, "underline": True},
        ]
    ]
    page.keyboard.press("End")
    page.keyboard.press("Enter")  # the next entry starts plain
    page.keyboard.type("Bảo đảm & <đúng> {{ hạn }}")
    assert form_json(page)["purpose"]["purposes"][1] == "Bảo đảm & <đúng> {{ hạn }}"


def test_a_footnote_at_the_cursor_is_accepted_and_printed(page: Page) -> None:
    new_draft(page)
    fill_document(page, {k: v for k, v in minimal_decision().items() if k in HEADER})
    page.click('[data-add="preamble"]')
    page.keyboard.type("Căn cứ Quyết định số 2820/QĐ-UBND của UBND tỉnh.")
    page.keyboard.press("ArrowLeft")  # before the full stop
    page.get_by_role("button", name="Chú thích", exact=True).click()
    dialog = page.locator("#footnote-dialog")
    expect(dialog).to_be_visible()
    page.get_by_label("Nội dung chú thích (in ở cuối trang)").fill("Ngày 20/11/2025.")
    page.get_by_role("button", name="Lưu chú thích").click()
    expect(dialog).to_be_hidden()
    page.keyboard.type(" nay")  # typing goes on after the footnote
    assert form_json(page)["preamble"] == [
        [
            "Căn cứ Quyết định số 2820/QĐ-UBND của UBND tỉnh",
            {"footnote": "Ngày 20/11/2025."},
            " nay.",
        ]
    ]
    page.locator(".footnote-chip").click()  # a footnote is edited where it stands
    page.get_by_label("Nội dung chú thích (in ở cuối trang)").fill("Ngày 21/11/2025.")
    page.get_by_role("button", name="Lưu chú thích").click()
    assert form_json(page)["preamble"][0][1] == {"footnote": "Ngày 21/11/2025."}
    page.click("#check")
    expect(page.locator("#action-status")).to_contain_text("Không có lỗi")
    page.click("#show-preview")
    expect(page.locator("#preview-panel .footnotes")).to_contain_text("Ngày 21/11/2025.")


def test_marked_text_splits_and_pastes_without_losing_its_marks(page: Page) -> None:
    new_draft(page)
    page.click('[data-add="purpose.purposes"]')
    page.keyboard.type("Một hai")
    select_back(page, 3)
    page.keyboard.press("Control+B")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowRight")  # inside the bold word: "h|ai"
    page.keyboard.press("Enter")
    assert form_json(page)["purpose"]["purposes"] == [
        ["Một ", {"text": "h", "bold": True}],
        [{"text": "ai", "bold": True}],
    ]
    page.keyboard.press("Control+Z")
    assert form_json(page)["purpose"]["purposes"] == [["Một ", {"text": "hai", "bold": True}]]
    field(page, "purpose.purposes.0").click()
    page.keyboard.press("End")
    paste(page, "ba", "<b>ba</b><script>x()</script>")  # only text goes into a box
    assert field(page, "purpose.purposes.0").evaluate("e => e.value") == "Một haiba"
    assert field(page, "purpose.purposes.0").locator("script").count() == 0

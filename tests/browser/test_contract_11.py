"""Contract v1.1 written with the form in real Chromium and accepted by the server's own
schemas: a QUYẾT ĐỊNH with its attached plan, content in free order (a `+` item, a nested
lettered entry, a table), appendix label and landscape, no closing paragraph; the
preview shows them as they print."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.driving import field, fill_document, form_json, new_draft
from tests.builders import minimal_decision

pytestmark = pytest.mark.browser


def check_passes(page: Page) -> None:
    page.click("#check")
    expect(page.locator("#action-status")).to_contain_text("Không có lỗi")


def test_a_decision_with_its_attached_plan(page: Page) -> None:
    decision = minimal_decision()
    new_draft(page, "quyet_dinh")
    expect(page.locator("#doc-kind")).to_have_text("Quyết định")
    fill_document(page, decision)
    assert form_json(page) == decision
    check_passes(page)
    page.click("#show-preview")
    paper = page.locator("#preview-panel .paper")
    expect(paper).to_contain_text("QUYẾT ĐỊNH:")
    expect(paper).to_contain_text("Điều 1.")
    expect(paper).to_contain_text("Hạ tầng số")


def test_content_in_free_order_with_a_table_an_appendix_and_no_closing(page: Page) -> None:
    new_draft(page)
    fill_document(page, {k: v for k, v in minimal_decision().items() if k in HEADER})
    page.click('[data-add="tasks.numbered"]')
    page.keyboard.type("Tuyên truyền")
    page.click('[data-convert="tasks"].convert')  # ⇅ free order: the numbered entry is kept
    page.click('[data-add="tasks.content"][data-block="plus"]')
    page.keyboard.type("Trên loa truyền thanh")
    page.click('[data-add="tasks.content"][data-block="paragraph"]')
    page.keyboard.type("Các nội dung cụ thể:")
    page.click('[data-action="up"][data-target="tasks.content.2"]')  # the paragraph moves up
    nested = '[data-add="tasks.content.0.numbered.content"]'
    page.click(f"{nested} >> xpath=../..//button[contains(@class, 'unfold')]")
    page.click('[data-add="tasks.content.0.numbered.content"][data-block="lettered"]')
    page.keyboard.type("Tại các tổ dân phố")
    page.click('[data-add="tasks.content"][data-block="table"]')
    page.locator('.table-editor [data-row="-1"][data-col="0"]').fill("STT")
    page.locator('.table-editor [data-row="-1"][data-col="1"]').fill("Nội dung")
    page.locator('.table-editor [data-row="0"][data-col="0"]').fill("1")
    page.locator('.table-editor [data-row="0"][data-col="1"]').fill("Hội nghị")
    page.check("#f-closing-none")
    expect(field(page, "closing")).to_have_count(0)
    page.click('[data-add="appendices"]')
    page.keyboard.type("DANH SÁCH XÃ")
    field(page, "appendices.0.label").fill("PHỤ LỤC I")
    field(page, "appendices.0.orientation").select_option("landscape")
    made = form_json(page)
    assert made["tasks"] == {
        "content": [
            {"numbered": {"text": "Tuyên truyền", "content": [{"lettered": "Tại các tổ dân phố"}]}},
            {"paragraph": "Các nội dung cụ thể:"},
            {"plus": "Trên loa truyền thanh"},
            {
                "table": {
                    "columns": [{"title": "STT"}, {"title": "Nội dung"}],
                    "rows": [["1", "Hội nghị"]],
                }
            },
        ]
    }
    assert made["closing"] is False
    assert made["appendices"] == [
        {"title": "DANH SÁCH XÃ", "label": "PHỤ LỤC I", "orientation": "landscape"}
    ]
    check_passes(page)
    page.click("#show-preview")
    paper = page.locator("#preview-panel .paper")
    expect(paper.locator("table")).to_contain_text("Hội nghị")
    expect(paper).to_contain_text("PHỤ LỤC I")
    expect(paper).not_to_contain_text("Trên đây là")  # no closing paragraph


HEADER = {"issuer", "number", "place", "date", "title", "recipients", "signer"}

"""Dates the Vietnamese way in real Chromium: typed 30/11/2024, 11/2024 or 2024 (or ISO),
picked on a calendar, shown dd/mm/yyyy, kept ISO in the JSON; what is not a date is said."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from service.vietnamese import PartialDate, long_date
from tests.browser.driving import field, form_json, new_draft, wait_saved

pytestmark = pytest.mark.browser

TYPED = [
    ("30/11/2024", "2024-11-30", "30/11/2024"),
    ("3/4/2024", "2024-04-03", "03/04/2024"),
    ("29.02.2024", "2024-02-29", "29/02/2024"),
    ("11/2024", "2024-11", "11/2024"),
    ("2024", "2024", "2024"),
    ("2024-11-30", "2024-11-30", "30/11/2024"),
    ("2023-04", "2023-04", "04/2023"),
]


@pytest.mark.parametrize(("typed", "iso", "shown"), TYPED)
def test_a_typed_date_is_iso_in_the_json_and_dd_mm_yyyy_on_screen(
    page: Page, typed: str, iso: str, shown: str
) -> None:
    new_draft(page)
    field(page, "place").fill("Dĩnh Kế")
    field(page, "date").type(typed)
    assert form_json(page)["date"] == iso
    line = f"Dĩnh Kế, {long_date(PartialDate.parse(iso))}"
    expect(page.locator("#date-line .printed-lines")).to_have_text(line)
    field(page, "date").press("Tab")
    expect(field(page, "date")).to_have_value(shown)
    expect(page.locator("#f-date-note")).to_have_count(0)


def test_not_a_date_is_kept_as_typed_and_said(page: Page) -> None:
    new_draft(page)
    for typed in ("31/02/2024", "13/2024", "30/11/24"):
        field(page, "date").fill(typed)
        field(page, "date").press("Tab")
        expect(page.locator("#f-date-note")).to_contain_text(f"“{typed}” không phải là ngày")
        expect(field(page, "date")).to_have_value(typed)
        assert form_json(page)["date"] == typed  # nothing changed behind the officer's back
    page.click("#check")
    expect(field(page, "date")).to_have_attribute("aria-invalid", "true")
    field(page, "date").fill("30/11/2024")
    expect(page.locator("#f-date-note")).to_have_count(0)


def test_the_calendar_writes_the_date_and_a_saved_date_shows_dd_mm_yyyy(page: Page) -> None:
    new_draft(page)
    page.click('[data-add="reporting.deadlines"]')
    page.get_by_role("button", name="Chọn trên lịch").last.click()
    page.locator('[data-item="reporting.deadlines.0"] .date-native').fill("2024-06-10")
    expect(field(page, "reporting.deadlines.0.due")).to_have_value("10/06/2024")
    assert form_json(page)["reporting"]["deadlines"] == [{"due": "2024-06-10"}]
    field(page, "date").fill("03/2024")
    wait_saved(page)
    page.reload()
    expect(field(page, "date")).to_have_value("03/2024")
    expect(field(page, "reporting.deadlines.0.due")).to_have_value("10/06/2024")
    assert form_json(page)["date"] == "2024-03"

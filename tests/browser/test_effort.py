"""The Dĩnh Kế plan typed from an empty form, counting the officer's clicks, keys and pastes
(tests/browser/effort.py; `python -m tests.browser.effort` prints the figures)."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.driving import form_json
from tests.browser.effort import measure
from tests.conftest import plan_json

pytestmark = pytest.mark.browser
PLAN = "ke-hoach-dinh-ke-2024"


def test_the_plan_typed_entry_by_entry_and_pasted_list_by_list(page: Page) -> None:
    one_by_one = measure(page, plan_json(PLAN), multi_paste=False)
    assert form_json(page) == plan_json(PLAN)
    assert one_by_one.enter_kinds and all(one_by_one.enter_kinds.values())  # Enter everywhere
    page.context.clear_cookies()
    pasted = measure(page, plan_json(PLAN), multi_paste=True)
    assert pasted.multi_paste is True
    assert form_json(page) == plan_json(PLAN)
    assert pasted.actions < one_by_one.actions * 0.75, (pasted, one_by_one)

"""The check page in real Chromium: upload a broken Word file, read the finding, see the line."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.api.test_check_api import _broken_date

pytestmark = pytest.mark.browser


def test_upload_shows_findings_and_highlights_the_line(
    page: Page, server: str, tmp_path: Path
) -> None:
    broken = tmp_path / "ke-hoach.docx"
    broken.write_bytes(_broken_date())
    page.goto(f"{server}/check")
    page.get_by_label("Tệp Word (.docx)").set_input_files(str(broken))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    finding = page.locator(".finding", has_text="date.leading_zero")
    expect(finding).to_be_visible()
    expect(page.locator("#check-summary")).to_contain_text("lỗi")
    flagged = page.locator(".check-paragraphs .flag-error", has_text="tháng 04")
    expect(flagged).to_have_count(1)
    finding.locator("a").click()
    expect(flagged).to_be_in_viewport()

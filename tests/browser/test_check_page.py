"""The check page in real Chromium: upload a broken Word file, read the finding, see the line;
choose the house profile and LibreOffice's page count."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.api.test_check_api import _broken_date
from tests.checker.corpus import to_bytes
from tests.checker.defects import DEFECTS

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


def _spaced_once(tmp_path: Path) -> Path:
    """Within the decree; the house profile wants one line spacing throughout."""
    defect = next(d for d in DEFECTS if d.name == "body-one-and-a-half-once")
    target = tmp_path / "ke-hoach.docx"
    target.write_bytes(to_bytes(defect.build()))
    return target


def test_the_house_profile_shows_house_warnings(page: Page, server: str, tmp_path: Path) -> None:
    page.goto(f"{server}/check")
    page.get_by_label("Tệp Word (.docx)").set_input_files(str(_spaced_once(tmp_path)))
    check = page.get_by_role("button", name="Kiểm tra tệp")
    check.click()
    expect(page.locator("#check-summary")).to_have_text(
        "Không thấy lỗi: tệp đúng thể thức Nghị định 30."
    )
    expect(page.locator("#check-pages-count")).not_to_contain_text("LibreOffice")
    page.get_by_label("Kiểm tra theo").select_option("house")
    check.click()
    expect(page.locator("#check-summary")).to_have_text("0 lỗi, 1 cảnh báo")
    finding = page.locator(".finding.warning", has_text="body.line_spacing")
    expect(finding).to_have_attribute("data-basis", "house")
    expect(finding).to_contain_text("giá trị khuyến nghị, trong khoảng Nghị định cho phép")
    expect(finding).to_contain_text("Khuyến nghị: ")
    expect(page.locator(".finding.error")).to_have_count(0)


def test_exact_pages_come_from_libreoffice_by_keyboard(
    page: Page, server: str, tmp_path: Path
) -> None:
    page.goto(f"{server}/check")
    page.get_by_label("Tệp Word (.docx)").set_input_files(str(_spaced_once(tmp_path)))
    exact = page.get_by_label("Đếm chính xác số trang (dàn trang bằng LibreOffice)")
    exact.focus()
    page.keyboard.press("Space")
    expect(exact).to_be_checked()
    page.keyboard.press("Tab")  # to the submit button
    page.keyboard.press("Enter")
    expect(page.locator("#check-pages-count")).to_have_text(
        re.compile(r"^\d+ trang, theo dàn trang của LibreOffice$"), timeout=60_000
    )

"""Drafts in real Chromium: saved as typed, intact after a reload, restored from the browser
when the server missed the last changes, duplicated, renamed, deleted, cascaded."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.driving import (
    draft_id,
    field,
    form_json,
    import_json,
    new_draft,
    text_of,
    wait_saved,
)
from tests.conftest import plan_json

pytestmark = pytest.mark.browser
EXAMPLE = "ke-hoach-bac-kan-2023"


def test_draft_is_intact_after_a_reload(page: Page) -> None:
    new_draft(page)
    field(page, "title").fill("Thực hiện công tác gia đình năm 2024")
    field(page, "issuer.name").fill("ỦY BAN NHÂN DÂN\nXÃ YÊN ĐỊNH")
    page.click('[data-add="purpose.purposes"]')
    field(page, "purpose.purposes.0").fill("Nâng cao nhận thức.")
    field(page, "signer.mode").select_option("KT")
    field(page, "signer.head").fill("CHỦ TỊCH")
    field(page, "type").select_option("cong_van")  # a look at the letter form, then back
    page.click('[data-add="body.text"]')
    field(page, "body.text.0").fill("Đề nghị UBND huyện")
    field(page, "type").select_option("ke_hoach")
    typed = form_json(page)
    assert "body" not in typed and typed["purpose"] == {"purposes": ["Nâng cao nhận thức."]}
    wait_saved(page)
    page.reload()
    page.wait_for_selector("#plan-form section")
    assert form_json(page) == typed
    assert field(page, "issuer.name").input_value() == "ỦY BAN NHÂN DÂN\nXÃ YÊN ĐỊNH"
    expect(page.locator("#restored")).to_be_hidden()
    field(page, "type").select_option("cong_van")  # what was typed there is kept too
    assert text_of(page, "body.text.0") == "Đề nghị UBND huyện"


def test_the_browser_copy_restores_what_the_server_missed(page: Page) -> None:
    new_draft(page)
    field(page, "place").fill("Yên Định")
    wait_saved(page)

    def refuse(route: Route) -> None:
        route.abort() if route.request.method == "PUT" else route.continue_()

    page.route("**/api/v1/drafts/*", refuse)
    field(page, "title").fill("Gõ khi mất kết nối")
    expect(page.locator("#save-status")).to_contain_text("vẫn được giữ trong trình duyệt")
    page.unroute("**/api/v1/drafts/*")
    page.evaluate("window.plandoc.sync.conflict = true")  # no last-moment save on unload
    page.reload()
    page.wait_for_selector("#plan-form section")
    expect(page.locator("#restored")).to_be_visible()
    assert field(page, "title").input_value() == "Gõ khi mất kết nối"
    wait_saved(page)
    page.reload()
    assert field(page, "title").input_value() == "Gõ khi mất kết nối"


def test_duplicate_rename_and_delete_from_the_list(page: Page, tmp_path: Path) -> None:
    new_draft(page)
    import_json(page, plan_json(EXAMPLE), tmp_path)
    page.fill("#draft-name", "Kế hoạch trẻ em 2023")
    page.click("#rename-form button")
    expect(page.locator("#action-status")).to_contain_text("Đã đổi tên")
    wait_saved(page)
    ident = draft_id(page)
    page.goto("/")
    row = page.locator(f'[data-draft="{ident}"]')
    row.get_by_role("button", name="Nhân bản").click()
    expect(page.locator("#page-status")).to_contain_text("Kế hoạch trẻ em 2023 (bản sao)")
    copy = page.locator('[data-name="Kế hoạch trẻ em 2023 (bản sao)"]')
    copy.get_by_role("button", name="Đổi tên").click()
    copy.get_by_label("Tên mới").fill("Kế hoạch trẻ em 2024")
    copy.get_by_role("button", name="Lưu tên").click()
    expect(page.locator("#page-status")).to_contain_text("Đã đổi tên")
    page.get_by_role("link", name="Kế hoạch trẻ em 2024", exact=True).click()
    page.wait_for_selector("#plan-form section")
    assert form_json(page) == plan_json(EXAMPLE)
    page.goto("/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator('[data-name="Kế hoạch trẻ em 2024"]').get_by_role("button", name="Xóa").click()
    expect(page.locator("#page-status")).to_contain_text("Đã xóa")
    expect(page.locator('[data-name="Kế hoạch trẻ em 2024"]')).to_have_count(0)
    expect(page.locator('[data-name="Kế hoạch trẻ em 2023"]')).to_have_count(1)


def test_cascade_a_plan_to_the_commune(page: Page, tmp_path: Path) -> None:
    new_draft(page)
    import_json(page, plan_json(EXAMPLE), tmp_path)
    page.fill("#draft-name", "Kế hoạch thành phố 2023")
    page.click("#rename-form button")
    wait_saved(page)
    page.goto("/cascade")
    page.get_by_label("Bản nháp", exact=True).select_option(label="Kế hoạch thành phố 2023")
    # what carries over from the plan above is prefilled: abbreviation, year, signing mode
    expect(field(page, "issuer.abbreviation")).to_have_value("UBND")
    expect(field(page, "date")).to_have_value("2023")
    expect(field(page, "signer.mode")).to_have_value("KT")
    expect(field(page, "signer.head")).to_have_value("CHỦ TỊCH")
    page.get_by_label("Báo cáo sớm hơn thời hạn của cấp trên (số ngày)").fill("5")
    expect(page.locator("#shifted-deadlines li")).to_have_text(
        ["Báo cáo 6 tháng: 10/06/2023 → 05/06/2023", "Báo cáo năm: 10/11/2023 → 05/11/2023"]
    )
    field(page, "issuer.name").fill("ỦY BAN NHÂN DÂN XÃ DƯƠNG QUANG")
    field(page, "date").fill("05/2023")
    field(page, "signer.title").fill("PHÓ CHỦ TỊCH")
    page.get_by_role("button", name="Tạo kế hoạch").click()
    expect(page.locator("#error-summary")).to_contain_text("Địa danh")  # place is missing
    expect(field(page, "place")).to_have_attribute("aria-invalid", "true")
    field(page, "place").fill("Dương Quang")
    field(page, "signer.name").fill("Hà Văn Bình")
    page.get_by_role("button", name="Tạo kế hoạch").click()
    page.wait_for_url("**/drafts/*")
    page.wait_for_selector("#plan-form section")
    assert text_of(page, "preamble.0").startswith(
        "Thực hiện Kế hoạch số .../KH-UBND ngày ... của Ủy ban nhân dân thành phố Bắc Kạn"
    )
    made = form_json(page)
    assert made["tasks"] == plan_json(EXAMPLE)["tasks"]
    assert made["date"] == "2023-05"
    assert made["signer"] == {
        "mode": "KT",
        "head": "CHỦ TỊCH",
        "title": "PHÓ CHỦ TỊCH",
        "name": "Hà Văn Bình",
    }
    assert [d["due"] for d in made["reporting"]["deadlines"]] == ["2023-06-05", "2023-11-05"]

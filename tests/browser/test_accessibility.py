"""axe-core on every page and in every state an officer meets (errors shown, preview, the
versions dialog, a phone, English, signed in and out): no serious or critical violation.
The keyboard: the first required field is a few Tabs away through the skip link."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from service.http import create_app
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import DESKTOP, PHONE, static_read_whole
from tests.browser.driving import (
    download,
    draft_id,
    field,
    form_json,
    import_json,
    new_draft,
    wait_saved,
)
from tests.conftest import plan_json
from tests.serving import serve

pytestmark = pytest.mark.browser
EXAMPLE = "ke-hoach-bac-kan-2023"


def assert_accessible(page: Page, where: str) -> None:
    found = axe_violations(page)
    assert found == [], f"{where}: {json.dumps(found, ensure_ascii=False, indent=1)}"


def test_the_form_in_every_state(page: Page, tmp_path: Path) -> None:
    new_draft(page)
    assert_accessible(page, "a new plan")
    import_json(page, plan_json(EXAMPLE), tmp_path)
    field(page, "organization.assignments.3.agency").fill("")
    field(page, "date").fill("31/02/2023")
    field(page, "date").press("Tab")
    page.click("#check")
    expect(page.locator("#error-summary")).to_be_visible()
    page.click('[data-action="remove"][data-target="recipients.0"]')  # the toast with Hoàn tác
    assert_accessible(page, "errors shown, a field note, the undo toast")
    field(page, "date").fill("04/2023")
    field(page, "organization.assignments.3.agency").fill("Phòng Tư pháp")
    page.click("#show-preview")
    page.wait_for_selector("#preview-panel .paper")
    assert_accessible(page, "the preview")
    page.set_viewport_size(PHONE)
    assert_accessible(page, "a phone")
    page.set_viewport_size(DESKTOP)
    wait_saved(page)
    ident = draft_id(page)
    older = {**form_json(page), "title": "Một bản cũ"}
    copy = {"data": older, "revision": 0, "at": (time.time() - 3600) * 1000}
    page.evaluate(
        "([k, v]) => localStorage.setItem(k, v)", [f"plandoc.draft.{ident}", json.dumps(copy)]
    )
    page.reload()
    expect(page.locator("#versions")).to_be_visible()
    assert_accessible(page, "the versions dialog")
    page.click("#versions-keep-saved")
    page.get_by_role("link", name="English").click()
    page.wait_for_selector("#plan-form section")
    assert_accessible(page, "the form in English")
    page.get_by_role("link", name="Tiếng Việt").click()


def test_the_v11_editors(page: Page) -> None:
    new_draft(page, "quyet_dinh")
    page.click('[data-add="articles"]')
    page.keyboard.type("Ban hành kèm theo Quyết định này Kế hoạch")
    page.click('[data-add="attachment.tasks.content"][data-block="table"]')
    page.click('[data-add="attachment.tasks.content"][data-block="numbered"]')
    page.keyboard.type("Tuyên truyền")
    page.click('[data-add="attachment.tasks.content.1.numbered.content"] >> xpath=../..//button')
    assert_accessible(page, "a decision with blocks, a table and a folded bar")
    page.get_by_role("button", name="Chú thích", exact=True).click()
    expect(page.locator("#footnote-dialog")).to_be_visible()
    assert_accessible(page, "the footnote dialog")
    page.keyboard.press("Escape")


def test_every_other_page(page: Page, tmp_path: Path) -> None:
    new_draft(page)
    import_json(page, plan_json(EXAMPLE), tmp_path)
    wait_saved(page)
    _name, docx = download(page, "#download-docx")
    page.goto("/")
    assert_accessible(page, "the drafts")
    page.goto("/cascade")
    page.get_by_label("Bản nháp", exact=True).select_option(index=0)
    expect(field(page, "issuer.abbreviation")).not_to_have_value("")
    page.get_by_role("button", name="Tạo kế hoạch").click()
    expect(page.locator("#error-summary")).to_be_visible()
    assert_accessible(page, "the cascade page with errors")
    page.goto("/check")
    assert_accessible(page, "the check page")
    (tmp_path / "plan.docx").write_bytes(docx)
    page.set_input_files("#check-file", str(tmp_path / "plan.docx"))
    page.get_by_role("button", name="Kiểm tra tệp").click()
    expect(page.locator("#check-report")).to_be_visible(timeout=30_000)
    assert_accessible(page, "the check report")
    page.goto("/batches")
    assert_accessible(page, "the batch page")
    page.goto("/drafts/none-such")
    assert_accessible(page, "not found")
    page.goto("/api/docs/")
    expect(page.locator(".opblock").first).to_be_visible(timeout=30_000)
    page.locator(".opblock-summary").first.click()  # an operation opened, as an integrator does
    assert_accessible(page, "the API's Swagger UI")


@pytest.fixture()
def fresh(tmp_path: Path) -> Iterator[str]:
    """A fresh installation (no account yet), for the first-administrator and sign-in pages."""
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"})
    app.wsgi_app = static_read_whole(app.wsgi_app)  # type: ignore[method-assign]
    try:
        with serve(app) as url:
            yield url
    finally:
        app.extensions["database"].dispose()


def test_setup_and_sign_in_pages_and_the_units_name(browser: Browser, fresh: str) -> None:
    context = browser.new_context(viewport=DESKTOP, base_url=fresh)
    page = context.new_page()
    page.goto("/")
    page.wait_for_url("**/setup")
    assert_accessible(page, "the first administrator")
    icon = page.locator('link[rel="icon"]').get_attribute("href")
    assert icon and page.request.get(icon).status == 200  # a favicon, not a 404
    page.fill("#unit", "UBND phường Dĩnh Kế")
    page.fill("#username", "lan")
    page.fill("#password", "mật khẩu đủ dài 2024")
    page.fill("#password_again", "mật khẩu đủ dài 2024")
    page.locator("form").last.locator("button[type=submit]").click()
    page.wait_for_url(f"{fresh}/")
    expect(page.locator(".signout")).to_contain_text("lan · UBND phường Dĩnh Kế")  # not its slug
    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_url("**/login*")
    assert_accessible(page, "sign in")
    context.close()


def test_the_first_required_field_is_a_few_tabs_away(page: Page) -> None:
    new_draft(page)
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link").first).to_be_focused()
    expect(page.locator(".skip-link").first).to_have_text("Đến phần đầu của văn bản")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.path")
    assert focused == "type"  # the first field of the first part, required
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.path") == "issuer.name"  # required

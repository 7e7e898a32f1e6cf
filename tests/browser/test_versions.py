"""Drafts and their versions in real Chromium: a draft is made by the first change, never by
the click; an older copy in the browser never shows over the newer saved version, and a
save refused because someone saved in between opens a dialog with both versions."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.driving import draft_id, field, form_json, new_draft, wait_saved

pytestmark = pytest.mark.browser


def drafts_on_server(page: Page) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = page.evaluate(
        "fetch('/api/v1/drafts').then((r) => r.json()).then((d) => d.drafts)"
    )
    return found


def save_elsewhere(page: Page, ident: str, data: dict[str, Any], revision: int) -> int:
    """What another browser does: PUT a newer version; its new revision."""
    answer: dict[str, Any] = page.evaluate(
        """async ([id, data, revision]) => {
          const token = document.querySelector('meta[name="csrf-token"]').content;
          const r = await fetch(`/api/v1/drafts/${id}`, {
            method: 'PUT', body: JSON.stringify({data, revision}),
            headers: {'Content-Type': 'application/json', 'X-CSRF-Token': token},
          });
          return r.json();
        }""",
        [ident, data, revision],
    )
    return int(answer["revision"])


def leave_older_copy(page: Page, ident: str, data: dict[str, Any], revision: int) -> None:
    """An unsent copy this browser kept an hour ago, typed over `revision`."""
    copy = {"data": data, "revision": revision, "at": (time.time() - 3600) * 1000}
    page.evaluate(
        "([key, copy]) => localStorage.setItem(key, copy)",
        [f"plandoc.draft.{ident}", json.dumps(copy, ensure_ascii=False)],
    )


def test_a_draft_is_made_by_the_first_change_not_by_the_click(page: Page) -> None:
    page.goto("/")
    before = len(drafts_on_server(page))
    new_draft(page)
    assert "/drafts/new" in page.url
    page.go_back()
    new_draft(page, "letter")
    page.goto("/")
    assert len(drafts_on_server(page)) == before  # opened twice, typed nothing: no draft
    new_draft(page)
    field(page, "place").type("Dĩnh Kế")
    ident = draft_id(page)
    page.wait_for_url(f"**/drafts/{ident}")
    wait_saved(page)
    after = drafts_on_server(page)
    assert len(after) == before + 1 and ident in {d["id"] for d in after}
    page.reload()
    assert field(page, "place").input_value() == "Dĩnh Kế"


@pytest.mark.parametrize("choice", ["saved", "mine"])
def test_an_older_browser_copy_never_shows_over_the_newer_saved_version(
    page: Page, choice: str
) -> None:
    new_draft(page)
    field(page, "title").fill("Bản đầu tiên")
    wait_saved(page)
    ident = draft_id(page)
    revision = int(page.evaluate("window.plandoc.sync.revision"))
    older = {**form_json(page), "title": "Bản cũ gõ trong trình duyệt này"}
    newer = {**form_json(page), "title": "Bản mới lưu ở máy khác"}
    save_elsewhere(page, ident, newer, revision)
    leave_older_copy(page, ident, older, revision)
    page.reload()
    dialog = page.locator("#versions")
    expect(dialog).to_be_visible()
    assert field(page, "title").input_value() == newer["title"]  # the newer one is shown
    expect(dialog.locator("tbody")).to_contain_text(older["title"])
    expect(dialog.locator("tbody")).to_contain_text(newer["title"])
    expect(page.locator("#versions-keep-saved")).to_be_focused()
    page.keyboard.press("Escape")  # not a choice: the dialog stays
    expect(dialog).to_be_visible()
    page.click("#versions-keep-saved" if choice == "saved" else "#versions-keep-mine")
    expect(dialog).to_be_hidden()
    kept = newer if choice == "saved" else older
    assert field(page, "title").input_value() == kept["title"]
    if choice == "mine":
        wait_saved(page)  # the officer's choice is sent with the current revision
    else:
        key = f"plandoc.draft.{ident}"
        assert page.evaluate("(key) => localStorage.getItem(key)", key) is None
    page.reload()
    expect(dialog).to_be_hidden()
    assert field(page, "title").input_value() == kept["title"]


def test_a_save_refused_in_between_shows_both_versions(page: Page) -> None:
    new_draft(page)
    field(page, "title").fill("Kế hoạch của máy A")
    wait_saved(page)
    other = page.context.browser.new_context(base_url=page.url.split("/drafts")[0])  # type: ignore[union-attr]
    second = other.new_page()
    second.goto(page.url)
    field(second, "title").fill("Kế hoạch sửa ở máy B")
    wait_saved(second)
    field(page, "place").fill("Dĩnh Kế")  # typed on A over the older revision: 409
    dialog = page.locator("#versions")
    expect(dialog).to_be_visible()
    expect(dialog.locator("tbody")).to_contain_text("Kế hoạch sửa ở máy B")
    expect(dialog.locator("tbody")).to_contain_text("Dĩnh Kế")
    page.click("#versions-keep-mine")
    wait_saved(page)
    second.reload()
    assert field(second, "place").input_value() == "Dĩnh Kế"
    field(second, "place").fill("Yên Dũng")
    wait_saved(second)
    field(page, "title").fill("Tiêu đề mới ở máy A")
    expect(dialog).to_be_visible()
    page.click("#versions-keep-saved")
    assert form_json(page)["place"] == "Yên Dũng"
    assert form_json(page)["title"] == "Kế hoạch của máy A"
    other.close()

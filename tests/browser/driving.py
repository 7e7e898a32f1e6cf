"""Driving the pages as an officer would: the add buttons, typing into the fields, downloads."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from playwright.sync_api import Locator, Page, expect

SELECTS = {"type", "mode", "numbering", "after"}
ENTRY_LISTS = {"numbered", "lettered", "specific", "articles"}  # typed into their `text`
FIRST = ("type", "mode")  # choices that change which other fields are shown


def field(page: Page, path: str) -> Locator:
    """The input, textarea or select of a dotted path."""
    return page.locator(f'[data-path="{path}"]')


def text_of(page: Page, path: str) -> str:
    """The plain text of a field, an input or a rich box alike."""
    return str(field(page, path).evaluate("e => e.value"))


def new_draft(page: Page, kind: str = "plan") -> str:
    """Start a new plan (or letter) from the drafts page; the editor's URL (`/drafts/new?...`
    until the first change makes the draft)."""
    page.goto("/")
    page.click({"plan": "#new-ke_hoach", "letter": "#new-cong_van"}.get(kind, f"#new-{kind}"))
    page.wait_for_url("**/drafts/*")
    page.wait_for_selector("#plan-form section")
    return page.url


def draft_id(page: Page) -> str:
    """The id of the draft the editor shows (once its first change has made it)."""
    page.wait_for_url(re.compile(r"/drafts/[0-9a-f]+$"))  # the address of the draft once made
    return page.url.rsplit("/", 1)[1]


def fill_document(page: Page, plan: dict[str, Any]) -> None:
    """Type a whole plan into the form, adding every entry with its button."""
    _fill_object(page, "", plan)


def _fill_object(page: Page, base: str, data: dict[str, Any]) -> None:
    for key in sorted(data, key=lambda k: k not in FIRST):
        _fill(page, f"{base}.{key}" if base else key, key, data[key])


def _fill(page: Page, path: str, key: str, value: Any) -> None:
    if isinstance(value, dict):
        _fill_object(page, path, value)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            page.locator(f'[data-add="{path}"]').dispatch_event("click")
            entry = f"{path}.{i}.text" if key in ENTRY_LISTS and isinstance(item, str) else None
            _fill(page, entry or f"{path}.{i}", "text" if entry else key, item)
    elif isinstance(value, bool):
        field(page, path).set_checked(value)
    elif key in SELECTS:
        field(page, path).select_option(str(value))
    elif value is not None:
        field(page, path).fill(str(value))


def form_json(page: Page) -> Any:
    """What the form serializes to: the contract JSON it would send."""
    return page.evaluate("() => window.plandoc.serialize(window.plandoc.form.state)")


def import_json(page: Page, data: dict[str, Any], folder: Path, name: str = "plan.json") -> None:
    """Load a plan file through the editor's Import JSON button (confirming the replace)."""
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    page.once("dialog", lambda dialog: dialog.accept())
    page.set_input_files("#import-json", str(path))
    expect(page.locator("#action-status")).to_contain_text(name)


def export_json(page: Page) -> Any:
    """Export through the editor's button and read the downloaded file."""
    with page.expect_download() as download:
        page.click("#export-json")
    return json.loads(Path(download.value.path()).read_text("utf-8"))


def download(page: Page, button: str) -> tuple[str, bytes]:
    """Click a download button; the file's suggested name and its bytes."""
    with page.expect_download(timeout=60_000) as info:
        page.click(button)
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def wait_saved(page: Page) -> None:
    """Until the autosave reports that the server has everything."""
    expect(page.locator("#save-status")).to_contain_text("Đã lưu mọi thay đổi lúc", timeout=10_000)


def put_on_clipboard(page: Page, data: dict[str, str]) -> None:
    """Put exactly these formats on the browser's real clipboard (as Word or Excel would)."""
    page.evaluate(
        """(data) => {
          const put = (e) => {
            for (const [type, value] of Object.entries(data)) e.clipboardData.setData(type, value);
            e.preventDefault();
          };
          document.addEventListener("copy", put, { once: true, capture: true });
          if (!document.execCommand("copy")) throw new Error("copy refused");
        }""",
        data,
    )


def paste(page: Page, text: str, html: str | None = None) -> None:
    """A real Ctrl+V of `text` (and its HTML) into the focused field."""
    put_on_clipboard(page, {"text/plain": text, **({"text/html": html} if html else {})})
    page.keyboard.press("Control+V")

"""How many clicks, keys and pastes an officer needs to type a plan into the form.

The officer copies each text from last year's Word file and pastes it (one paste an action,
whatever its length), adds entries with the "+" buttons or, where the form starts the next
entry on Enter, with Enter, and clicks a field only when the focus is not already in it.
What the form supports is tried, not assumed: Enter is tried once per kind of list and a
multi-line paste once per page; a try that fails is not counted. The same code measured the
form before and after issue 11. Run `python -m tests.browser.effort` for the figures.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page

from tests.browser.driving import paste

ENTRY_LISTS = {"numbered", "lettered", "specific"}
SELECTS = {"type", "mode", "numbering", "after"}
LEADS = ("text", "heading", "agency", "report")  # the field an added entry focuses first


@dataclass
class Effort:
    """The officer's actions, by kind."""

    clicks: int = 0
    keys: int = 0
    pastes: int = 0
    enter_kinds: dict[str, bool] = field(default_factory=dict)
    multi_paste: bool | None = None

    @property
    def actions(self) -> int:
        return self.clicks + self.keys + self.pastes


class Officer:
    """Types a plan into an empty form, counting what a person would do."""

    def __init__(self, page: Page, *, multi_paste: bool = True) -> None:
        self.page = page
        self.effort = Effort()
        self.allow_multi_paste = multi_paste

    def focused(self) -> str:
        return str(self.page.evaluate("document.activeElement?.dataset?.path ?? ''"))

    def click(self, selector: str) -> None:
        self.page.locator(selector).first.click()
        self.effort.clicks += 1

    def put(self, path: str, text: str) -> None:
        if self.focused() != path:
            self.click(f'[data-path="{path}"]')
        paste(self.page, text)
        self.effort.pastes += 1

    def start(self) -> None:
        self.page.goto("/")
        self.click("#new-ke_hoach")
        self.page.wait_for_url("**/drafts/*")
        self.page.wait_for_selector("#plan-form section")
        self.effort.multi_paste = self.allow_multi_paste and self.probe_multi_paste()

    def probe_multi_paste(self) -> bool:
        """Does a two-line paste make two entries? (Tried on the recipients, then undone.)"""
        self.page.locator('[data-add="recipients"]').click()
        paste(self.page, "x\ny")
        result = self.page.evaluate("window.plandoc.form.state.recipients")
        while self.page.locator('[data-action="remove"][data-target^="recipients."]').count():
            self.page.locator('[data-action="remove"][data-target^="recipients."]').first.click()
        return bool(result == ["x", "y"])

    def fill(self, plan: dict[str, Any]) -> None:
        self.fill_object("", plan)

    def fill_object(self, base: str, data: dict[str, Any]) -> None:
        keys = sorted(data, key=lambda k: (k not in ("type", "mode"), k not in LEADS))
        for key in keys:
            self.fill_value(f"{base}.{key}" if base else key, key, data[key])

    def fill_value(self, path: str, key: str, value: Any) -> None:
        if isinstance(value, dict):
            self.fill_object(path, value)
        elif isinstance(value, list):
            self.fill_list(path, key, value)
        elif isinstance(value, bool):
            self.click(f'[data-path="{path}"]')
        elif key in SELECTS:
            if self.page.locator(f'[data-path="{path}"]').input_value() != str(value):
                self.page.locator(f'[data-path="{path}"]').select_option(str(value))
                self.effort.clicks += 2  # open the list, pick the option
        elif value is not None:
            self.put(path, str(value))

    def fill_list(self, path: str, key: str, values: list[Any]) -> None:
        plain = all(isinstance(v, str) for v in values)
        entry = key in ENTRY_LISTS
        if plain and len(values) > 1 and self.effort.multi_paste:
            self.click(f'[data-add="{path}"]')
            paste(self.page, "\n".join(values))
            self.effort.pastes += 1
            return
        for i, value in enumerate(values):
            self.next_entry(path, key, i)
            if entry and isinstance(value, str):
                self.put(f"{path}.{i}.text", value)
            elif isinstance(value, dict):
                self.fill_object(f"{path}.{i}", value)
            else:
                self.put(f"{path}.{i}", str(value))

    def next_entry(self, path: str, key: str, index: int) -> None:
        """Enter from the previous entry where the form supports it, else its "+" button."""
        previous = {f"{path}.{index - 1}"} | {f"{path}.{index - 1}.{lead}" for lead in LEADS}
        supported = self.effort.enter_kinds.get(key, True)
        if index and supported and self.focused() in previous:
            self.page.keyboard.press("Enter")
            now = self.focused()
            if now == f"{path}.{index}" or now.startswith(f"{path}.{index}."):
                self.effort.enter_kinds[key] = True
                self.effort.keys += 1
                return
            self.effort.enter_kinds[key] = False  # tried once, not counted: click from now on
        self.click(f'[data-add="{path}"]')


def measure(page: Page, plan: dict[str, Any], *, multi_paste: bool = True) -> Effort:
    """Type `plan` into a new draft; the effort it took (the form then holds the plan)."""
    officer = Officer(page, multi_paste=multi_paste)
    officer.start()
    officer.fill(plan)
    return officer.effort


def main() -> None:
    """Print the figures for the Dĩnh Kế plan, one entry at a time and with multi-line pastes."""
    from playwright.sync_api import sync_playwright

    from service.http import create_app
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP
    from tests.conftest import plan_json
    from tests.serving import serve

    plan = plan_json("ke-hoach-dinh-ke-2024")
    folder = tempfile.mkdtemp(prefix="plandoc-effort-")
    settings = {"DATABASE_URL": f"sqlite:///{folder}/drafts.db", "RATE_LIMIT_PER_MINUTE": 0}
    app = create_app({"AUTH_REQUIRED": False, **settings})
    with serve(app) as url, sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for multi in (False, True):
            context = browser.new_context(viewport=DESKTOP, base_url=url)
            context.grant_permissions(["clipboard-read", "clipboard-write"])
            page = context.new_page()
            effort = measure(page, plan, multi_paste=multi)
            typed = page.evaluate("window.plandoc.serialize(window.plandoc.form.state)")
            print(
                json.dumps(
                    {
                        "multi_line_paste": effort.multi_paste,
                        "clicks": effort.clicks,
                        "keys": effort.keys,
                        "pastes": effort.pastes,
                        "actions": effort.actions,
                        "enter_starts_next": effort.enter_kinds,
                        "form_equals_plan": typed == plan,
                    },
                    ensure_ascii=False,
                )
            )
            context.close()
        browser.close()


if __name__ == "__main__":
    main()

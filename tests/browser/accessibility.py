"""axe-core (installed by scripts/setup.sh from tests/browser/package-lock.json) run in a page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
SEVERE = ("serious", "critical")


def axe_violations(page: Page, impacts: tuple[str, ...] = SEVERE) -> list[dict[str, Any]]:
    """The page's violations of those impacts: rule, impact, help and the first offenders."""
    assert AXE.exists(), "axe-core is missing: run scripts/setup.sh"
    # Evaluated through the DevTools protocol, so the page's CSP (no inline script) stays on.
    page.evaluate(AXE.read_text("utf-8") + "\n;undefined")
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"][:5]],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]

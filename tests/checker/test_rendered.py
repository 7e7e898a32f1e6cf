"""Every golden plan, rendered by our renderer, passes the checker without an error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import load_document
from service.checker import PROFILES, check
from service.rendering import Renderer

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
GOLDEN = sorted(p.stem for p in PLANS.glob("*.json"))


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("name", GOLDEN)
def test_our_rendered_documents_have_no_errors(name: str, profile: str) -> None:
    plan = json.loads((PLANS / f"{name}.json").read_text("utf-8"))
    report = check(Renderer().render_docx(load_document(plan)), profile=profile)
    errors = [(f.rule, f.where.text, f.found) for f in report.findings if f.severity == "error"]
    assert errors == []
    # Ours print the house values themselves: nothing departs from them either.
    assert [(f.rule, f.found) for f in report.findings if f.basis == "house"] == []
    assert report.kind == plan["type"]

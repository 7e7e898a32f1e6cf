"""Every golden plan, rendered by our renderer, passes the checker without an error.

The checker is being rewritten beside contract v1.1. Where it still disagrees with our
v1.1 output, the finding is listed in tests/checker/known.py with why we believe the output
is right; those findings are left out of the main test and a strict xfail expects them gone,
so the lead sees at once when the rewrite resolves them (and any other error fails now).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from schemas import load_document
from service.checker import check
from service.checker.report import Report
from service.rendering import Renderer
from tests.checker.known import KIND_UNKNOWN, KNOWN, is_known

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
GOLDEN = sorted(p.stem for p in PLANS.glob("*.json"))


@cache
def _report(name: str) -> tuple[str, Report]:
    plan = json.loads((PLANS / f"{name}.json").read_text("utf-8"))
    return plan["type"], check(Renderer().render_docx(load_document(plan)))


def _errors(name: str) -> list[tuple[str, str]]:
    _, report = _report(name)
    return [(f.rule, f.where.text or "") for f in report.findings if f.severity == "error"]


@pytest.mark.parametrize("name", GOLDEN)
def test_our_rendered_documents_have_no_errors(name: str) -> None:
    kind, report = _report(name)
    errors = [(rule, text) for rule, text in _errors(name) if not is_known(name, rule, text)]
    assert errors == []
    assert report.kind == (None if kind in KIND_UNKNOWN else kind)


@pytest.mark.parametrize("name", sorted(KNOWN))
def test_known_disagreements_are_exactly_these(name: str) -> None:
    """The findings listed above are there now, each once (no more, no fewer)."""
    found = sorted((rule, text) for rule, text in _errors(name) if is_known(name, rule, text))
    assert len(found) == len(KNOWN[name])


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=pytest.mark.xfail(
                strict=True,
                reason="; ".join(sorted({why for (_, why), _ in KNOWN[name]})),
            ),
        )
        for name in sorted(KNOWN)
    ],
)
def test_checker_agrees_with_contract_v11(name: str) -> None:
    """Expected to pass once the checker rewrite knows contract v1.1 (strict xfail now)."""
    kind, report = _report(name)
    assert _errors(name) == []
    assert report.kind == kind

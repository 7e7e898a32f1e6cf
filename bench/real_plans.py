"""Real plans for the PDF benchmarks: the fixtures, made distinct per request so no cache helps."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from schemas import load_document
from service.rendering import Renderer

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "tests/fixtures/plans"
# The documents a district sends as PDF: plans (and decisions, once contract v1.1 brings them).
KINDS = ("ke-hoach", "quyet-dinh")


def fixture_names() -> list[str]:
    """The fixture plans of the kinds above, by name."""
    return sorted(p.stem for p in PLANS.glob("*.json") if p.stem.startswith(KINDS))


def distinct(count: int, salt: int, names: list[str] | None = None) -> list[dict[str, Any]]:
    """`count` plan JSONs, the fixtures in turn, each with its own number and date."""
    names = names or fixture_names()
    sources = {n: json.loads((PLANS / f"{n}.json").read_text("utf-8")) for n in names}
    plans = []
    for i in range(count):
        plan = copy.deepcopy(sources[names[i % len(names)]])
        serial = salt * count + i + 1
        plan["number"] = serial  # printed in the header and the PDF's subject
        plan["date"] = f"2024-{1 + serial % 12:02d}-{1 + serial % 28:02d}"
        plans.append(plan)
    return plans


def render(plans: list[dict[str, Any]], renderer: Renderer | None = None) -> list[bytes]:
    """The plans' DOCX, through the service's own renderer."""
    renderer = renderer or Renderer()
    return [renderer.render_docx(load_document(plan)) for plan in plans]

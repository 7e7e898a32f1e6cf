"""Every golden plan, and contract v1.1's new shapes, rendered by our renderer, pass the
checker without an error in either profile (and without a house finding)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from schemas import load_document
from service.checker import PROFILES, check
from service.rendering import Renderer
from tests.builders import minimal_decision, minimal_plan

PLANS = Path(__file__).resolve().parents[1] / "fixtures" / "plans"
GOLDEN = sorted(p.stem for p in PLANS.glob("*.json"))


def _rich_plan() -> dict[str, Any]:
    """A v1.1 plan: spans and a footnote, dash and plus items, a task table, appendices
    labelled as typed, one of them landscape."""
    plan = minimal_plan()
    table = {
        "columns": [
            {"title": "STT", "width": 8, "align": "center"},
            {"title": "Nhiệm vụ", "width": 60},
            {"title": "Thời gian hoàn thành", "width": 20, "align": "center"},
        ],
        "rows": [{"group": "I. NHIỆM VỤ CHUNG"}, ["1", "Triển khai nền tảng số", "Quý I"]],
        "font_size": 12,
    }
    lead = {"text": "Lưu ý: ", "bold": True}
    note = {"footnote": "Theo Quyết định số 2820/QĐ-UBND ngày 20/11/2025."}
    plan["tasks"] = {
        "sections": [
            {
                "heading": "Tuyên truyền",
                "content": [
                    {"paragraph": [lead, "các cơ quan gửi báo cáo trước ngày 15", note, "."]},
                    {"dash": "Các sở, ngành triển khai kế hoạch"},
                    {"plus": "Sở Nội vụ theo dõi, đôn đốc"},
                    {"plus": [{"text": "Sở Tài chính", "italic": True}, " bảo đảm kinh phí"]},
                    {"table": table},
                ],
            }
        ]
    }
    plan["appendices"] = [
        {
            "label": "PHỤ LỤC I",
            "title": "DANH MỤC NHIỆM VỤ",
            "orientation": "landscape",
            "content": [{"table": table}],
        },
        {"label": "PHỤ LỤC II", "title": "DANH SÁCH CƠ QUAN", "items": ["Sở Nội vụ."]},
    ]
    return plan


def _decision_with_signoff() -> dict[str, Any]:
    decision = minimal_decision(title="VỀ VIỆC BAN HÀNH KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026")
    decision["attachment"]["signoff"] = "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP"
    decision["legal_basis"].append("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020")
    return decision


def _golden(name: str) -> dict[str, Any]:
    plan: dict[str, Any] = json.loads((PLANS / f"{name}.json").read_text("utf-8"))
    return plan


V11 = {
    "decision": minimal_decision,
    "decision-signoff": _decision_with_signoff,
    "plan-v1.1": _rich_plan,
}


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("name", [*GOLDEN, *V11])
def test_our_rendered_documents_have_no_errors(name: str, profile: str) -> None:
    plan = V11[name]() if name in V11 else _golden(name)
    report = check(Renderer().render_docx(load_document(plan)), profile=profile)
    errors = [(f.rule, f.where.text, f.found) for f in report.findings if f.severity == "error"]
    assert errors == []
    # Ours print the house values themselves: nothing departs from them either, but where
    # contract v1.1 keeps what the author typed (a number padded by the register, a `;` that
    # leads the bases into the preamble's sentence).
    house = [(f.rule, f.found) for f in report.findings if f.basis == "house"]
    assert [(rule, found) for rule, found in house if rule not in _as_typed(plan)] == []
    assert report.kind == plan["type"]


def _as_typed(plan: dict[str, Any]) -> set[str]:
    """The house rules a plan's own typing overrides (contract v1.1 §6)."""
    kept = set()
    number = plan.get("number") or ""
    if len(number) > 2 and number.startswith("0"):
        kept.add("number.format")
    bases = [line for line in plan.get("preamble", []) if str(line).startswith("Căn cứ")]
    if bases and str(bases[-1]).rstrip().endswith(";"):
        kept.add("preamble.legal_basis")
    return kept

"""A task table of 100, 1,000 and 2,000 rows, validated and rendered: the cost per row
stays flat (linear growth). Prints each size's time and the per-row ratio to 100 rows."""

from __future__ import annotations

import time
from typing import Any

from schemas import load_document
from service.rendering import Renderer
from tests.builders import minimal_plan

SIZES = (100, 1_000, 2_000)
COLUMNS = [
    {"title": "STT", "width": 8, "align": "center"},
    {"title": "Nhiệm vụ", "width": 40},
    {"title": "Cơ quan chủ trì", "width": 17, "align": "center"},
    {"title": "Cơ quan phối hợp", "width": 20},
    {"title": "Thời gian hoàn thành", "width": 15, "align": "center"},
]


def plan_with_rows(count: int) -> dict[str, Any]:
    """A plan whose tasks are one task table of `count` rows, a group row every 50."""
    rows: list[Any] = []
    for n in range(1, count + 1):
        if n % 50 == 1:
            rows.append({"group": f"Nhóm nhiệm vụ {n // 50 + 1}"})
        rows.append(
            [
                str(n),
                f"Triển khai nhiệm vụ số {n} về chuyển đổi số trên địa bàn tỉnh",
                "Sở Khoa học và Công nghệ",
                "Các sở, ban, ngành; UBND các xã, phường",
                "Quý IV/2026",
            ]
        )
    table = {"columns": COLUMNS, "rows": rows}
    return minimal_plan(tasks={"content": [{"table": table}]})


def _best(action: Any, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best


def run() -> dict[int, dict[str, float]]:
    """Seconds to validate and render each size (best of a few runs)."""
    renderer = Renderer()
    renderer.render_docx(load_document(plan_with_rows(10)))  # templates compiled
    figures = {}
    for count in SIZES:
        plan = plan_with_rows(count)
        load = _best(lambda plan=plan: load_document(plan), 3)
        document = load_document(plan)
        render = _best(lambda document=document: renderer.render_docx(document), 3)
        figures[count] = {
            "load_s": load,
            "render_s": render,
            "per_row_ms": (load + render) / count * 1000,
        }
    return figures


def report(figures: dict[int, dict[str, float]]) -> str:
    """Human-readable lines."""
    base = figures[SIZES[0]]["per_row_ms"]
    lines = ["Task table, validated and rendered to DOCX (best of 3)"]
    for count, f in figures.items():
        lines.append(
            f"  {count:5d} rows: validate {f['load_s'] * 1000:7.1f} ms, render "
            f"{f['render_s'] * 1000:7.1f} ms, {f['per_row_ms']:.3f} ms/row "
            f"({f['per_row_ms'] / base:.2f}x the per-row cost at {SIZES[0]} rows)"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))

"""DOCX throughput: the service through its HTTP layer against naive docxtpl, in one run."""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from schemas import load_document
from service.http import create_app
from service.rendering import Renderer, build_context
from service.rendering.docx import render_naive

EXAMPLE = Path(__file__).resolve().parent.parent / "tests/fixtures/plans/ke-hoach-bac-kan-2023.json"


def _rate(action: Callable[[], Any], n: int) -> tuple[float, float]:
    """(documents per second, median milliseconds per document) over n runs after a warm-up."""
    for _ in range(3):
        action()
    times = []
    for _ in range(n):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return len(times) / sum(times), statistics.median(times) * 1000


def run(n: int = 100) -> dict[str, float]:
    """Render the example plan n times each way and return the figures."""
    plan = json.loads(EXAMPLE.read_text("utf-8"))
    database = f"sqlite:///{tempfile.mkdtemp()}/bench.db"
    config = {"TESTING": True, "DATABASE_URL": database, "AUTH_REQUIRED": False}
    client = create_app(config).test_client()
    renderer = Renderer()
    context = build_context(load_document(plan))
    template = renderer.template_path(load_document(plan).type)

    def service() -> None:
        response = client.post("/api/v1/documents?format=docx", json=plan)
        assert response.status_code == 200

    def naive() -> None:
        render_naive(template, context)

    service_rate, service_ms = _rate(service, n)
    naive_rate, naive_ms = _rate(naive, n)
    return {
        "service_docs_per_s": service_rate,
        "service_ms": service_ms,
        "naive_docs_per_s": naive_rate,
        "naive_ms": naive_ms,
        "ratio": service_rate / naive_rate,
    }


def report(figures: dict[str, float]) -> str:
    """Human-readable lines."""
    return (
        "DOCX, the contract's example plan (TP. Bắc Kạn), same template and context\n"
        f"  service (HTTP + validation + render): {figures['service_docs_per_s']:7.1f} docs/s"
        f"  ({figures['service_ms']:.1f} ms median)\n"
        f"  naive docxtpl (new template per doc):  {figures['naive_docs_per_s']:7.1f} docs/s"
        f"  ({figures['naive_ms']:.1f} ms median)\n"
        f"  ratio: {figures['ratio']:.2f}x (goal >= 3x)"
    )


if __name__ == "__main__":
    print(report(run()))

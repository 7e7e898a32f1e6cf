"""Checker speed: our rendered 10-page plan (TP. Bắc Kạn) checked cold and warm."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from schemas import load_document
from service.checker import check
from service.rendering import Renderer

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests/fixtures/plans/ke-hoach-bac-kan-2023.json"

# A fresh interpreter: importing the checker, then its first check (every cache empty).
_COLD = """
import json, sys, time
started = time.perf_counter()
from service.checker import check
imported = time.perf_counter()
data = open(sys.argv[1], "rb").read()
began = time.perf_counter()
report = check(data)
done = time.perf_counter()
print(json.dumps({"import_ms": (imported - started) * 1000, "first_ms": (done - began) * 1000,
                  "pages": report.pages, "errors": report.errors}))
"""


def _document() -> bytes:
    plan = json.loads(EXAMPLE.read_text("utf-8"))
    return Renderer().render_docx(load_document(plan))


def _cold(data: bytes) -> dict[str, float]:
    with tempfile.NamedTemporaryFile(suffix=".docx") as file:
        file.write(data)
        file.flush()
        result = subprocess.run(
            [sys.executable, "-c", _COLD, file.name],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
    figures: dict[str, float] = json.loads(result.stdout)
    return figures


def run(n: int = 50) -> dict[str, float]:
    """Check the rendered example cold (a fresh process) and n times warm; return figures."""
    data = _document()
    cold = _cold(data)
    check(data)  # warm the caches of this process
    times = []
    for _ in range(n):
        started = time.perf_counter()
        report = check(data)
        times.append(time.perf_counter() - started)
    times.sort()
    warm_ms = statistics.median(times) * 1000
    return {
        "pages": float(report.pages),
        "errors": float(report.errors),
        "import_ms": cold["import_ms"],
        "cold_ms": cold["first_ms"],
        "warm_ms": warm_ms,
        "warm_p95_ms": times[int(len(times) * 0.95) - 1] * 1000,
        "warm_ms_per_page": warm_ms / report.pages,
        "docs_per_s": len(times) / sum(times),
    }


def report(figures: dict[str, float]) -> str:
    """Human-readable lines."""
    return (
        f"Checker, the contract's example plan rendered ({figures['pages']:.0f} pages, "
        f"{figures['errors']:.0f} errors found)\n"
        f"  cold (fresh process, first check): {figures['cold_ms']:7.1f} ms"
        f"  (+ {figures['import_ms']:.0f} ms to import the checker)\n"
        f"  warm (median of repeated checks):  {figures['warm_ms']:7.1f} ms"
        f"  (p95 {figures['warm_p95_ms']:.1f} ms, {figures['warm_ms_per_page']:.1f} ms a page,"
        f" {figures['docs_per_s']:.0f} docs/s)\n"
        "  goal: well under 1000 ms"
    )


if __name__ == "__main__":
    print(report(run()))

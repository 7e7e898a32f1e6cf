"""Load on loopback under gunicorn: 60 s at saturation each for DOCX and PDF, nothing but
documented back-pressure, memory flat after warm-up. Bounded in time; 127.0.0.1 only."""

from __future__ import annotations

import os

import pytest

from bench.load_bench import run

pytestmark = pytest.mark.slow
SECONDS = float(os.environ.get("LOAD_SECONDS", "60"))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_saturation_without_errors_or_memory_growth(fmt: str) -> None:
    figures = run(SECONDS, fmt)
    print(figures)  # the figures land in the CI log
    assert figures["errors"] == 0, figures["statuses"]
    assert figures["statuses"].get(200, 0) > 0
    assert figures["rss_growth_pct"] <= 10, figures

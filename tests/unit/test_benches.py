"""The benchmarks' own code paths run (small sizes, no timing asserted): a benchmark that
breaks is found here, not on the day its figures are wanted (the batch bench's naive loop
broke silently when document types became a registry)."""

from __future__ import annotations

import gc
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import batch_bench, docx_bench, table_bench
from schemas import load_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures/plans"


@pytest.fixture()
def collector() -> Iterator[None]:
    """The DOCX bench tunes the collector as a serving process does (service/heap.py):
    put back what the rest of the test run expects."""
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


@pytest.mark.usefixtures("collector")
def test_docx_bench_measures_both_sides_on_both_plans() -> None:
    for path in docx_bench.PLANS.values():
        figures = docx_bench.measure(json.loads(path.read_text("utf-8")), 10)
        assert figures["service_docs_per_s"] > 0 and figures["naive_docs_per_s"] > 0
        assert figures["ratio"] == figures["service_docs_per_s"] / figures["naive_docs_per_s"]


def test_the_bench_plan_with_tables_has_what_its_name_says() -> None:
    plan = json.loads(docx_bench.PLANS["v1.1 plan with tables and footnotes"].read_text("utf-8"))
    text = json.dumps(plan, ensure_ascii=False)
    assert text.count('"table"') >= 2 and '"footnote"' in text and '"bold"' in text
    assert load_document(plan).appendices[0].orientation.value == "landscape"


def test_table_bench_plans_load_with_their_rows() -> None:
    document = load_document(table_bench.plan_with_rows(120))
    table = document.tasks.content[0]
    assert len(table.rows) == 120 + 3  # a group row every 50


def test_batch_bench_renders_the_same_communes_both_ways(tmp_path: Path) -> None:
    service = batch_bench.batch_path(3, tmp_path / "service")
    (tmp_path / "naive").mkdir()
    naive = batch_bench.naive_loop(3, tmp_path / "naive")
    assert service["docs_per_s"] > 0 and naive["docs_per_s"] > 0
    files = sorted((tmp_path / "naive" / "naive").glob("*.docx"))
    assert len(files) == 3
    for file in files:
        with zipfile.ZipFile(io.BytesIO(file.read_bytes())) as package:
            assert "Thực hiện Kế hoạch" in package.read("word/document.xml").decode("utf-8")

"""A PDF batch's rows converted in groups (one LibreOffice load each) by the worker, with a
joining fake over a real SQLite file: groups of the configured size, the fallback one by
one whenever the joint conversion fails, hand-backs without attempts, the lease renewed
through a long joint conversion, and the PDF cache left alone."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from service.batch.runtime import BatchRuntime
from service.batch.storage import MemoryStorage
from service.errors import ConversionError, ConversionTimeout, ConverterBusy, ConverterUnavailable
from tests.batch.communes import check_archive, commune_rows
from tests.batch.conftest import RuntimeFactory, make_app
from tests.batch.faults import attempts
from tests.batch.joining import JoiningConverter
from tests.batch.test_api import finished
from tests.batch.test_worker import submit


def pdf_batch(runtime: BatchRuntime, plan: dict[str, Any], count: int, **more: Any) -> str:
    return submit(runtime, plan, commune_rows(count), formats=["docx", "pdf"], **more)


def test_rows_are_converted_in_groups_and_cut_back_into_communes(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    storage = MemoryStorage()
    converter = JoiningConverter(pages=2)
    runtime = make_runtime(converter=converter, storage=storage, pdf_group=5)
    rows = commune_rows(12)
    batch_id = submit(runtime, plan, rows, formats=["docx", "pdf"])
    runtime.worker.drain(batch_id)
    assert runtime.batches.progress(batch_id).counts == {"done": 12}
    assert converter.joint == [5, 5, 2] and converter.calls == []  # no commune alone
    assert sorted(attempts(runtime.batches, batch_id)) == [1] * 12
    assert storage.writes == 12 * 2 + 2  # DOCX and PDF per commune, the ZIP, the merged PDF
    archive = storage.files[f"{batch_id}/archive.zip"]
    check_archive(archive, rows)
    check_archive(archive, rows, "pdf")
    for item in runtime.batches.done_items(batch_id):
        output = item.output("pdf")
        assert output is not None and output["pages"] == 2
        info = PdfReader(io.BytesIO(storage.files[output["key"]])).metadata
        assert info is not None and info["/Author"] == rows[item.position]["issuer.name"]
    merged = PdfReader(io.BytesIO(storage.files[f"{batch_id}/merged.pdf"]))
    assert len(merged.pages) == 24
    marks = [(o.title, merged.get_destination_page_number(o)) for o in merged.outline]
    assert marks == [(f"Xã {row['place']}", 2 * n) for n, row in enumerate(rows)]


@pytest.mark.parametrize(
    "failure",
    [
        ConversionError("LibreOffice could not convert the document"),
        ConversionTimeout("LibreOffice gave no answer within 25 s"),
        ConverterUnavailable("LibreOffice did not start"),
        RuntimeError("a bug in the fast path"),
        None,  # a joint PDF without its destinations: it cannot be cut
    ],
)
def test_a_failing_joint_conversion_falls_back_one_by_one(
    make_runtime: RuntimeFactory, plan: dict[str, Any], failure: Exception | None
) -> None:
    converter = JoiningConverter(pages=2, joint_failure=failure, cut=failure is not None)
    runtime = make_runtime(converter=converter, pdf_group=4, max_attempts=1)
    batch_id = pdf_batch(runtime, plan, 6)
    runtime.worker.drain(batch_id)
    progress = runtime.batches.progress(batch_id)
    assert progress.counts == {"done": 6} and progress.failures == []
    assert converter.joint == [4, 2] and len(converter.calls) == 6  # then each alone


class FailingAlone(JoiningConverter):
    """Joint conversions fail; alone, the third document fails too."""

    def convert(self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
        if len(self.calls) == 2:
            self.calls.append((docx, pdfa, timeout))
            raise ConversionError("LibreOffice could not convert the document")
        return super().convert(docx, pdfa=pdfa, timeout=timeout)


def test_after_the_fallback_only_the_row_at_fault_fails(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    converter = FailingAlone(pages=1, joint_failure=ConversionError("rejected"))
    runtime = make_runtime(converter=converter, pdf_group=4, max_attempts=1)
    batch_id = pdf_batch(runtime, plan, 4)
    runtime.worker.drain(batch_id)
    progress = runtime.batches.progress(batch_id)
    assert progress.batch.status == "partial" and progress.counts == {"done": 3, "failed": 1}
    assert [(f.position, f.error["code"]) for f in progress.failures] == [(2, "conversion_failed")]


def test_pdfa_and_docx_only_batches_are_not_joined(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    converter = JoiningConverter()
    runtime = make_runtime(converter=converter, pdf_group=4)
    pdfa = pdf_batch(runtime, plan, 3, options={"pdfa": True})
    runtime.worker.drain(pdfa)
    docx = submit(runtime, plan, commune_rows(3))
    runtime.worker.drain(docx)
    assert converter.joint == [] and [pdfa for _, pdfa, _ in converter.calls] == [True] * 3
    for batch_id in (pdfa, docx):
        assert runtime.batches.progress(batch_id).counts == {"done": 3}


def test_a_full_pdf_queue_hands_the_group_back_without_an_attempt(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    refusals = iter([ConverterBusy("all 1 PDF converters are busy", retry_after=1)])

    def refuse_once() -> None:
        if (refusal := next(refusals, None)) is not None:
            raise refusal

    converter = JoiningConverter(hook=refuse_once)
    runtime = make_runtime(converter=converter, pdf_group=3, max_attempts=1)
    batch_id = pdf_batch(runtime, plan, 3)
    began = time.monotonic()
    runtime.worker.drain(batch_id)
    assert time.monotonic() - began >= 1  # it waited Retry-After
    assert runtime.batches.progress(batch_id).counts == {"done": 3}
    assert converter.joint == [3, 3] and converter.calls == []  # handed back, then joined
    assert attempts(runtime.batches, batch_id) == [1, 1, 1]  # max 1: the refusal spent none


def test_the_pool_closing_under_a_joint_conversion_hands_the_rows_back(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    stop = threading.Event()
    converter = JoiningConverter(hook=stop.set, joint_failure=ConverterUnavailable("pool closed"))
    runtime = make_runtime(converter=converter, pdf_group=3)
    batch_id = pdf_batch(runtime, plan, 6)
    runtime.worker.drain(batch_id, stop)
    progress = runtime.batches.progress(batch_id)
    assert progress.counts == {"pending": 6} and progress.failures == []
    assert attempts(runtime.batches, batch_id) == [0] * 6 and converter.calls == []


def test_a_stop_lets_the_group_in_flight_finish_and_hands_back_the_rest(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    stop = threading.Event()
    converter = JoiningConverter(hook=stop.set)
    runtime = make_runtime(converter=converter, pdf_group=3)
    batch_id = pdf_batch(runtime, plan, 7)
    runtime.worker.drain(batch_id, stop)
    progress = runtime.batches.progress(batch_id)
    assert progress.counts == {"done": 3, "pending": 4} and converter.joint == [3]
    assert sorted(attempts(runtime.batches, batch_id)) == [0, 0, 0, 0, 1, 1, 1]
    runtime.worker.drain(batch_id)  # a restarted worker finishes the rest
    assert runtime.batches.progress(batch_id).counts == {"done": 7}


def test_the_lease_outlives_a_joint_conversion_longer_than_itself(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime(lease_seconds=0.6, pdf_group=4)
    stolen: list[int] = []

    def slow() -> None:
        time.sleep(1.5)  # 2.5 leases: only the heartbeat keeps the rows
        stolen.append(len(runtime.batches.claim(batch_id, "other/x", 4, 0.6, 3)))

    converter = JoiningConverter(hook=slow)
    runtime.worker.converter = lambda: converter
    batch_id = pdf_batch(runtime, plan, 4)
    runtime.worker.drain(batch_id)
    assert stolen == [0] and converter.joint == [4]
    assert runtime.batches.progress(batch_id).counts == {"done": 4}
    assert attempts(runtime.batches, batch_id) == [1] * 4


def test_batch_conversions_leave_the_pdf_cache_alone(tmp_path: Path, plan: dict[str, Any]) -> None:
    app = make_app(tmp_path)
    try:
        client = app.test_client()
        body = {"plan": plan, "rows": commune_rows(3), "fields": ["ten_xa"], "formats": ["pdf"]}
        created = client.post("/api/v1/batches", json=body).get_json()
        assert finished(client, created["urls"]["self"])["done"] == 3
        cache = app.extensions["converter"]
        assert len(cache.inner.calls) == 3  # converted, but not through the cache
        assert cache.stats().misses == cache.stats().entries == 0
    finally:
        app.extensions["batches"].close()

"""Draining with fakes (memory storage, fake converter) over a real SQLite database:
claims, leases, retries, crashes of workers, nothing lost and nothing twice."""

from __future__ import annotations

import io
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import Destination

from service.batch import services
from service.batch.records import Outcome
from service.batch.request import parse_request
from service.batch.runtime import BatchRuntime
from service.batch.storage import MemoryStorage
from service.batch.validation import PreparedRow
from service.errors import ConversionError
from service.rendering.pdf import FakeConverter
from tests.batch.communes import check_archive, commune_rows
from tests.batch.conftest import RuntimeFactory


def submit(
    runtime: BatchRuntime, plan: dict[str, Any], rows: list[dict[str, Any]], **more: Any
) -> str:
    request = parse_request({"plan": plan, "rows": rows, "fields": ["ten_xa"], **more}, 100)
    batch, created = services.submit(
        request, "unit", None, batches=runtime.batches, queue=runtime.queue
    )
    assert created
    return batch.id


@dataclass
class FlakyConverter:
    """Fails the first `failures` calls, then converts as the fake does."""

    failures: int
    pages: int = 2
    calls: int = 0
    hook: Any = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def convert(self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
        with self.lock:
            self.calls += 1
            failing = self.calls <= self.failures
        if self.hook is not None:
            self.hook()
        if failing:
            raise ConversionError("LibreOffice could not convert the document")
        return FakeConverter(pages=self.pages).convert(docx)

    def close(self) -> None:
        """Nothing to release."""


def test_a_batch_drains_to_done_with_every_commune_once(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    storage = MemoryStorage()
    runtime = make_runtime(storage=storage)
    rows = commune_rows(6)
    batch_id = submit(runtime, plan, rows, formats=["pdf"])
    assert runtime.queue.submitted == [batch_id]  # type: ignore[attr-defined]
    runtime.worker.drain(batch_id)
    progress = runtime.batches.progress(batch_id)
    assert progress.batch.status == "done" and progress.counts == {"done": 6}
    assert storage.writes == 6 * 2 + 2  # a DOCX and a PDF per commune, the ZIP, the merged PDF
    key = services.archive_key("unit", batch_id, runtime.batches, storage)
    check_archive(storage.files[key], rows)
    check_archive(storage.files[key], rows, "pdf")
    merged = PdfReader(io.BytesIO(storage.files[f"{batch_id}/merged.pdf"]))
    assert len(merged.pages) == 6 * 1
    marks = [(o.title, merged.get_destination_page_number(o)) for o in merged.outline]
    assert marks == [(f"Xã {row['place']}", n) for n, row in enumerate(rows)]
    assert all(isinstance(o, Destination) for o in merged.outline)


def test_conversion_failures_are_retried_per_policy(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime(converter=FlakyConverter(failures=1), max_attempts=2)
    batch_id = submit(runtime, plan, commune_rows(3), formats=["pdf"])
    runtime.worker.drain(batch_id)
    progress = runtime.batches.progress(batch_id)
    assert progress.counts == {"done": 3} and progress.failures == []

    failing = make_runtime(converter=FlakyConverter(failures=100), max_attempts=2)
    batch_id = submit(failing, plan, commune_rows(2), formats=["pdf"])
    failing.worker.drain(batch_id)
    progress = failing.batches.progress(batch_id)
    assert progress.batch.status == "failed" and progress.counts == {"failed": 2}
    assert [(f.attempts, f.error["code"]) for f in progress.failures] == [
        (2, "conversion_failed"),
        (2, "conversion_failed"),
    ]


def test_a_row_that_cannot_be_made_fails_alone(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime()
    request = parse_request({"plan": plan, "rows": commune_rows(3), "fields": ["ten_xa"]}, 100)
    rows = [PreparedRow(n, f"Xã {n}", row) for n, row in enumerate(request.rows)]
    rows[1] = PreparedRow(1, "Xã 1", {"signer.mode": "XX"})  # past validation, say a new rule
    batch = runtime.batches.create("unit", None, request, rows)
    runtime.worker.drain(batch.id)
    progress = runtime.batches.progress(batch.id)
    assert progress.batch.status == "partial" and progress.counts == {"done": 2, "failed": 1}
    (failure,) = progress.failures
    assert (failure.position, failure.attempts, failure.error["code"]) == (1, 1, "render_failed")
    assert failure.error["detail"]["signer.mode"] == ["one_of|KT, TL, TUQ, Q"]


def test_a_dead_workers_rows_are_taken_over_when_its_lease_expires(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    storage = MemoryStorage()
    runtime = make_runtime(storage=storage, lease_seconds=0.5)
    rows = commune_rows(5)
    batch_id = submit(runtime, plan, rows)
    began = time.monotonic()  # before the claim: its lease runs from the claim's own time
    dead = runtime.batches.claim(batch_id, "dead:1/x", 3, 0.5, 3)  # then it is killed
    assert [c.position for c in dead] == [0, 1, 2]
    runtime.worker.drain(batch_id)
    assert time.monotonic() - began >= 0.4  # it waited for the lease rather than steal it
    progress = runtime.batches.progress(batch_id)
    assert progress.counts == {"done": 5}
    assert storage.writes == 5 + 1  # every commune written once, and the ZIP
    check_archive(storage.files[f"{batch_id}/archive.zip"], rows)
    assert runtime.batches.settle("dead:1/x", [Outcome(dead[0].id, "failed")]) == 0


def test_a_slow_worker_cannot_record_rows_another_took_over(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime()
    batch_id = submit(runtime, plan, commune_rows(2))
    (first,) = runtime.batches.claim(batch_id, "slow/a", 1, 60, 3)
    (again,) = runtime.batches.claim(batch_id, "fast/b", 1, 0.0, 3)  # its lease has run out
    assert again.id == first.id and again.attempts == 2
    assert runtime.batches.settle("slow/a", [Outcome(first.id, "done")]) == 0
    assert runtime.batches.settle("fast/b", [Outcome(again.id, "done")]) == 1


def test_rows_whose_workers_keep_dying_are_given_up(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime(max_attempts=2)
    batch_id = submit(runtime, plan, commune_rows(1))
    for owner in ("dead/1", "dead/2"):
        assert runtime.batches.claim(batch_id, owner, 1, 0.0, 2)
    assert runtime.batches.claim(batch_id, "next/3", 1, 0.0, 2) == []
    runtime.worker.drain(batch_id)
    progress = runtime.batches.progress(batch_id)
    assert progress.batch.status == "failed"
    assert [f.error["code"] for f in progress.failures] == ["abandoned|2"]


def test_concurrent_drains_share_the_rows(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    storage = MemoryStorage()
    runtime = make_runtime(storage=storage)
    rows = commune_rows(12)
    batch_id = submit(runtime, plan, rows)
    threads = [threading.Thread(target=runtime.worker.drain, args=(batch_id,)) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert runtime.batches.progress(batch_id).counts == {"done": 12}
    assert storage.writes == 12 + 1
    check_archive(storage.files[f"{batch_id}/archive.zip"], rows)


def test_a_stopped_worker_hands_back_the_rows_it_has_not_started(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    stop = threading.Event()
    runtime = make_runtime(converter=FlakyConverter(failures=0, hook=stop.set))
    batch_id = submit(runtime, plan, commune_rows(4), formats=["pdf"])
    runtime.worker.drain(batch_id, stop)
    progress = runtime.batches.progress(batch_id)
    assert progress.count("done") == 1 and progress.count("pending") == 3
    assert not progress.batch.finished
    runtime.worker.drain(batch_id)  # a new worker (after a restart) finishes the rest
    assert runtime.batches.progress(batch_id).counts == {"done": 4}


def test_released_rows_are_pending_again_and_not_counted_as_attempts(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime()
    batch_id = submit(runtime, plan, commune_rows(3))
    assert len(runtime.batches.claim(batch_id, "stopping/1", 3, 60, 3)) == 3
    runtime.batches.release("stopping/1")
    assert runtime.batches.progress(batch_id).counts == {"pending": 3}
    assert {c.attempts for c in runtime.batches.claim(batch_id, "next/2", 3, 60, 3)} == {1}


def test_resume_queues_every_unfinished_batch(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime()
    done, left = (submit(runtime, plan, commune_rows(1)) for _ in range(2))
    runtime.worker.drain(done)
    restarted = make_runtime()
    assert restarted.resume() == [left]
    assert restarted.queue.submitted == [left]  # type: ignore[attr-defined]


@pytest.mark.parametrize("limit", [1, 4])
def test_claims_take_rows_in_table_order(
    make_runtime: RuntimeFactory, plan: dict[str, Any], limit: int
) -> None:
    runtime = make_runtime()
    batch_id = submit(runtime, plan, commune_rows(5))
    claimed = runtime.batches.claim(batch_id, "w/1", limit, 60, 3)
    assert [c.position for c in claimed] == list(range(limit))
    assert runtime.batches.progress(batch_id).batch.status == "running"

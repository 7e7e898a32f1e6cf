"""Stopping without losing rows, with fakes over a real SQLite file: a row that fails
because the process is stopping (or the PDF queue is full) goes back without spending an
attempt; a batch is `done` only when every row is; a killed process's leases end at the
restart; the app's shutdown lets rows in flight finish before the PDF pool closes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from service.batch import lifecycle
from service.batch.queue import EmbeddedQueue
from service.batch.repository import SqlBatches
from service.batch.runtime import BatchRuntime, process_alive
from service.batch.worker import worker_name
from service.errors import ConverterBusy, ConverterUnavailable
from service.rendering.pdf import FakeConverter
from service.store import Database
from tests.batch.communes import commune_rows
from tests.batch.conftest import RuntimeFactory
from tests.batch.faults import ROOT, attempts
from tests.batch.test_worker import FlakyConverter, submit


def spent(runtime: BatchRuntime, batch_id: str) -> list[int]:
    """Each row's attempts, sorted."""
    return sorted(attempts(runtime.batches, batch_id))


class ClosingConverter(FakeConverter):
    """A converter closed by the process's exit while a row is converting on it."""

    def __init__(self, stop: threading.Event) -> None:
        super().__init__()
        self.stop = stop

    def convert(self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
        if self.calls:  # the second row: the service is told to stop, the pool closes under it
            self.stop.set()
            self.close()
        return super().convert(docx, pdfa=pdfa, timeout=timeout)


def test_a_row_failing_because_the_service_stops_spends_no_attempt(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    stop = threading.Event()
    runtime = make_runtime(converter=ClosingConverter(stop))
    batch_id = submit(runtime, plan, commune_rows(4), formats=["pdf"])
    runtime.worker.drain(batch_id, stop)
    progress = runtime.batches.progress(batch_id)
    assert progress.counts == {"done": 1, "pending": 3} and progress.failures == []
    assert spent(runtime, batch_id) == [0, 0, 0, 1]


def test_the_same_failure_without_a_stop_counts_an_attempt(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    converter = FakeConverter(fail_with=ConverterUnavailable("LibreOffice did not start"))
    runtime = make_runtime(converter=converter, max_attempts=2)
    batch_id = submit(runtime, plan, commune_rows(2), formats=["pdf"])
    runtime.worker.drain(batch_id)
    progress = runtime.batches.progress(batch_id)
    assert progress.batch.status == "failed" and progress.count("failed") == 2
    assert [f.attempts for f in progress.failures] == [2, 2]


def test_a_full_pdf_queue_hands_the_row_back_and_waits(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    busy = FlakyConverter(failures=0)
    refusals = iter([ConverterBusy("all 1 PDF converters are busy", retry_after=1)] * 2)

    def refuse_twice() -> None:
        error = next(refusals, None)
        if error is not None:
            raise error

    busy.hook = refuse_twice
    runtime = make_runtime(converter=busy, max_attempts=1)
    batch_id = submit(runtime, plan, commune_rows(2), formats=["pdf"])
    began = time.monotonic()
    runtime.worker.drain(batch_id)
    progress = runtime.batches.progress(batch_id)
    assert progress.batch.status == "done" and progress.counts == {"done": 2}
    assert spent(runtime, batch_id) == [1, 1]  # one attempt each, max 1
    assert time.monotonic() - began >= 2  # it waited Retry-After each time


def test_a_batch_with_failed_rows_is_partial_and_names_them(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime(converter=FlakyConverter(failures=1), max_attempts=1)
    batch_id = submit(runtime, plan, commune_rows(3), formats=["pdf"])
    runtime.worker.drain(batch_id)
    progress = runtime.batches.progress(batch_id)
    assert progress.batch.status == "partial"
    assert [(f.position, f.label) for f in progress.failures] == [(0, "Xã Quang Thuận")]


def test_the_leases_of_killed_processes_of_this_host_end_at_the_restart(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    runtime = make_runtime()
    batch_id = submit(runtime, plan, commune_rows(3))
    host = worker_name().rpartition(":")[0]
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    assert not process_alive(int(dead))
    for position, owner in enumerate(
        [f"{host}:{dead}/a", f"{host}:{os.getpid()}/b", f"elsewhere:{dead}/c"]
    ):
        assert [c.position for c in runtime.batches.claim(batch_id, owner, 1, 60, 3)] == [position]
    restarted = make_runtime()
    assert restarted.resume() == [batch_id]
    retried = restarted.batches.claim(batch_id, "next/d", 3, 60, 3)
    assert [(c.position, c.attempts) for c in retried] == [(0, 2)]  # the dead one's row only


class Recording(FakeConverter):
    """Half a second a conversion; records conversions and its close, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.order: list[str] = []
        self.started = threading.Event()

    def convert(self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
        self.started.set()
        time.sleep(0.5)
        self.order.append("converted")
        return super().convert(docx, pdfa=pdfa, timeout=timeout)

    def close(self) -> None:
        self.order.append("pool closed")
        super().close()


def test_shutdown_lets_rows_in_flight_finish_then_closes_the_pool(
    make_runtime: RuntimeFactory, plan: dict[str, Any]
) -> None:
    converter = Recording()
    order, started = converter.order, converter.started
    runtime = make_runtime(converter=converter)
    runtime.queue = EmbeddedQueue(runtime.worker.drain, 2, 0.2, runtime.batches.unfinished)
    batch_id = submit(runtime, plan, commune_rows(6), formats=["pdf"])
    assert started.wait(10)
    assert lifecycle.shutdown({"batches": runtime, "converter": converter}, timeout=10)
    assert "pool closed" in order and "converted" not in order[order.index("pool closed") :]
    progress = runtime.batches.progress(batch_id)
    assert progress.count("running") == 0 and progress.count("failed") == 0
    assert progress.count("done") == order.count("converted") >= 1
    assert spent(runtime, batch_id).count(0) == progress.count("pending")


# A process whose main thread ends mid-batch, as a server without hooks would: the pool's
# own exit handler (registered last, so run first) closes it under the batch's threads.
EXITING = """
import atexit, json, sys, time
from pathlib import Path
from service.batch.runtime import build_runtime
from service.batch.settings import BatchSettings
from service.batch.request import parse_request
from service.batch import services
from service.rendering.pdf import FakeConverter
from service.store import Database

class Slow(FakeConverter):
    def convert(self, docx, *, pdfa=False, timeout=None):
        time.sleep(0.2)
        return super().convert(docx, pdfa=pdfa, timeout=timeout)

body = json.loads(sys.stdin.read())
database = Database(body.pop("url"))
database.migrate()
converter = Slow()
settings = BatchSettings(storage_dir=Path(body.pop("storage")), poll_seconds=0.2)
runtime = build_runtime(settings, database, converter=lambda: converter)
request = parse_request(body, 100)
batch, _ = services.submit(request, "unit", None, batches=runtime.batches, queue=runtime.queue)
while runtime.batches.progress(batch.id).count("done") < 2:
    time.sleep(0.05)
atexit.register(converter.close)
print(batch.id, flush=True)
"""


def test_threads_stop_when_the_process_exits_and_hand_back_their_rows(
    tmp_path: Path, plan: dict[str, Any]
) -> None:
    url = f"sqlite:///{tmp_path / 'exit.db'}"
    body = {"plan": plan, "rows": commune_rows(12), "fields": ["ten_xa"], "formats": ["pdf"]}
    done = subprocess.run(
        [sys.executable, "-c", EXITING], cwd=ROOT, capture_output=True, text=True, timeout=120,
        input=json.dumps({**body, "url": url, "storage": str(tmp_path / "storage")}),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    database = Database(url)
    try:
        progress = SqlBatches(database).progress(done.stdout.strip())
        assert progress.failures == [] and progress.count("running") == 0, done.stderr
        assert 2 <= progress.count("done") < 12
        assert "will be retried" not in done.stderr
    finally:
        database.dispose()

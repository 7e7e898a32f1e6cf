"""Draining a batch, the one task every queue runs: claim rows, render, store, settle.

A worker claims a few rows under a lease (renewed by a heartbeat while it works),
renders each to storage, makes the writes durable, then records the outcomes. A worker
killed mid-way leaves its rows to expire and be claimed again by any other; a duplicate
task finds nothing to claim. When no row is left open, one worker finalizes the batch
and writes its archives. A worker that is stopping takes no new row and hands back the
rows it has not finished, without counting an attempt: a row that fails because the
process is stopping (its PDF pool closing under it) is not the row's failure.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.exc import SQLAlchemyError

from schemas import InvalidDocument, load_document
from schemas.messages import code
from service.batch import archive
from service.batch.archive import item_key
from service.batch.expand import Expander, RowInvalid
from service.batch.pdf_batch import commune_pdf
from service.batch.records import Batch, Claimed, Outcome
from service.batch.repository import SqlBatches
from service.batch.settings import BatchSettings
from service.batch.storage import Storage
from service.errors import ConversionError, ConverterBusy, PlanError, RenderError, StorageError
from service.rendering import Renderer
from service.rendering.pdf import Converter

log = logging.getLogger(__name__)
TARGET_CLAIM_SECONDS = 0.5  # a claim holds about this much work: few commits, live progress
MAX_CLAIM = 32


def worker_name() -> str:
    """`host:pid`, recorded with each claim."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}"


def stopping(stop: threading.Event) -> bool:
    """Whether this worker must stop: told so, or the process is exiting (main thread over)."""
    return stop.is_set() or not threading.main_thread().is_alive()


@dataclass(frozen=True)
class HandBack:
    """A claimed row given back without spending an attempt, `wait` seconds before the next
    claim: the process is stopping, or the PDF converter is busy with other requests."""

    wait: float = 0.0


@dataclass
class Worker:
    """Drains batches with the given ports; safe to share between threads."""

    batches: SqlBatches
    storage: Storage
    renderer: Renderer
    converter: Callable[[], Converter]  # called only when a batch asks for PDF
    settings: BatchSettings
    name: str = field(default_factory=worker_name)
    _expanders: dict[str, Expander] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def drain(self, batch_id: str, stop: threading.Event | None = None) -> None:
        """Work on the batch until no row is left open (or `stop` is set)."""
        stop = stop or threading.Event()
        batch = self.batches.load(batch_id)
        if batch.finished:
            return  # a duplicate task, or a resumed batch another worker finished
        expander = self._expander(batch)
        size, lease = 1, self.settings.lease_seconds
        while not stopping(stop):
            owner = f"{self.name}/{uuid.uuid4().hex[:12]}"
            claimed = self.batches.claim(batch_id, owner, size, lease, self.settings.max_attempts)
            if claimed:
                seconds = self._run(batch, expander, owner, claimed, stop)
                size = max(1, min(MAX_CLAIM, int(TARGET_CLAIM_SECONDS / max(seconds, 1e-3))))
                continue
            work = self.batches.work(batch_id, lease)
            if work.claimable:
                continue
            if not work.held:
                if self.batches.finalize(batch_id):
                    self.write_archives(batch_id)
                return
            # Others hold the rest: wait for them, or for a dead one's lease to expire.
            remaining = (work.next_expiry.timestamp() - time.time()) if work.next_expiry else 0
            stop.wait(min(max(remaining, 0.05), self.settings.poll_seconds))

    def write_archives(self, batch_id: str) -> None:
        """The ZIP and merged PDF of a finished batch (the download rebuilds them if this fails)."""
        batch = self.batches.load(batch_id)
        items = self.batches.done_items(batch_id)
        try:
            if items:
                archive.ensure_zip(batch, items, self.storage)
            if "pdf" in batch.formats:
                archive.ensure_merged(batch, items, self.storage)
        except (OSError, ConversionError) as error:
            log.error(
                "batch %s: archives not written, the download will retry: %s", batch_id, error
            )

    def _run(
        self, batch: Batch, expander: Expander, owner: str, claimed: list[Claimed],
        stop: threading.Event,
    ) -> float:  # fmt: skip
        """Process claimed rows; returns the mean seconds per row."""
        outcomes: list[Outcome] = []
        handed_back: HandBack | None = None
        began = time.monotonic()
        with Heartbeat(self.batches, owner, self.settings.lease_seconds):
            for item in claimed:
                if stopping(stop):
                    break
                result = self._process(batch, expander, item, stop)
                if isinstance(result, HandBack):
                    handed_back = result
                    break
                outcomes.append(result)
                if self.settings.row_pause:
                    stop.wait(self.settings.row_pause)
            self.storage.sync()
            self.batches.settle(owner, outcomes)
        if handed_back is not None or stopping(stop):
            self.batches.release(owner)  # rows not settled go back, their attempt not counted
        if handed_back is not None:
            stop.wait(handed_back.wait)
        return (time.monotonic() - began) / max(len(outcomes), 1)

    def _process(
        self, batch: Batch, expander: Expander, item: Claimed, stop: threading.Event
    ) -> Outcome | HandBack:
        """One row to its outputs; failures are classified, never reported as success."""
        try:
            return Outcome(item.id, "done", self._render(batch, expander, item))
        except (RowInvalid, InvalidDocument, PlanError, RenderError) as error:
            return self._failed(item, code("render_failed"), error, retry=False)
        except ConverterBusy as error:  # web requests fill the PDF queue: not the row's failure
            return HandBack(error.retry_after)
        except ConversionError as error:
            return self._failed(item, code("conversion_failed"), error, retry=True, stop=stop)
        except OSError as error:
            return self._failed(item, code("storage_failed"), error, retry=True, stop=stop)
        except Exception as error:  # a bug: logged, and the row counts a failed attempt
            log.exception("batch %s row %d failed unexpectedly", batch.id, item.position)
            return self._failed(item, code("internal_error"), error, retry=True, stop=stop)

    def _render(self, batch: Batch, expander: Expander, item: Claimed) -> list[dict[str, object]]:
        document = expander.document(item.row)
        docx = self.renderer.render_docx(document)
        key = item_key(batch.id, item.position, item.label, "docx")
        self.storage.write(key, docx)
        outputs: list[dict[str, object]] = [{"format": "docx", "key": key, "bytes": len(docx)}]
        if "pdf" in batch.formats:
            # Seam for issue 14 (service/batch/pdf_batch.py): LibreOffice's metadata and count.
            converted = commune_pdf(self.converter(), docx, pdfa=bool(batch.settings.get("pdfa")))
            key = item_key(batch.id, item.position, item.label, "pdf")
            self.storage.write(key, converted.pdf)
            outputs.append(
                {"format": "pdf", "key": key, "bytes": len(converted.pdf), "pages": converted.pages}
            )
        return outputs

    def _failed(
        self, item: Claimed, message: str, error: Exception, *, retry: bool,
        stop: threading.Event | None = None,
    ) -> Outcome | HandBack:  # fmt: skip
        if retry and stop is not None and stopping(stop):
            log.info("row %d handed back, the worker is stopping: %s", item.position, error)
            return HandBack()
        again = retry and item.attempts < self.settings.max_attempts
        log.warning("row %d %s: %s", item.position, "will be retried" if again else "failed", error)
        detail = error.errors if isinstance(error, RowInvalid | InvalidDocument) else str(error)
        return Outcome(
            item.id, "pending" if again else "failed", [], {"code": message, "detail": detail}
        )

    def _expander(self, batch: Batch) -> Expander:
        with self._lock:
            expander = self._expanders.get(batch.id)
            if expander is None:
                request = batch.request()
                expander = Expander(request, load_document(request.plan))
                if len(self._expanders) >= 8:
                    self._expanders.pop(next(iter(self._expanders)))
                self._expanders[batch.id] = expander
            return expander


class Heartbeat:
    """Renews a claim's lease every third of the lease while a block of work runs."""

    def __init__(self, batches: SqlBatches, owner: str, lease: float) -> None:
        self.batches, self.owner, self.interval = batches, owner, lease / 3
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"lease-{owner[-12:]}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _beat(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.batches.renew(self.owner)
            except (SQLAlchemyError, StorageError) as error:  # the next beat tries again
                log.warning("lease of %s not renewed: %s", self.owner, error)

"""Draining a batch, the one task every queue runs: claim rows, render, store, settle.

A worker claims a few rows under a lease (renewed by a heartbeat while it works),
renders each to storage (a batch asking PDF: a group of rows converted in one
LibreOffice load, `block.py`), makes the writes durable, then records the outcomes. A worker
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

from schemas import load_document
from service.batch import archive
from service.batch.block import Block, group_size, stopping
from service.batch.expand import Expander
from service.batch.records import Batch, Claimed
from service.batch.repository import SqlBatches
from service.batch.settings import BatchSettings
from service.batch.storage import Storage
from service.errors import ConversionError, StorageError
from service.rendering import Renderer
from service.rendering.pdf import Converter

log = logging.getLogger(__name__)
TARGET_CLAIM_SECONDS = 0.5  # a claim holds about this much work: few commits, live progress
MAX_CLAIM = 32


def worker_name() -> str:
    """`host:pid`, recorded with each claim."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}"


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
        group = group_size(batch, self.settings, self.converter)
        size, lease = group, self.settings.lease_seconds
        while not stopping(stop):
            owner = f"{self.name}/{uuid.uuid4().hex[:12]}"
            claimed = self.batches.claim(batch_id, owner, size, lease, self.settings.max_attempts)
            if claimed:
                seconds = self._run(batch, expander, owner, claimed, stop, group)
                if group == 1:  # about TARGET_CLAIM_SECONDS a claim; a group is one claim
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
        stop: threading.Event, size: int,
    ) -> float:  # fmt: skip
        """Process claimed rows, `size` to a LibreOffice load; returns the mean seconds per row."""
        block = Block(batch, expander, self.renderer, self.storage, self.converter, self.settings,
                      stop, size)  # fmt: skip
        began = time.monotonic()
        # The heartbeat renews the lease while the block works, a joint conversion included.
        with Heartbeat(self.batches, owner, self.settings.lease_seconds):
            block.run(claimed)
            self.storage.sync()
            self.batches.settle(owner, block.outcomes)
        if block.handed_back is not None or stopping(stop):
            self.batches.release(owner)  # rows not settled go back, their attempt not counted
        if block.handed_back is not None:
            stop.wait(block.handed_back.wait)
        return (time.monotonic() - began) / max(len(block.outcomes), 1)

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

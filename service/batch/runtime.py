"""Wiring: the repository, storage, renderer, converter and queue of one process."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass

from service.batch.queue import EmbeddedQueue, JobQueue, QueueUnavailable
from service.batch.repository import SqlBatches
from service.batch.settings import BatchSettings
from service.batch.storage import FileStorage, Storage
from service.batch.worker import Worker, worker_name
from service.errors import ConverterUnavailable
from service.rendering import Renderer
from service.rendering.pdf import Converter, LibreOfficePool, PoolConfig
from service.store import Database

log = logging.getLogger(__name__)


class LazyConverter:
    """Makes the converter on first use (a LibreOffice pool costs seconds to start)."""

    def __init__(self, factory: Callable[[], Converter | None], *, owned: bool = True) -> None:
        self.factory, self.owned = factory, owned
        self._converter: Converter | None = None
        self._lock = threading.Lock()

    def __call__(self) -> Converter:
        with self._lock:
            if self._converter is None:
                self._converter = self.factory()
            if self._converter is None:
                raise ConverterUnavailable("PDF output is disabled on this service")
            return self._converter

    def close(self) -> None:
        """Close the converter if this runtime made it (the web app's own is shared)."""
        with self._lock:
            converter, self._converter = self._converter, None
        if converter is not None and self.owned:
            converter.close()


def libreoffice() -> Converter:
    """The real converter, sized by the PDF_POOL_* variables."""
    return LibreOfficePool(PoolConfig.from_env())


@dataclass
class BatchRuntime:
    """Everything one process needs to take, run and serve batches."""

    settings: BatchSettings
    batches: SqlBatches
    storage: Storage
    worker: Worker
    queue: JobQueue
    converter: LazyConverter

    def resume(self) -> list[str]:
        """Queue every unfinished batch again (after a restart); their ids. Rows held by
        processes of this machine that were killed are claimable at once."""
        expired = self.batches.expire_dead(worker_name().rpartition(":")[0], process_alive)
        if expired:
            log.warning("%d rows of killed processes are taken up again", expired)
        unfinished = self.batches.unfinished()
        for batch_id in unfinished:
            try:
                self.queue.submit(batch_id)
            except QueueUnavailable as error:
                log.error("batch %s not resumed, the queue is unavailable: %s", batch_id, error)
        return unfinished

    def stop(self) -> None:
        """Take no more rows, at once (safe in a signal handler); `close` waits for the rest."""
        self.queue.stop()

    def close(self, timeout: float = 30.0) -> bool:
        """Stop the queue's workers (rows in flight finish within `timeout` s, the others go
        back), then the converter if this runtime made it; True when no worker is left busy."""
        finished = self.queue.close(timeout)
        self.converter.close()
        return finished


def process_alive(pid: int) -> bool:
    """Whether a process of this machine exists (a zombie or another user's counts too)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def build_runtime(
    settings: BatchSettings,
    database: Database,
    *,
    renderer: Renderer | None = None,
    converter: Callable[[], Converter | None] = libreoffice,
    owns_converter: bool = True,
    storage: Storage | None = None,
    queue: Callable[[Worker, SqlBatches], JobQueue] | None = None,
) -> BatchRuntime:
    """The runtime; the queue is embedded unless `queue` makes another (Celery)."""
    batches = SqlBatches(database)
    lazy = LazyConverter(converter, owned=owns_converter)
    worker = Worker(
        batches,
        storage or FileStorage(settings.storage_dir),
        renderer or Renderer(settings.templates_dir),
        lazy,
        settings,
    )
    if queue is None:
        jobs: JobQueue = EmbeddedQueue(
            worker.drain, settings.workers, settings.poll_seconds, batches.unfinished
        )
    else:
        jobs = queue(worker, batches)
    return BatchRuntime(settings, batches, worker.storage, worker, jobs, lazy)

"""`celery -A service.batch.celery_worker worker`: batch workers, on this machine or another.

The module builds the Celery app from the same `PLANDOC_*` variables as the web service
(PLANDOC_REDIS_URL, PLANDOC_DATABASE_URL, PLANDOC_STORAGE_DIR, PDF_POOL_*), like wsgi.py
builds the web app. Its one task runs `Worker.drain`, the function the embedded pool
runs; a worker that starts queues unfinished batches again, so a batch whose workers all
died resumes as soon as one is back.
"""

from __future__ import annotations

import threading
from typing import Any

from celery import signals
from sqlalchemy.exc import SQLAlchemyError

from service.batch.celery_queue import TASK, CeleryQueue, make_celery
from service.batch.runtime import BatchRuntime, build_runtime
from service.batch.settings import BatchSettings
from service.errors import StorageError
from service.store import Database

settings = BatchSettings.from_env()
app = make_celery(settings)
_state: dict[str, BatchRuntime] = {}
_lock = threading.Lock()
_stopping = threading.Event()  # a warm shutdown: finish the current row, hand back the rest


def runtime() -> BatchRuntime:
    """This process's runtime, made on first use (after the fork of a prefork pool)."""
    with _lock:
        if "runtime" not in _state:
            database = Database(settings.database_url)
            database.migrate()  # idempotent; a worker may start before the web service
            _state["runtime"] = build_runtime(
                settings, database, queue=lambda _worker, _batches: CeleryQueue(app, settings)
            )
        return _state["runtime"]


@app.task(  # type: ignore[untyped-decorator]
    name=TASK,
    autoretry_for=(SQLAlchemyError, StorageError),  # a locked or restarting database
    retry_backoff=True,
    max_retries=5,
)
def drain(batch_id: str) -> None:
    """Work on a batch until no row is left open, or until this worker shuts down."""
    runtime().worker.drain(batch_id, _stopping)


@signals.worker_shutting_down.connect  # type: ignore[untyped-decorator]
def stopping(**_: Any) -> None:
    """On SIGTERM, stop after the current row; its unstarted rows go back to the others."""
    _stopping.set()


@signals.worker_ready.connect  # type: ignore[untyped-decorator]
def resume(**_: Any) -> None:
    """Queue unfinished batches again: their rows are claimable once their leases expire."""
    runtime().resume()


@signals.worker_shutdown.connect  # type: ignore[untyped-decorator]
def close(**_: Any) -> None:
    """Stop this process's LibreOffice pool."""
    with _lock:
        state = _state.pop("runtime", None)
    if state is not None:
        state.converter.close()  # the Celery app itself is closed by Celery

"""The batch use cases, driven alike by the HTTP API, the web page and the CLI."""

from __future__ import annotations

from service.batch import archive
from service.batch.queue import JobQueue
from service.batch.records import Batch, Progress
from service.batch.repository import DuplicateKey, SqlBatches
from service.batch.request import BatchRequest
from service.batch.storage import Storage
from service.batch.validation import PreparedRow, check
from service.errors import NotFound


class IdempotencyMismatch(Exception):
    """The idempotency key was used before, for a different request."""


class NotFinished(Exception):
    """The batch's archives exist only once every row is done or failed."""


class PdfNotRequested(Exception):
    """The batch did not ask for PDF, so there is no merged PDF."""


def validate(request: BatchRequest) -> list[PreparedRow]:
    """Every row checked (InvalidDocument with all errors); nothing is stored."""
    return check(request)[1]


def submit(
    request: BatchRequest, unit: str, key: str | None, *, batches: SqlBatches, queue: JobQueue
) -> tuple[Batch, bool]:
    """Check every row, store the batch, queue it: (batch, created). With a key already
    used for the same request, that batch again (queued anew if it never started)."""
    if key:
        existing = batches.find_by_key(unit, key)
        if existing is not None:
            return _replay(existing, request, queue), False
    prepared = validate(request)
    try:
        batch = batches.create(unit, key, request, prepared)
    except DuplicateKey:  # the same key, sent twice at once: the other request stored it
        existing = batches.find_by_key(unit, key or "")
        if existing is None:
            raise
        return _replay(existing, request, queue), False
    queue.submit(batch.id)
    return batch, True


def _replay(batch: Batch, request: BatchRequest, queue: JobQueue) -> Batch:
    if batch.request_hash != request.fingerprint():
        raise IdempotencyMismatch(batch.id)
    if batch.started_at is None:
        queue.submit(batch.id)  # its first queueing may have failed (broker down)
    return batch


def progress(unit: str, batch_id: str, batches: SqlBatches) -> Progress:
    """Counts, failures and times of one of the unit's batches."""
    return batches.progress(batches.get(unit, batch_id).id)


def archive_key(unit: str, batch_id: str, batches: SqlBatches, storage: Storage) -> str:
    """The storage key of the batch's ZIP, written now if needed; NotFinished before the end."""
    batch = _finished(unit, batch_id, batches)
    return archive.ensure_zip(batch, batches.done_items(batch.id), storage)


def merged_key(unit: str, batch_id: str, batches: SqlBatches, storage: Storage) -> str:
    """The storage key of the merged PDF; PdfNotRequested, NotFinished or NotFound."""
    batch = batches.get(unit, batch_id)
    if "pdf" not in batch.formats:
        raise PdfNotRequested(batch_id)
    batch = _finished(unit, batch_id, batches)
    key = archive.ensure_merged(batch, batches.done_items(batch.id), storage)
    if key is None:
        raise NotFound(f"batch {batch_id} has no PDF (every row failed)")
    return key


def _finished(unit: str, batch_id: str, batches: SqlBatches) -> Batch:
    batch = batches.get(unit, batch_id)
    if not batch.finished:
        raise NotFinished(batch_id)
    return batch

"""Batches and their rows in the database: creation, lookup, the end of a batch, progress.

Rows are claimed and settled by `SqlLeases` (leases.py), which this repository extends.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, case, exists, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from service.batch.leases import SqlLeases
from service.batch.records import Batch, DoneItem, Failure, Progress, as_utc, utcnow
from service.batch.request import BatchRequest
from service.batch.validation import PreparedRow
from service.errors import NotFound, StorageError
from service.store.tables import BatchItemRow as Item
from service.store.tables import BatchRow, new_id


class DuplicateKey(Exception):
    """Another batch of the unit already has this idempotency key."""


class SqlBatches(SqlLeases):
    """The batch repository over the service's database (claims: see `SqlLeases`)."""

    def create(
        self, unit: str, key: str | None, request: BatchRequest, rows: Sequence[PreparedRow]
    ) -> Batch:
        """A queued batch and its pending rows, in one transaction; DuplicateKey on a reused key."""
        batch_id = new_id()
        now = utcnow()
        items = [
            {"batch_id": batch_id, "position": r.position, "label": r.label, "data": r.row,
             "status": "pending", "attempts": 0, "outputs": [], "updated_at": now}
            for r in rows
        ]  # fmt: skip
        values = {"id": batch_id, "unit": unit, "idempotency_key": key, "status": "queued",
                  "request_hash": request.fingerprint(), "formats": list(request.formats),
                  "plan": request.plan, "options": request.settings(), "total": len(rows),
                  "created_at": now}  # fmt: skip
        try:
            with self._writing() as conn:
                conn.execute(insert(BatchRow).values(values))
                conn.execute(insert(Item), items)
        except IntegrityError as error:
            raise DuplicateKey(key) from error
        return self.load(batch_id)

    def find_by_key(self, unit: str, key: str) -> Batch | None:
        """The unit's batch made with this idempotency key, if any."""
        query = select(BatchRow).where(BatchRow.unit == unit, BatchRow.idempotency_key == key)
        with self.database.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        return None if row is None else _batch(row)

    def get(self, unit: str, batch_id: str) -> Batch:
        """One of the unit's batches; NotFound for another unit's."""
        batch = self.load(batch_id)
        if batch.unit != unit:
            raise NotFound(f"batch {batch_id}")
        return batch

    def load(self, batch_id: str) -> Batch:
        """A batch by id, for workers (which serve every unit)."""
        with self.database.engine.connect() as conn:
            row = conn.execute(select(BatchRow).where(BatchRow.id == batch_id)).mappings().first()
        if row is None:
            raise NotFound(f"batch {batch_id}")
        return _batch(row)

    def finalize(self, batch_id: str) -> bool:
        """Mark the batch finished once no row is left open: `done` when every row is,
        `partial` when some failed, `failed` when none is done; True for the one caller
        that did it."""
        open_rows = exists().where(
            Item.batch_id == batch_id, Item.status.in_(("pending", "running"))
        )
        any_done = exists().where(Item.batch_id == batch_id, Item.status == "done")
        any_failed = exists().where(Item.batch_id == batch_id, Item.status == "failed")
        status = case((~any_done, "failed"), (any_failed, "partial"), else_="done")
        with self.database.engine.begin() as conn:
            return bool(
                conn.execute(
                    update(BatchRow)
                    .where(BatchRow.id == batch_id, BatchRow.finished_at.is_(None), ~open_rows)
                    .values(status=status, finished_at=utcnow())
                ).rowcount
            )

    def progress(self, batch_id: str) -> Progress:
        """Counts by status and the failed rows, as one consistent read."""
        with self.database.engine.connect() as conn, conn.begin():
            batch = conn.execute(select(BatchRow).where(BatchRow.id == batch_id)).mappings().one()
            counts = conn.execute(
                select(Item.status, func.count()).where(Item.batch_id == batch_id)
                .group_by(Item.status)
            ).all()  # fmt: skip
            failed = conn.execute(
                select(Item.position, Item.label, Item.attempts, Item.error)
                .where(Item.batch_id == batch_id, Item.status == "failed")
                .order_by(Item.position)
            ).all()
        failures = [Failure(r.position, r.label, r.attempts, r.error or {}) for r in failed]
        return Progress(_batch(batch), {s: int(n) for s, n in counts}, failures)

    def done_items(self, batch_id: str) -> list[DoneItem]:
        """Finished rows in table order, with their outputs."""
        with self.database.engine.connect() as conn:
            rows = conn.execute(
                select(Item.position, Item.label, Item.outputs)
                .where(Item.batch_id == batch_id, Item.status == "done")
                .order_by(Item.position)
            ).all()
        return [DoneItem(r.position, r.label, list(r.outputs)) for r in rows]

    def unfinished(self) -> list[str]:
        """Ids of every batch not finished yet, oldest first (to resume after a restart)."""
        with self.database.engine.connect() as conn:
            return list(
                conn.scalars(
                    select(BatchRow.id)
                    .where(BatchRow.finished_at.is_(None))
                    .order_by(BatchRow.created_at)
                )
            )

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction; a refused write (locked, disk full) becomes StorageError."""
        try:
            with self.database.engine.begin() as conn:
                yield conn
        except OperationalError as error:
            raise StorageError(str(error.orig)) from error


def _batch(row: Any) -> Batch:
    return Batch(
        id=row["id"],
        unit=row["unit"],
        status=row["status"],
        formats=tuple(row["formats"]),
        plan=row["plan"],
        settings=row["options"] or {},
        total=row["total"],
        request_hash=row["request_hash"],
        created_at=as_utc(row["created_at"]),
        started_at=as_utc(row["started_at"]),
        finished_at=as_utc(row["finished_at"]),
    )

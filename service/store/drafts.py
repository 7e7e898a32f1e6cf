"""Drafts of plans, private to a unit: list, page, open, save, rename, duplicate, delete.

Writes may name the version they change: `revision` (the data's save count; stale is a
Conflict) or `if_match` (entity tags of the whole draft; stale is PreconditionFailed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select, tuple_
from sqlalchemy.exc import IntegrityError, OperationalError

from service.errors import (
    Conflict,
    IdempotencyMismatch,
    NotFound,
    PreconditionFailed,
    StorageError,
)
from service.store.cursor import Cursor
from service.store.database import Database
from service.store.tables import DraftRow, new_id

ANY = "*"  # `If-Match: *`: any current version


@dataclass(frozen=True)
class Draft:
    """A plan being written, as the officer typed it (valid or not)."""

    id: str
    unit: str
    name: str
    document_type: str | None
    data: dict[str, Any]
    parent_id: str | None
    revision: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @property
    def etag(self) -> str:
        """The entity tag of this version (unquoted): changes with every save and rename."""
        seed = f"{self.id}\n{self.revision}\n{self.name}\n{_utc(self.updated_at).isoformat()}"
        return f"{self.revision}-{hashlib.sha256(seed.encode()).hexdigest()[:16]}"


Page = tuple[list[Draft], Cursor | None]  # drafts, and where the next page starts


class Drafts(Protocol):
    """The drafts repository; every call is scoped to one unit."""

    def list(self, unit: str) -> list[Draft]: ...
    def page(self, unit: str, limit: int, after: Cursor | None = None) -> Page: ...
    def get(self, unit: str, draft_id: str) -> Draft: ...
    def create(
        self, unit: str, name: str, data: dict[str, Any], parent_id: str | None = None
    ) -> Draft: ...
    def create_once(
        self, unit: str, key: str, request_hash: str, name: str, data: dict[str, Any]
    ) -> tuple[Draft, bool]: ...
    def save(
        self,
        unit: str,
        draft_id: str,
        data: dict[str, Any],
        revision: int | None = None,
        if_match: Collection[str] | None = None,
    ) -> Draft: ...
    def rename(
        self, unit: str, draft_id: str, name: str, if_match: Collection[str] | None = None
    ) -> Draft: ...
    def duplicate(self, unit: str, draft_id: str, name: str) -> Draft: ...
    def delete(
        self,
        unit: str,
        draft_id: str,
        revision: int | None = None,
        if_match: Collection[str] | None = None,
    ) -> None: ...


class SqlDrafts:
    """Drafts in the database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def list(self, unit: str) -> list[Draft]:
        """The unit's drafts, newest first."""
        with self.database.session() as session:
            rows = session.scalars(
                select(DraftRow)
                .where(DraftRow.unit == unit)
                .order_by(DraftRow.updated_at.desc(), DraftRow.name)
            )
            return [_draft(row) for row in rows]

    def page(self, unit: str, limit: int, after: Cursor | None = None) -> Page:
        """Up to `limit` drafts, newest first, after `after`; and the cursor of the next page."""
        query = select(DraftRow).where(DraftRow.unit == unit)
        if after is not None:
            query = query.where(tuple_(DraftRow.updated_at, DraftRow.id) < (after.moment, after.id))
        query = query.order_by(DraftRow.updated_at.desc(), DraftRow.id.desc()).limit(limit + 1)
        with self.database.session() as session:
            drafts = [_draft(row) for row in session.scalars(query)]
        if len(drafts) <= limit:
            return drafts, None
        last = drafts[limit - 1]
        return drafts[:limit], Cursor(last.updated_at, last.id)

    def get(self, unit: str, draft_id: str) -> Draft:
        """One draft; NotFound when it belongs to another unit or does not exist."""
        with self.database.session() as session:
            return _draft(_row(session, unit, draft_id))

    def create(
        self, unit: str, name: str, data: dict[str, Any], parent_id: str | None = None
    ) -> Draft:
        """A new draft."""
        row = _new_row(unit, name, data, parent_id)
        with _writing(), self.database.session() as session:
            session.add(row)
        return _draft(row)

    def create_once(
        self, unit: str, key: str, request_hash: str, name: str, data: dict[str, Any]
    ) -> tuple[Draft, bool]:
        """A new draft, or the one this key already made (False); IdempotencyMismatch when
        the key was used for another request."""
        existing = self._by_key(unit, key)
        if existing is None:
            row = _new_row(unit, name, data, None)
            row.idempotency_key, row.request_hash = key, request_hash
            try:
                with _writing(), self.database.session() as session:
                    session.add(row)
                return _draft(row), True
            except IntegrityError:  # the same key, sent twice at once: the other one won
                existing = self._by_key(unit, key)
                if existing is None:
                    raise
        if existing.request_hash != request_hash:
            raise IdempotencyMismatch(f"key {key!r} was used for another draft")
        return _draft(existing), False

    def _by_key(self, unit: str, key: str) -> DraftRow | None:
        with self.database.session() as session:
            return session.scalar(
                select(DraftRow).where(DraftRow.unit == unit, DraftRow.idempotency_key == key)
            )

    def save(
        self,
        unit: str,
        draft_id: str,
        data: dict[str, Any],
        revision: int | None = None,
        if_match: Collection[str] | None = None,
    ) -> Draft:
        """Replace the draft's data, if it is still the version the caller names."""
        with _writing(), self.database.session() as session:
            row = _row(session, unit, draft_id)
            _expect(_draft(row), revision, if_match)
            row.data, row.document_type = data, _type(data)
            row.revision += 1
            row.updated_at = _now()
            session.flush()
            return _draft(row)

    def rename(
        self, unit: str, draft_id: str, name: str, if_match: Collection[str] | None = None
    ) -> Draft:
        """Give the draft another name (if it is still the version `if_match` names)."""
        with _writing(), self.database.session() as session:
            row = _row(session, unit, draft_id)
            _expect(_draft(row), None, if_match)
            row.name, row.updated_at = name, _now()
            session.flush()
            return _draft(row)

    def duplicate(self, unit: str, draft_id: str, name: str) -> Draft:
        """A copy to start from ("start from last year's plan")."""
        original = self.get(unit, draft_id)
        return self.create(unit, name, original.data, parent_id=original.id)

    def delete(
        self,
        unit: str,
        draft_id: str,
        revision: int | None = None,
        if_match: Collection[str] | None = None,
    ) -> None:
        """Remove the draft, if it is still the version the caller names."""
        with _writing(), self.database.session() as session:
            row = _row(session, unit, draft_id)
            _expect(_draft(row), revision, if_match)
            session.delete(row)


def _expect(current: Draft, revision: int | None, if_match: Collection[str] | None) -> None:
    """Refuse a write based on another version than `current`."""
    if if_match is not None and ANY not in if_match and current.etag not in if_match:
        raise PreconditionFailed(f"draft {current.id} is at {current.etag}")
    if revision is not None and revision != current.revision:
        raise Conflict(f"draft {current.id} is at revision {current.revision}, not {revision}")


def _new_row(unit: str, name: str, data: dict[str, Any], parent_id: str | None) -> DraftRow:
    now = _now()
    return DraftRow(
        id=new_id(),
        unit=unit,
        name=name,
        document_type=_type(data),
        data=data,
        parent_id=parent_id,
        revision=1,
        created_at=now,
        updated_at=now,
    )


def _row(session: Any, unit: str, draft_id: str) -> DraftRow:
    row = session.get(DraftRow, draft_id)
    if row is None or row.unit != unit:
        raise NotFound(f"draft {draft_id}")
    return row  # type: ignore[no-any-return]


def _draft(row: DraftRow) -> Draft:
    return Draft(
        id=row.id,
        unit=row.unit,
        name=row.name,
        document_type=row.document_type,
        data=row.data,
        parent_id=row.parent_id,
        revision=row.revision,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _type(data: dict[str, Any]) -> str | None:
    kind = data.get("type")
    return kind if isinstance(kind, str) and len(kind) <= 20 else None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite hands timestamps back without their zone; they were written in UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


@contextmanager
def _writing() -> Iterator[None]:
    """Turn a refused write (locked file, full disk) into StorageError; the caller keeps input."""
    try:
        yield
    except OperationalError as error:
        raise StorageError(str(error.orig)) from error

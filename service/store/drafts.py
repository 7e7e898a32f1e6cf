"""Drafts of plans, private to a unit: list, open, save, rename, duplicate, delete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from service.errors import Conflict, NotFound, StorageError
from service.store.database import Database
from service.store.tables import DraftRow, new_id


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


class Drafts(Protocol):
    """The drafts repository; every call is scoped to one unit."""

    def list(self, unit: str) -> list[Draft]: ...
    def get(self, unit: str, draft_id: str) -> Draft: ...
    def create(
        self, unit: str, name: str, data: dict[str, Any], parent_id: str | None = None
    ) -> Draft: ...
    def save(
        self, unit: str, draft_id: str, data: dict[str, Any], revision: int | None = None
    ) -> Draft: ...
    def rename(self, unit: str, draft_id: str, name: str) -> Draft: ...
    def duplicate(self, unit: str, draft_id: str, name: str) -> Draft: ...
    def delete(self, unit: str, draft_id: str) -> None: ...


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

    def get(self, unit: str, draft_id: str) -> Draft:
        """One draft; NotFound when it belongs to another unit or does not exist."""
        with self.database.session() as session:
            return _draft(_row(session, unit, draft_id))

    def create(
        self, unit: str, name: str, data: dict[str, Any], parent_id: str | None = None
    ) -> Draft:
        """A new draft."""
        now = _now()
        row = DraftRow(
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
        with _writing(), self.database.session() as session:
            session.add(row)
        return _draft(row)

    def save(
        self, unit: str, draft_id: str, data: dict[str, Any], revision: int | None = None
    ) -> Draft:
        """Replace the draft's data; Conflict if `revision` is not the current one."""
        with _writing(), self.database.session() as session:
            row = _row(session, unit, draft_id)
            if revision is not None and revision != row.revision:
                raise Conflict(f"draft {draft_id} is at revision {row.revision}, not {revision}")
            row.data, row.document_type = data, _type(data)
            row.revision += 1
            row.updated_at = _now()
            session.flush()
            return _draft(row)

    def rename(self, unit: str, draft_id: str, name: str) -> Draft:
        """Give the draft another name."""
        with _writing(), self.database.session() as session:
            row = _row(session, unit, draft_id)
            row.name, row.updated_at = name, _now()
            session.flush()
            return _draft(row)

    def duplicate(self, unit: str, draft_id: str, name: str) -> Draft:
        """A copy to start from ("start from last year's plan")."""
        original = self.get(unit, draft_id)
        return self.create(unit, name, original.data, parent_id=original.id)

    def delete(self, unit: str, draft_id: str) -> None:
        """Remove the draft."""
        with _writing(), self.database.session() as session:
            session.delete(_row(session, unit, draft_id))


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


@contextmanager
def _writing() -> Iterator[None]:
    """Turn a refused write (locked file, full disk) into StorageError; the caller keeps input."""
    try:
        yield
    except OperationalError as error:
        raise StorageError(str(error.orig)) from error

"""What the batch repository hands out: plain frozen records, no database types."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from service.batch.request import BatchRequest

FINISHED = ("done", "partial", "failed")  # a batch's end states (an item ends done or failed)
Settled = Literal["done", "pending", "failed"]


def utcnow() -> dt.datetime:
    """Now, in UTC (SQLite hands datetimes back naive: they are UTC too)."""
    return dt.datetime.now(dt.UTC)


def as_utc(moment: dt.datetime | None) -> dt.datetime | None:
    """A stored datetime as an aware UTC one."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class Batch:
    """A batch as stored: its request (without rows), state and times."""

    id: str
    unit: str
    status: str  # queued running, then done (every row), partial (some failed) or failed (all)
    formats: tuple[str, ...]
    plan: dict[str, Any]
    settings: dict[str, Any]
    total: int
    request_hash: str
    created_at: dt.datetime | None = None
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None

    @property
    def finished(self) -> bool:
        """Every row is done or failed."""
        return self.finished_at is not None

    def request(self) -> BatchRequest:
        """The request this batch was made from, rows aside (each item keeps its own row)."""
        return BatchRequest.from_stored(self.plan, self.settings, [])


@dataclass(frozen=True)
class Claimed:
    """A row a worker holds under a lease."""

    id: int
    position: int
    label: str
    row: dict[str, Any]
    attempts: int


@dataclass(frozen=True)
class Outcome:
    """What became of a claimed row."""

    item_id: int
    status: Settled
    outputs: list[dict[str, Any]] = field(default_factory=list)
    error: dict[str, Any] | None = None


@dataclass(frozen=True)
class Failure:
    """A row that failed for good, with its last error `{"code": ..., "detail": ...}`."""

    position: int
    label: str
    attempts: int
    error: dict[str, Any]


@dataclass(frozen=True)
class Progress:
    """Counts of rows by status, failures, and the batch's times for an ETA."""

    batch: Batch
    counts: dict[str, int]
    failures: list[Failure]

    def count(self, status: str) -> int:
        """Rows in `status`."""
        return self.counts.get(status, 0)

    def eta_seconds(self, now: dt.datetime) -> float | None:
        """Seconds left at the rate so far; None before the first row is finished."""
        started = as_utc(self.batch.started_at)
        finished = self.count("done") + self.count("failed")
        if self.batch.finished:
            return 0.0
        if started is None or finished == 0:
            return None
        rate = finished / max((now - started).total_seconds(), 1e-3)
        return round((self.batch.total - finished) / rate, 1)


@dataclass(frozen=True)
class DoneItem:
    """A finished row's outputs: `[{"format": "docx", "key": ..., "bytes": ...}, ...]`."""

    position: int
    label: str
    outputs: list[dict[str, Any]]

    def output(self, kind: str) -> dict[str, Any] | None:
        """The output of one format, if any."""
        return next((o for o in self.outputs if o.get("format") == kind), None)


@dataclass(frozen=True)
class Work:
    """What is left of a batch for a worker: rows to claim now, rows others hold."""

    claimable: int
    held: int
    next_expiry: dt.datetime | None

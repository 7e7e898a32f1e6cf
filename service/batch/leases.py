"""Rows claimed under a lease, so that no work is lost and none is done twice.

A claim is one UPDATE statement, so it is atomic on SQLite (one writer) and on
PostgreSQL (the WHERE clause is checked again on the locked row). The claim's owner
token is checked when rows are settled: a worker whose lease another has taken over
cannot record anything, so every row ends done or failed exactly once. A lease not
renewed in time (the worker died) makes its rows claimable again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import and_, bindparam, func, or_, select, update

from schemas.messages import code
from service.batch.records import Claimed, Outcome, Work, as_utc, utcnow
from service.store import Database
from service.store.tables import BatchItemRow as Item
from service.store.tables import BatchRow


class SqlLeases:
    """Claiming, renewing, settling and handing back a batch's rows."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def claim(
        self, batch_id: str, owner: str, limit: int, lease: float, max_attempts: int
    ) -> list[Claimed]:
        """Take up to `limit` pending rows (or rows whose lease expired) for `owner`."""
        now = utcnow()
        expired = and_(Item.status == "running", Item.claimed_at < now - _seconds(lease))
        claimable = and_(Item.batch_id == batch_id, or_(Item.status == "pending", expired))
        first = (
            select(Item.id).where(claimable).order_by(Item.position).limit(limit).scalar_subquery()
        )
        with self.database.engine.begin() as conn:
            # A row whose workers died `max_attempts` times fails rather than kill another.
            conn.execute(
                update(Item)
                .where(Item.batch_id == batch_id, expired, Item.attempts >= max_attempts)
                .values(status="failed", claimed_by=None, updated_at=now,
                        error={"code": code("abandoned", max_attempts)})
            )  # fmt: skip
            taken = conn.execute(
                update(Item)
                .where(Item.id.in_(first), claimable)
                .values(status="running", claimed_by=owner, claimed_at=now,
                        attempts=Item.attempts + 1, updated_at=now)
            ).rowcount  # fmt: skip
            if not taken:
                return []
            conn.execute(
                update(BatchRow)
                .where(BatchRow.id == batch_id, BatchRow.started_at.is_(None))
                .values(status="running", started_at=now)
            )
            rows = conn.execute(
                select(Item.id, Item.position, Item.label, Item.data, Item.attempts)
                .where(Item.batch_id == batch_id, Item.claimed_by == owner)
                .where(Item.status == "running")
                .order_by(Item.position)
            ).all()
        return [Claimed(r.id, r.position, r.label, r.data, r.attempts) for r in rows]

    def renew(self, owner: str) -> int:
        """Extend the lease of every row `owner` holds; the number of rows still held."""
        with self.database.engine.begin() as conn:
            return conn.execute(
                update(Item)
                .where(Item.claimed_by == owner, Item.status == "running")
                .values(claimed_at=utcnow())
            ).rowcount

    def settle(self, owner: str, outcomes: Sequence[Outcome]) -> int:
        """Record outcomes of rows `owner` still holds; returns how many were recorded."""
        if not outcomes:
            return 0
        statement = (
            update(Item)
            .where(Item.id == bindparam("item"), Item.claimed_by == owner)
            .where(Item.status == "running")
            .values(status=bindparam("new_status"), outputs=bindparam("new_outputs"),
                    error=bindparam("new_error"), claimed_by=None, claimed_at=None,
                    updated_at=utcnow())
        )  # fmt: skip
        params = [
            {"item": o.item_id, "new_status": o.status, "new_outputs": o.outputs,
             "new_error": o.error}
            for o in outcomes
        ]  # fmt: skip
        with self.database.engine.begin() as conn:
            return conn.execute(statement, params).rowcount

    def release(self, owner: str) -> None:
        """Hand back rows `owner` holds but has not started (a worker stopping cleanly)."""
        with self.database.engine.begin() as conn:
            conn.execute(
                update(Item)
                .where(Item.claimed_by == owner, Item.status == "running")
                .values(status="pending", claimed_by=None, claimed_at=None,
                        attempts=Item.attempts - 1, updated_at=utcnow())
            )  # fmt: skip

    def expire_dead(self, host: str, alive: Callable[[int], bool]) -> int:
        """End the leases of `host`'s processes that no longer exist (killed with kill -9),
        so that a restarted service retries their rows now, not a lease later; the rows' count.

        Only this machine can tell: claims read `host:pid/token`. A pid reused since reads as
        alive, and its rows wait for their lease, as before."""
        with self.database.engine.connect() as conn:
            owners = conn.scalars(
                select(Item.claimed_by).distinct()
                .where(Item.status == "running", Item.claimed_by.is_not(None))
            ).all()  # fmt: skip
        dead = [owner for owner in owners if owner and _dead(owner, host, alive)]
        if not dead:
            return 0
        with self.database.engine.begin() as conn:
            return conn.execute(
                update(Item)
                .where(Item.claimed_by.in_(dead), Item.status == "running")
                .values(claimed_at=EXPIRED)  # `claim` takes them, or fails those out of attempts
            ).rowcount

    def work(self, batch_id: str, lease: float) -> Work:
        """Rows claimable now, rows held under a live lease, and when the next lease expires."""
        now = utcnow()
        live = Item.claimed_at >= now - _seconds(lease)
        query = select(
            func.count().filter(
                or_(Item.status == "pending", and_(Item.status == "running", ~live))
            ),
            func.count().filter(Item.status == "running", live),
            func.min(Item.claimed_at).filter(Item.status == "running", live),
        ).where(Item.batch_id == batch_id)
        with self.database.engine.connect() as conn:
            claimable, held, oldest = conn.execute(query).one()
        oldest = as_utc(oldest)
        expiry = None if oldest is None else oldest + _seconds(lease)
        return Work(int(claimable), int(held), expiry)


def _seconds(value: float) -> dt.timedelta:
    return dt.timedelta(seconds=value)


EXPIRED = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _dead(owner: str, host: str, alive: Callable[[int], bool]) -> bool:
    """Whether a claim `host:pid/token` is this host's and its process is gone."""
    name, _, pid = owner.split("/", 1)[0].rpartition(":")
    return name == host and pid.isdigit() and not alive(int(pid))

"""The batch repository on a real PostgreSQL server: claims stay exclusive under concurrent
workers, a taken-over claim cannot be settled, progress and the end of a batch."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from service.batch.records import Outcome
from service.batch.repository import SqlBatches
from service.batch.request import parse_request
from service.batch.validation import PreparedRow
from service.store import Database
from tests.batch.communes import commune_rows
from tests.store import postgres

pytestmark = pytest.mark.postgres  # fails, not skips, without the server: setup.sh installs it


@pytest.fixture(scope="module")
def database() -> Iterator[Database]:
    with postgres.migrated_database() as database:
        yield database


def test_concurrent_claims_on_postgresql(database: Database, plan: dict[str, Any]) -> None:
    batches = SqlBatches(database)
    request = parse_request({"plan": plan, "rows": commune_rows(30), "fields": ["ten_xa"]}, 100)
    rows = [PreparedRow(n, f"Xã {n}", row) for n, row in enumerate(request.rows)]
    batch = batches.create("xa-a", "key", request, rows)
    taken: list[list[int]] = [[] for _ in range(4)]

    def work(n: int) -> None:
        while claimed := batches.claim(batch.id, f"w{n}/x", 3, 60, 3):
            taken[n].extend(c.position for c in claimed)
            batches.settle(f"w{n}/x", [Outcome(c.id, "done") for c in claimed])

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    positions = sorted(p for part in taken for p in part)
    assert positions == list(range(30))  # each row claimed by exactly one worker
    assert batches.work(batch.id, 60).claimable == 0
    assert batches.finalize(batch.id) and not batches.finalize(batch.id)
    progress = batches.progress(batch.id)
    assert (progress.batch.status, progress.counts) == ("done", {"done": 30})
    assert batches.find_by_key("xa-a", "key") == batches.load(batch.id)
    assert batches.unfinished() == []


def test_a_taken_over_claim_cannot_be_settled_on_postgresql(
    database: Database, plan: dict[str, Any]
) -> None:
    batches = SqlBatches(database)
    request = parse_request({"plan": plan, "rows": commune_rows(1), "fields": ["ten_xa"]}, 10)
    batch = batches.create("xa-a", None, request, [PreparedRow(0, "Xã 0", request.rows[0])])
    (slow,) = batches.claim(batch.id, "slow/a", 1, 60, 3)
    (fast,) = batches.claim(batch.id, "fast/b", 1, 0.0, 3)
    assert (fast.id, fast.attempts) == (slow.id, 2)
    assert batches.settle("slow/a", [Outcome(slow.id, "done")]) == 0
    assert batches.settle("fast/b", [Outcome(fast.id, "done")]) == 1
    assert batches.work(batch.id, 60).held == 0

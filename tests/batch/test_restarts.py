"""Restarts of the real service (issue 15): `scripts/run.sh` (gunicorn, 2 workers, the
embedded batch pool, SQLite, real LibreOffice) stopped mid-batch by SIGTERM or killed
with kill -9, then started again. Every commune of a 50-commune DOCX+PDF batch ends in the
archive exactly once, with no attempt spent by the stop; most communes' PDFs are cut from
joint conversions (a group of communes in one LibreOffice load)."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from service.batch.repository import SqlBatches
from service.batch.runtime import process_alive
from service.rendering.pdf.streaming import HEADER
from service.store import Database
from service.store.tables import BatchItemRow
from tests.batch.communes import check_archive, commune_rows
from tests.batch.faults import holder_pids, kill, stored_files, wait_for
from tests.batch.service_process import Service

pytestmark = [pytest.mark.slow, pytest.mark.libreoffice]
COMMUNES = 50


@pytest.fixture()
def environment(tmp_path: Path) -> dict[str, str]:
    return {
        "PLANDOC_DATABASE_URL": f"sqlite:///{tmp_path / 'plandoc.db'}",
        "PLANDOC_STORAGE_DIR": str(tmp_path / "storage"),
        "PLANDOC_AUTH_REQUIRED": "false",
        "PLANDOC_RATE_LIMIT_PER_MINUTE": "0",
        "PLANDOC_BATCH_LEASE_SECONDS": "10",  # a killed worker's rows return after 10 s
        "PLANDOC_BATCH_POLL_SECONDS": "1",
        # Groups of 3, not 10: with 2 processes of 2 threads, groups of 10 put 40 of the 50
        # communes in flight at once, and a stop could then find none left to hand back.
        "PLANDOC_BATCH_PDF_GROUP": "3",
        "PDF_POOL_WORKDIR": str(tmp_path),
    }


@pytest.fixture()
def batches(environment: dict[str, str]) -> Iterator[SqlBatches]:
    database = Database(environment["PLANDOC_DATABASE_URL"])
    yield SqlBatches(database)
    database.dispose()


def rows_by_status(batches: SqlBatches, batch_id: str) -> dict[str, list[int]]:
    """Each row's attempts, grouped by its status."""
    grouped: dict[str, list[int]] = {}
    for status, attempts in row_states(batches, batch_id).values():
        grouped.setdefault(status, []).append(attempts)
    return grouped


def row_states(batches: SqlBatches, batch_id: str) -> dict[int, tuple[str, int]]:
    """Each row's status and attempts, by position."""
    query = select(BatchItemRow.position, BatchItemRow.status, BatchItemRow.attempts).where(
        BatchItemRow.batch_id == batch_id
    )
    with batches.database.engine.connect() as conn:
        return {position: (status, attempts) for position, status, attempts in conn.execute(query)}


def ran_once_more(before: dict[int, tuple[str, int]], after: dict[int, tuple[str, int]]) -> None:
    """After the restart every row is done, and each unfinished one was claimed exactly once."""
    for position, (status, attempts) in before.items():
        assert after[position] == ("done", attempts + (status != "done")), (position, before)


def start_batch(service: Service, plan: dict[str, Any], rows: list[dict[str, Any]]) -> str:
    body = {"plan": plan, "rows": rows, "fields": ["ten_xa"], "formats": ["docx", "pdf"]}
    code, answer = service.post_json("/api/v1/batches", body)
    assert code == 202, answer
    return str(answer["id"])


def check_complete(
    service: Service, batch_id: str, rows: list[dict[str, Any]], storage: Path
) -> None:
    """50 of 50 done; the archive and storage hold each commune once, as DOCX and PDF."""
    status = service.finished(batch_id, timeout=300)
    assert (status["status"], status["done"], status["failed"]) == ("done", COMMUNES, 0), status
    code, data = service.get(f"/api/v1/batches/{batch_id}/archive.zip")
    assert code == 200
    check_archive(data, rows, "docx")
    check_archive(data, rows, "pdf")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert len(archive.namelist()) == 2 * COMMUNES
    code, merged = service.get(f"/api/v1/batches/{batch_id}/merged.pdf")
    assert code == 200
    assert len(PdfReader(io.BytesIO(merged)).outline) == COMMUNES
    files = stored_files(storage, batch_id)
    for extension in ("docx", "pdf"):
        assert len([n for n in files if n.endswith(f".{extension}")]) == COMMUNES + (
            extension == "pdf"  # merged.pdf
        ), files
    assert not [n for n in files if n.startswith(".")], files  # no temporary file left
    joint = [n for n in files if n.endswith(".pdf") and cut_from_joint(storage / batch_id / n)]
    print(f"{len(joint) - 1} of {COMMUNES} communes' PDFs cut from joint conversions")
    assert len(joint) - 1 >= COMMUNES // 2  # grouping was on (merged.pdf is ours too)


def cut_from_joint(path: Path) -> bool:
    """Whether a stored PDF was written by our splitter rather than by LibreOffice alone
    (LibreOffice's header is `%PDF-1.6` then `%äüöß`)."""
    with path.open("rb") as pdf:
        return pdf.read(15) == HEADER


def test_sigterm_finishes_rows_in_flight_and_hands_back_the_rest(
    tmp_path: Path, environment: dict[str, str], batches: SqlBatches, plan: dict[str, Any]
) -> None:
    rows = commune_rows(COMMUNES)
    first = Service(environment, tmp_path / "first.log")
    try:
        batch_id = start_batch(first, plan, rows)
        wait_for(lambda: batches.progress(batch_id).count("done") >= 5, 180, "first communes")
        seconds = first.terminate()
    finally:
        first.kill()
    stopped = rows_by_status(batches, batch_id)
    log = (tmp_path / "first.log").read_text()
    print(f"SIGTERM: stopped in {seconds:.1f} s; rows {json.dumps(stopped)}")
    assert "running" not in stopped and "failed" not in stopped, (stopped, log)
    assert 0 < len(stopped.get("done", [])) < COMMUNES
    assert set(stopped["done"]) == {1}  # each done once
    assert set(stopped["pending"]) == {0}  # rows handed back spent no attempt
    assert "pool is closed" not in log and "pool closed" not in log
    assert batches.load(batch_id).finished_at is None
    before = row_states(batches, batch_id)
    second = Service(environment, tmp_path / "second.log")
    try:
        check_complete(second, batch_id, rows, tmp_path / "storage")
    finally:
        second.terminate()
    ran_once_more(before, row_states(batches, batch_id))


def test_kill_9_then_restart_retries_every_leased_row(
    tmp_path: Path, environment: dict[str, str], batches: SqlBatches, plan: dict[str, Any]
) -> None:
    environment["PLANDOC_BATCH_LEASE_SECONDS"] = "60"  # the default
    rows = commune_rows(COMMUNES)
    first = Service(environment, tmp_path / "first.log")
    try:
        batch_id = start_batch(first, plan, rows)
        wait_for(lambda: bool(holder_pids(batches, batch_id)), 180, "rows in flight")
        holder = sorted(holder_pids(batches, batch_id))[0]
        assert holder in first.worker_pids()
        kill(holder)  # one worker, kill -9: gunicorn starts another, which takes its rows up
        wait_for(lambda: holder not in first.worker_pids(), 30, "the killed worker reaped")
        done = batches.progress(batch_id).count("done")
        wait_for(lambda: batches.progress(batch_id).count("done") >= done + 5, 180, "more")
    finally:
        first.kill()  # then the whole service, kill -9
    # The killed workers are reaped by init, not by their (killed) master: until then they
    # are zombies, which count as alive (a pid cannot be told from a reused one).
    dead = holder_pids(batches, batch_id)
    wait_for(lambda: not any(map(process_alive, dead)), 30, "the killed workers reaped")
    killed = rows_by_status(batches, batch_id)
    print(f"kill -9: rows {json.dumps(killed)}")
    assert "failed" not in killed and 0 < len(killed.get("done", [])) < COMMUNES
    before = row_states(batches, batch_id)
    second = Service(environment, tmp_path / "second.log")
    try:
        # The dead processes' leases (60 s) end at the start, not a minute later.
        wait_for(lambda: all(map(process_alive, holder_pids(batches, batch_id))), 5, "leases")
        check_complete(second, batch_id, rows, tmp_path / "storage")
    finally:
        second.terminate()
    ran_once_more(before, row_states(batches, batch_id))  # the leased rows too

"""Scale-out for real: redis-server, two Celery worker processes, `kill -9` of one of them
mid-batch; then PDF through the workers' own small LibreOffice pools, and the merged PDF."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask
from pypdf import PdfReader

from service.batch.repository import SqlBatches
from service.store import Database
from tests.batch.communes import check_archive, commune_rows
from tests.batch.conftest import make_app
from tests.batch.faults import (
    attempts,
    celery_worker,
    holder_pids,
    kill,
    redis_server,
    stop,
    wait_for,
)
from tests.batch.test_api import download, finished

pytestmark = [pytest.mark.redis, pytest.mark.slow]
COMMUNES = 32


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Redis, a migrated SQLite database, shared storage, and two workers on them."""
    root = tmp_path_factory.mktemp("celery")
    with redis_server() as redis_url:
        database = Database(f"sqlite:///{root / 'app.db'}")
        database.migrate()
        env = {
            "PLANDOC_REDIS_URL": redis_url,
            "PLANDOC_DATABASE_URL": database.url,
            "PLANDOC_STORAGE_DIR": str(root / "storage"),
            "PLANDOC_BATCH_LEASE_SECONDS": "2",
            "PLANDOC_BATCH_ROW_PAUSE": "0.1",  # time to kill one mid-batch
            "PLANDOC_BATCH_POLL_SECONDS": "0.5",
            "PDF_POOL_SIZE": "1",
        }
        workers = [celery_worker(f"w{n}", env, root / f"w{n}.log") for n in (1, 2)]
        try:
            yield {"root": root, "env": env, "workers": workers, "database": database}
        finally:
            for worker in workers:
                stop(worker)
            database.dispose()


@pytest.fixture()
def web(cluster: dict[str, Any]) -> Iterator[Flask]:
    """The web service in this process, sending batches to the workers through Redis."""
    env, root = cluster["env"], cluster["root"]
    app = make_app(
        root, BATCH_BACKEND="celery", REDIS_URL=env["PLANDOC_REDIS_URL"],
        STORAGE_DIR=env["PLANDOC_STORAGE_DIR"], BATCH_CELERY_TASKS=4,
    )  # fmt: skip
    yield app
    app.extensions["batches"].close()


def test_a_worker_killed_mid_batch_loses_nothing_and_doubles_nothing(
    cluster: dict[str, Any], web: Flask, plan: dict[str, Any]
) -> None:
    rows = commune_rows(COMMUNES)
    client = web.test_client()
    body = {"plan": plan, "rows": rows, "fields": ["ten_xa"]}
    created = client.post("/api/v1/batches", json=body).get_json()
    batches = SqlBatches(cluster["database"])
    pids = {worker.pid: worker for worker in cluster["workers"]}
    seen: set[int] = set()  # workers that held rows of the batch
    chosen: list[subprocess.Popen[bytes]] = []

    def kill_one_holding_rows() -> bool:
        holding = holder_pids(batches, created["id"]) & set(pids)
        seen.update(holding)
        if len(seen) < 2 or not holding:
            return False
        victim = pids[min(holding)]
        kill(victim.pid)  # kill -9 while it holds rows
        chosen.append(victim)
        return True

    wait_for(kill_one_holding_rows, 60, "both workers on the batch, one holding rows")
    victim = chosen[0]
    victim.wait()
    orphaned = victim.pid in holder_pids(batches, created["id"])  # its rows, left to expire
    assert batches.progress(created["id"]).count("done") < COMMUNES
    status = finished(client, created["urls"]["self"], timeout=90)
    assert (status["status"], status["done"], status["failed"]) == ("done", COMMUNES, 0)
    check_archive(download(client, created["urls"]["archive"]), rows)
    stored = sorted((cluster["root"] / "storage" / created["id"]).glob("*.docx"))
    assert len(stored) == COMMUNES  # one file per commune: a redone row overwrote its own
    if orphaned:  # (unless it settled them in the instant before the kill)
        assert max(attempts(batches, created["id"])) == 2  # taken over by the other worker
    cluster["workers"].remove(victim)


@pytest.mark.libreoffice
def test_pdf_on_the_workers_and_the_merged_pdf(
    cluster: dict[str, Any], web: Flask, plan: dict[str, Any]
) -> None:
    # A worker started again: the killed one's replacement.
    cluster["workers"].append(celery_worker("w3", cluster["env"], cluster["root"] / "w3.log"))
    rows = commune_rows(4)
    client = web.test_client()
    body = {"plan": plan, "rows": rows, "fields": ["ten_xa"], "formats": ["docx", "pdf"]}
    created = client.post("/api/v1/batches", json=body).get_json()
    status = finished(client, created["urls"]["self"], timeout=120)
    assert (status["done"], status["failed"]) == (4, 0), status["failures"]
    archive = download(client, created["urls"]["archive"])
    check_archive(archive, rows)
    check_archive(archive, rows, "pdf")
    merged = PdfReader(io.BytesIO(download(client, created["urls"]["merged_pdf"])))
    pages = [
        len(PdfReader(cluster["root"] / "storage" / created["id"] / name).pages)
        for name in sorted(
            p.name for p in (cluster["root"] / "storage" / created["id"]).glob("0*.pdf")
        )
    ]
    assert len(merged.pages) == sum(pages) and min(pages) > 5
    starts = [sum(pages[:n]) for n in range(len(pages))]
    marks = [(o.title, merged.get_destination_page_number(o)) for o in merged.outline]
    assert marks == list(zip([f"Xã {r['place']}" for r in rows], starts, strict=True))
    info = PdfReader(cluster["root"] / "storage" / created["id"] / "00000-xa-quang-thuan.pdf")
    assert info.metadata is not None and info.metadata.author == "ỦY BAN NHÂN DÂN XÃ QUANG THUẬN"

"""Redis restarted in the middle of a Celery batch: the batch completes, every commune once."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest

from service.batch.repository import SqlBatches
from service.store import Database
from tests.batch.communes import check_archive, commune_rows
from tests.batch.conftest import make_app
from tests.batch.faults import _answers, celery_worker, free_port, stop, wait_for
from tests.batch.test_api import download, finished

pytestmark = [pytest.mark.redis, pytest.mark.slow]
COMMUNES = 20


def _redis(port: int, folder: Path) -> subprocess.Popen[bytes]:
    """redis-server with its append-only file, as production runs it (queued tasks persist)."""
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "yes", "--appendfsync", "always", "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    wait_for(lambda: _answers(port), 10, "redis-server")
    return process


def test_redis_restarted_mid_batch_loses_nothing(tmp_path: Path, plan: dict[str, Any]) -> None:
    port, folder = free_port(), tmp_path / "redis"
    folder.mkdir()
    redis = _redis(port, folder)
    database = Database(f"sqlite:///{tmp_path / 'app.db'}")
    database.migrate()
    env = {
        "PLANDOC_REDIS_URL": f"redis://127.0.0.1:{port}/0",
        "PLANDOC_DATABASE_URL": database.url,
        "PLANDOC_STORAGE_DIR": str(tmp_path / "storage"),
        "PLANDOC_BATCH_LEASE_SECONDS": "2",
        "PLANDOC_BATCH_ROW_PAUSE": "0.2",  # a batch long enough to restart Redis in it
        "PLANDOC_BATCH_POLL_SECONDS": "0.5",
    }
    worker = celery_worker("restart", env, tmp_path / "worker.log")
    app = make_app(tmp_path, BATCH_BACKEND="celery", REDIS_URL=env["PLANDOC_REDIS_URL"],
                   STORAGE_DIR=env["PLANDOC_STORAGE_DIR"], BATCH_CELERY_TASKS=4)  # fmt: skip
    try:
        rows = commune_rows(COMMUNES)
        client = app.test_client()
        body = {"plan": plan, "rows": rows, "fields": ["ten_xa"]}
        created = client.post("/api/v1/batches", json=body).get_json()
        batches = SqlBatches(database)
        wait_for(lambda: 0 < batches.progress(created["id"]).count("done") < COMMUNES // 2, 60,
                 "the batch under way")  # fmt: skip
        redis.kill()  # kill -9 of the broker mid-batch
        redis.wait()
        redis = _redis(port, folder)  # back on the same port with its append-only file
        status = finished(client, created["urls"]["self"], timeout=120)
        assert (status["status"], status["done"], status["failed"]) == ("done", COMMUNES, 0)
        check_archive(download(client, created["urls"]["archive"]), rows)
        stored = sorted((tmp_path / "storage" / created["id"]).glob("*.docx"))
        assert len(stored) == COMMUNES
    finally:
        app.extensions["batches"].close()
        stop(worker)
        stop(redis)
        database.dispose()

"""The embedded pool (the default) with real threads, files and SQLite: a batch of 32
communes survives a stop of the service and a `kill -9` of its process mid-batch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from service.batch.repository import SqlBatches
from service.store import Database
from tests.batch.communes import check_archive, commune_rows
from tests.batch.conftest import make_app
from tests.batch.faults import ROOT, kill, stop, stored_files, wait_for
from tests.batch.test_api import download, finished

pytestmark = pytest.mark.slow
COMMUNES = 32

# A service in its own process: it takes the batch, prints its id, and works until killed.
SERVICE = """
import json, sys, time
from service.http import create_app
app = create_app({"TESTING": True, "AUTH_REQUIRED": False})
response = app.test_client().post("/api/v1/batches", json=json.loads(sys.stdin.read()))
print(response.get_json()["id"], flush=True)
time.sleep(600)
"""


def test_a_stopped_service_resumes_on_restart(tmp_path: Path, plan: dict[str, Any]) -> None:
    rows = commune_rows(COMMUNES)
    body = {"plan": plan, "rows": rows, "fields": ["ten_xa"]}
    slow = {"BATCH_ROW_PAUSE": 0.1, "BATCH_LEASE_SECONDS": 2.0}  # claims of ~5 rows
    first = make_app(tmp_path, **slow)
    created = first.test_client().post("/api/v1/batches", json=body).get_json()
    batches: SqlBatches = first.extensions["batches"].batches
    wait_for(lambda: batches.progress(created["id"]).count("done") >= 2, 30, "first rows")
    first.extensions["batches"].close()  # the service stops mid-batch
    progress = batches.progress(created["id"])
    assert not progress.batch.finished and progress.count("pending") > 0
    assert progress.count("running") == 0  # rows not started were handed back
    restarted = make_app(tmp_path)
    try:
        client = restarted.test_client()
        status = finished(client, created["urls"]["self"])
        assert (status["done"], status["failed"]) == (COMMUNES, 0)
        check_archive(download(client, created["urls"]["archive"]), rows)
    finally:
        restarted.extensions["batches"].close()
    docx = [n for n in stored_files(tmp_path / "storage", created["id"]) if n.endswith(".docx")]
    assert len(docx) == COMMUNES


def test_a_killed_service_resumes_after_the_leases_expire(
    tmp_path: Path, plan: dict[str, Any]
) -> None:
    rows = commune_rows(COMMUNES)
    env = {
        "PLANDOC_DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
        "PLANDOC_STORAGE_DIR": str(tmp_path / "storage"),
        "PLANDOC_BATCH_ROW_PAUSE": "0.1",
        "PLANDOC_BATCH_LEASE_SECONDS": "2",
        "PLANDOC_PDF_ENABLED": "false",
        "PATH": "/usr/bin:/bin",
    }
    service = subprocess.Popen(
        [sys.executable, "-c", SERVICE], cwd=ROOT, env=env, text=True,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
    )  # fmt: skip
    try:
        assert service.stdin is not None and service.stdout is not None
        service.stdin.write(json.dumps({"plan": plan, "rows": rows, "fields": ["ten_xa"]}))
        service.stdin.close()
        batch_id = service.stdout.readline().strip()
        database = Database(env["PLANDOC_DATABASE_URL"])
        batches = SqlBatches(database)
        wait_for(lambda: batches.progress(batch_id).count("done") >= 2, 30, "first rows")
        kill(service.pid)  # kill -9: claimed rows stay claimed until their lease expires
        service.wait()
        progress = batches.progress(batch_id)
        assert not progress.batch.finished and progress.count("done") < COMMUNES
    finally:
        stop(service)
        if service.stdout is not None:
            service.stdout.close()
    restarted = make_app(tmp_path, PDF_CONVERTER=None, BATCH_LEASE_SECONDS=2.0)
    try:
        client = restarted.test_client()
        status = finished(client, f"/api/v1/batches/{batch_id}")
        assert (status["done"], status["failed"]) == (COMMUNES, 0)
        check_archive(download(client, f"/api/v1/batches/{batch_id}/archive.zip"), rows)
    finally:
        restarted.extensions["batches"].close()
        database.dispose()
    docx = [n for n in stored_files(tmp_path / "storage", batch_id) if n.endswith(".docx")]
    assert len(docx) == COMMUNES

"""`/healthz` and `/readyz`: open without a key, honest about the database and the PDF pool."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from service.http import create_app
from service.rendering.pdf import FakeConverter
from service.store import Database


def _app(tmp_path: Path, **config: object) -> Flask:
    return create_app({"TESTING": True, "AUTH_REQUIRED": True,
                       "DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}", **config})  # fmt: skip


def test_health_and_readiness_need_no_key(tmp_path: Path) -> None:
    client = _app(tmp_path, PDF_CONVERTER=None).test_client()
    assert client.get("/healthz").json == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json == {"status": "ok", "database": "ok",
                          "pdf": {"enabled": False, "state": "disabled"}}  # fmt: skip


def test_not_ready_without_its_database_or_with_a_closed_pool(tmp_path: Path) -> None:
    converter = FakeConverter()
    app = _app(tmp_path, PDF_CONVERTER=converter)
    assert app.test_client().get("/readyz").json["pdf"]["state"] == "ready"
    converter.close()
    closed = app.test_client().get("/readyz")
    assert closed.status_code == 503 and closed.json["pdf"]["state"] == "closed"
    app.extensions["database"] = Database("postgresql+psycopg://nobody:x@127.0.0.1:9/none")
    unreachable = app.test_client().get("/readyz")
    assert unreachable.status_code == 503 and unreachable.json["database"] == "unreachable"
    assert app.test_client().get("/healthz").status_code == 200  # the process still answers

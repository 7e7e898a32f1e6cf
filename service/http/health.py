"""`GET /healthz` (the process answers) and `GET /readyz` (its database and PDF converters
can serve): open without a key, for load balancers and orchestrators."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify
from sqlalchemy.exc import SQLAlchemyError

from service.http.openapi import json_reply, operation
from service.http.shapes import Health, Readiness
from service.rendering.pdf.cache import uncached

bp = Blueprint("health", __name__)


@bp.get("/healthz")
@operation("getHealth", "service", json_reply(200, Health, "The process answers"))
def healthz() -> Response:
    """Liveness: the process answers."""
    return jsonify(status="ok")


@bp.get("/readyz")
@operation(
    "getReadiness",
    "service",
    json_reply(200, Readiness, "Ready to serve"),
    json_reply(503, Readiness, "Not ready: the database or the PDF converters cannot serve"),
)
def readyz() -> tuple[Response, int]:
    """Readiness: the database answers and the PDF converters are not shut down."""
    database = _database()
    pdf = _pdf()
    ready = database == "ok" and pdf["state"] != "closed"
    body = {"status": "ok" if ready else "unavailable", "database": database, "pdf": pdf}
    return jsonify(body), 200 if ready else 503


def _database() -> str:
    try:
        with current_app.extensions["database"].engine.connect() as connection:
            connection.exec_driver_sql("SELECT 1")
    except SQLAlchemyError:
        return "unreachable"
    return "ok"


def _pdf() -> dict[str, Any]:
    converter = current_app.extensions.get("converter")
    if converter is None:
        return {"enabled": False, "state": "disabled"}
    converter = uncached(converter)  # the pool behind the PDF cache
    if getattr(converter, "closed", False):
        return {"enabled": True, "state": "closed"}
    stats = getattr(converter, "stats", None)
    if stats is None:
        return {"enabled": True, "state": "ready"}
    snapshot = stats()
    busy = sum(1 for instance in snapshot.instances if instance.busy)
    return {
        "enabled": True,
        "state": "ready" if snapshot.instances else "idle",  # instances start on first use
        "instances": len(snapshot.instances),
        "busy": busy,
        "queued": snapshot.queued,
    }

"""The batch API: submit (JSON, or multipart with the table file), follow, download."""

from __future__ import annotations

import json
import logging
from typing import Any

from flask import Blueprint, Flask, Response, current_app, jsonify, request, send_file, url_for

from schemas import InvalidDocument
from schemas.messages import code
from service.batch import services
from service.batch.celery_queue import CeleryQueue, make_celery
from service.batch.queue import JobQueue, QueueUnavailable
from service.batch.records import Batch, Progress, utcnow
from service.batch.repository import SqlBatches
from service.batch.request import BatchRequest, BatchRequestSchema, parse_request
from service.batch.runtime import BatchRuntime, build_runtime
from service.batch.settings import DEFAULTS, BatchSettings
from service.batch.tables import TableError, read_table
from service.batch.worker import Worker
from service.http.errors import error_response
from service.http.filenames import attach
from service.http.identity import current_unit
from service.http.locale import localized
from service.http.openapi import PDF, ZIP, file_reply, json_reply, operation, problem, problems
from service.http.openapi.operations import KEY_REUSED
from service.http.queries import BatchForm
from service.http.requests import idempotency_key, json_body
from service.http.shapes import BatchStatus, BatchSummary, BatchValidation

bp = Blueprint("batches", __name__, url_prefix="/api/v1/batches")
log = logging.getLogger(__name__)
REQUEST = {"application/json": BatchRequestSchema, "multipart/form-data": BatchForm}
NOT_READY = problem(409, "The batch has not finished yet")


def init_app(app: Flask) -> None:
    """Batch config defaults, the runtime (embedded pool or Celery client), the blueprint;
    then unfinished batches are queued again, so a restarted service resumes them."""
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    settings = BatchSettings.from_config(app.config)
    runtime = build_runtime(
        settings,
        app.extensions["database"],
        renderer=app.extensions["renderer"],
        converter=lambda: app.extensions.get("converter"),  # the app's pool, shared
        owns_converter=False,
        queue=_celery(settings) if settings.backend == "celery" else None,
    )
    app.extensions["batches"] = runtime
    app.register_blueprint(bp)
    runtime.resume()


def _celery(settings: BatchSettings) -> Any:
    def make(_worker: Worker, _batches: SqlBatches) -> JobQueue:
        return CeleryQueue(make_celery(settings), settings)

    return make


@bp.post("")
@operation(
    "createBatch",
    "batches",
    json_reply(202, BatchSummary, "Queued", "Location", "Idempotent-Replayed"),
    problems(400, 413, 415, 503),
    problem(422, KEY_REUSED),
    headers=("Idempotency-Key",),
    body=REQUEST,
)
def create() -> Response:
    """One plan per commune: check every row, store the batch and queue it."""
    runtime = _runtime()
    batch, created = services.submit(
        read_request(), current_unit(), idempotency_key(),
        batches=runtime.batches, queue=runtime.queue,
    )  # fmt: skip
    response = jsonify(summary(batch))
    response.status_code = 202
    response.headers["Location"] = url_for("batches.status", batch_id=batch.id)
    if not created:
        response.headers["Idempotent-Replayed"] = "true"
    return response


@bp.post("/validate")
@operation(
    "validateBatch",
    "batches",
    json_reply(200, BatchValidation, "Every row is valid"),
    problems(400, 413, 415, 422),
    body=REQUEST,
)
def validate() -> Response:
    """Check every row without storing anything: the communes' names, or 422."""
    rows = services.validate(read_request())
    return jsonify(
        valid=True, total=len(rows), rows=[{"row": r.position, "label": r.label} for r in rows]
    )


@bp.get("/<id:batch_id>")
@operation("getBatch", "batches", json_reply(200, BatchStatus, "The batch"), problems(404))
def status(batch_id: str) -> Response:
    """Status, counts, per-row errors and ETA."""
    return jsonify(status_body(services.progress(current_unit(), batch_id, _runtime().batches)))


@bp.get("/<id:batch_id>/archive.zip")
@operation(
    "getBatchArchive",
    "batches",
    file_reply(200, (ZIP,), "The ZIP of every commune's files", "Content-Disposition"),
    problems(404),
    NOT_READY,
)
def archive(batch_id: str) -> Response:
    """Every commune's DOCX (and PDF), named by commune; 409 until the batch has finished."""
    runtime = _runtime()
    key = services.archive_key(current_unit(), batch_id, runtime.batches, runtime.storage)
    return _send(key, "application/zip", f"Lô {batch_id[:8]} - văn bản các xã.zip")


@bp.get("/<id:batch_id>/merged.pdf")
@operation(
    "getBatchMergedPdf",
    "batches",
    file_reply(200, (PDF,), "One PDF, a bookmark per commune", "Content-Disposition"),
    problem(404, "No such batch in your unit, or it did not ask for PDF"),
    NOT_READY,
)
def merged(batch_id: str) -> Response:
    """One PDF of every commune, a bookmark each; 404 when the batch did not ask for PDF."""
    runtime = _runtime()
    key = services.merged_key(current_unit(), batch_id, runtime.batches, runtime.storage)
    return _send(key, "application/pdf", f"Lô {batch_id[:8]} - tổng hợp.pdf")


def read_request() -> BatchRequest:
    """The batch request from JSON, or from multipart parts `plan`, `table` (.xlsx, .csv,
    .json), `formats`, `fields` (comma-separated or repeated), `header` and `options`."""
    settings = _runtime().settings
    request.max_content_length = settings.max_content_length
    request.max_form_memory_size = settings.max_content_length
    if request.mimetype != "multipart/form-data":
        return _pdf_available(parse_request(json_body(), settings.max_rows))
    table = request.files.get("table")
    if table is None:
        raise InvalidDocument({"table": [code("required")]})
    data: dict[str, Any] = {"plan": _json_part("plan", required=True)}
    data["rows"] = read_table(table.filename or "", table.stream, settings.max_rows)
    for name in ("formats", "fields"):
        values = [v.strip() for raw in request.form.getlist(name) for v in raw.split(",")]
        if any(values):
            data[name] = [v for v in values if v]
    for name in ("header", "options"):
        part = _json_part(name, required=False)
        if part is not None:
            data[name] = part
    return _pdf_available(parse_request(data, settings.max_rows))


def _pdf_available(batch: BatchRequest) -> BatchRequest:
    """PDF only where this service has a converter (PLANDOC_PDF_ENABLED)."""
    if "pdf" in batch.formats and current_app.extensions.get("converter") is None:
        raise InvalidDocument({"formats": [code("one_of", "docx")]})
    return batch


def _json_part(name: str, *, required: bool) -> Any:
    upload = request.files.get(name)
    raw: bytes | str | None = upload.read() if upload is not None else request.form.get(name)
    if raw is None or not raw.strip():
        if required:
            raise InvalidDocument({name: [code("required")]})
        return None
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise InvalidDocument({name: [code("invalid_json")]}) from error


def summary(batch: Batch) -> dict[str, Any]:
    """What a submission answers: the id, status, total and URLs."""
    return {"id": batch.id, "status": batch.status, "total": batch.total,
            "formats": list(batch.formats), "urls": urls(batch)}  # fmt: skip


def urls(batch: Batch) -> dict[str, str]:
    """Where to follow and fetch the batch."""
    links = {
        "self": url_for("batches.status", batch_id=batch.id),
        "archive": url_for("batches.archive", batch_id=batch.id),
    }
    if "pdf" in batch.formats:
        links["merged_pdf"] = url_for("batches.merged", batch_id=batch.id)
    return links


def status_body(progress: Progress) -> dict[str, Any]:
    """Status, counts, progress (0-1), ETA in seconds, and each failed row's error."""
    batch, failures = progress.batch, progress.failures
    finished = progress.count("done") + progress.count("failed")
    errors = localized({f"rows.{f.position}": [str(f.error.get("code", ""))] for f in failures})
    return {
        **summary(batch),
        **{name: progress.count(name) for name in ("done", "failed", "pending", "running")},
        "progress": round(finished / batch.total, 4) if batch.total else 1.0,
        "eta_seconds": progress.eta_seconds(utcnow()),
        "created_at": _iso(batch.created_at),
        "started_at": _iso(batch.started_at),
        "finished_at": _iso(batch.finished_at),
        "errors": errors,
        "failures": [
            {"row": f.position, "label": f.label, "attempts": f.attempts,
             "message": errors[f"rows.{f.position}"][0], "detail": _detail(f.error.get("detail"))}
            for f in failures
        ],
    }  # fmt: skip


def _detail(detail: Any) -> Any:
    return localized(detail) if isinstance(detail, dict) else detail


def _iso(moment: Any) -> str | None:
    return None if moment is None else moment.isoformat()


def _send(key: str, mimetype: str, name: str) -> Response:
    stream = _runtime().storage.open(key)
    response = send_file(stream, mimetype=mimetype, conditional=False, etag=False)
    attach(response.headers, name)
    return response


def _runtime() -> BatchRuntime:
    runtime: BatchRuntime = current_app.extensions["batches"]
    return runtime


@bp.errorhandler(TableError)
def unreadable_table(error: TableError) -> Response:
    return error_response(422, error.errors)


@bp.errorhandler(services.IdempotencyMismatch)
def key_reused(_error: services.IdempotencyMismatch) -> Response:
    return error_response(422, {"Idempotency-Key": [code("idempotency_mismatch")]})


@bp.errorhandler(services.NotFinished)
def not_finished(_error: services.NotFinished) -> Response:
    return error_response(409, {"_schema": [code("batch_not_finished")]}, **{"Retry-After": "5"})


@bp.errorhandler(services.PdfNotRequested)
def no_pdf(_error: services.PdfNotRequested) -> Response:
    return error_response(404, {"_schema": [code("pdf_not_requested")]})


@bp.errorhandler(QueueUnavailable)
def queue_down(error: QueueUnavailable) -> Response:
    log.error("batch queue unavailable: %s", error)
    return error_response(503, {"_schema": [code("queue_unavailable")]}, **{"Retry-After": "10"})

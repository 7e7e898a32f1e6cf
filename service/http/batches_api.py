"""The batch API: submit (JSON, or multipart with the table file), follow, download."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Blueprint, Flask, Response, current_app, jsonify, request, send_file, url_for

from schemas import InvalidDocument
from schemas.messages import code
from service.batch import columns, services
from service.batch.celery_queue import CeleryQueue, make_celery
from service.batch.located import located, table_error
from service.batch.queue import JobQueue, QueueUnavailable
from service.batch.records import Batch, Progress, utcnow
from service.batch.repository import SqlBatches
from service.batch.request import (
    BatchRequest,
    BatchRequestSchema,
    BatchTemplateRequestSchema,
    parse_request,
    parse_template_request,
)
from service.batch.runtime import BatchRuntime, build_runtime
from service.batch.settings import DEFAULTS, BatchSettings
from service.batch.tables import Table, TableError, read_table, table_limits
from service.batch.template import template_xlsx
from service.batch.validation import base_plan
from service.batch.worker import Worker
from service.errors import JobCrashed, MalformedUpload, UploadTooComplex, UploadTooLarge
from service.http.errors import RequestRejected, error_response
from service.http.filenames import attach
from service.http.identity import current_unit
from service.http.locale import current_locale, localized
from service.http.openapi import PDF, ZIP, file_reply, json_reply, operation, problem, problems
from service.http.openapi.operations import KEY_REUSED
from service.http.queries import BatchForm
from service.http.requests import idempotency_key, json_body
from service.http.shapes import BatchStatus, BatchSummary, BatchValidation
from service.rendering.pdf import Converter, uncached

bp = Blueprint("batches", __name__, url_prefix="/api/v1/batches")
log = logging.getLogger(__name__)
REQUEST = {"application/json": BatchRequestSchema, "multipart/form-data": BatchForm}
NOT_READY = problem(409, "The batch has not finished yet")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_CONTAINERS = 200_000  # objects and lists in a JSON body: 5,000 rows with patches, a plan
T = TypeVar("T")


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
        converter=lambda: _batch_converter(app),  # the app's pool, shared
        owns_converter=False,
        queue=_celery(settings) if settings.backend == "celery" else None,
    )
    app.extensions["batches"] = runtime
    app.register_blueprint(bp)
    runtime.resume()


def _batch_converter(app: Flask) -> Converter | None:
    """The app's converter without its PDF cache: a batch converts each commune once, and
    its PDFs would push the officers' unchanged drafts out of the cache."""
    converter = app.extensions.get("converter")
    return None if converter is None else uncached(converter)


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
    envelope, table = read_request()
    batch, created = _in_table_terms(
        table, envelope, lambda: services.submit(
            envelope, current_unit(), idempotency_key(),
            batches=runtime.batches, queue=runtime.queue,
        ),
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
    """Check every row without storing anything: the communes' names (and their lines in a
    CSV or Excel table), or 422 (for such a table, each message names the sheet's line and
    column)."""
    envelope, table = read_request()
    rows = _in_table_terms(table, envelope, lambda: services.validate(envelope))
    lines = table.lines if table is not None else []
    return jsonify(
        valid=True,
        total=len(rows),
        rows=[
            {"row": r.position, "label": r.label}
            | ({"line": lines[r.position]} if r.position < len(lines) else {})
            for r in rows
        ],
    )


@bp.post("/template")
@operation(
    "makeBatchTemplate",
    "batches",
    file_reply(200, (XLSX,), "Mẫu danh sách xã.xlsx", "Content-Disposition"),
    problems(400, 413, 415, 422),
    body={"application/json": BatchTemplateRequestSchema},
)
def template() -> Response:
    """The plan's Excel template: Vietnamese headers (`Tên xã (cơ quan ban hành)`, `Chủ tịch
    (người ký)`, `Chỉ tiêu: ...`, `{ten_xa}`), prefilled from the plan: a line per commune
    given (`communes`), else one line of the plan's targets. 422 if the plan is invalid."""
    envelope, communes = parse_template_request(_json_body())
    base_plan(envelope)
    data = template_xlsx(envelope.plan, envelope.fields, communes)
    response = send_file(io.BytesIO(data), mimetype=XLSX, conditional=False, etag=False)
    attach(response.headers, "Mẫu danh sách xã.xlsx")
    return response


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


def read_request() -> tuple[BatchRequest, Table | None]:
    """The batch request from JSON, or from multipart parts `plan`, `table` (.xlsx, .csv,
    .json; its columns named by contract path, declared field or Vietnamese header),
    `formats`, `fields` (comma-separated or repeated), `header` and `options`; and the table
    as read, when there is one."""
    settings = _runtime().settings
    request.max_content_length = settings.max_content_length
    request.max_form_memory_size = settings.max_content_length
    if request.mimetype != "multipart/form-data":
        return _pdf_available(parse_request(_json_body(), settings.max_rows)), None
    upload = request.files.get("table")
    if upload is None:
        raise InvalidDocument({"table": [code("required")]})
    data: dict[str, Any] = {"plan": _json_part("plan", required=True)}
    for name in ("formats", "fields"):
        values = [v.strip() for raw in request.form.getlist(name) for v in raw.split(",")]
        if any(values):
            data[name] = [v for v in values if v]
    for name in ("header", "options"):
        part = _json_part(name, required=False)
        if part is not None:
            data[name] = part
    try:
        content = upload.read()
    finally:
        upload.close()  # a large upload is a temporary file: closed now, not when collected
    table = read_table(upload.filename or "", content, settings.max_rows, _header_keys(data))
    data["rows"] = table.rows
    return _pdf_available(parse_request(data, settings.max_rows)), table


def _json_body() -> Any:
    """The JSON body (415, 400 as for every API call); 413 when it holds more objects and
    lists than any batch needs, before parsing them (10 million `{}` would take gigabytes)."""
    if request.mimetype == "application/json":
        _bounded(request.get_data(cache=True), "_schema")  # json_body reads the cached body
    return json_body()


def _bounded(raw: bytes | str, field: str) -> None:
    text = raw.encode() if isinstance(raw, str) else raw
    if text.count(b"{") + text.count(b"[") > MAX_CONTAINERS:
        raise RequestRejected(413, {field: [code("too_complex_json", MAX_CONTAINERS)]})


def _header_keys(data: dict[str, Any]) -> dict[str, str]:
    """The Vietnamese headers this plan's table may use (none while the plan is not JSON)."""
    plan, fields = data.get("plan"), data.get("fields", [])
    if not isinstance(plan, dict) or not all(isinstance(f, str) for f in fields):
        return {}
    return columns.header_keys(plan, fields)


def _in_table_terms(table: Table | None, envelope: BatchRequest, work: Callable[[], T]) -> T:
    """Run `work`; a CSV or Excel table's row errors then name its lines and columns."""
    try:
        return work()
    except InvalidDocument as invalid:
        if table is None or not table.lines:
            raise
        template = columns.key_headers(envelope.plan, envelope.fields)
        raise InvalidDocument(located(invalid.errors, table, template, current_locale())) from None


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
    _bounded(raw, name)
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
    return error_response(422, table_error(error, current_locale()))


@bp.errorhandler(UploadTooLarge)
@bp.errorhandler(UploadTooComplex)
def table_too_large(error: UploadTooLarge | UploadTooComplex) -> Response:
    log.warning("table refused: %s", error.reason)
    return error_response(413, {"table": [code("table_too_large", table_limits())]})


@bp.errorhandler(MalformedUpload)
def malformed_table(error: MalformedUpload) -> Response:
    log.info("table refused: %s", error.reason)
    return error_response(422, {"table": [code("unreadable_table")]})


@bp.errorhandler(JobCrashed)
def table_reader_failed(error: JobCrashed) -> Response:
    log.error("the table reader failed on an upload: %s", error)
    return error_response(422, {"table": [code("unreadable_table")]})


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

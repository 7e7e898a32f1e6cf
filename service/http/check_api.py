"""`POST /api/v1/check`: any DOCX (or legacy .doc) in, every Decree 30 finding out, located
and explained; the check runs in its own process within a time and memory budget."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, current_app, jsonify, request

from service.checker.bounded import check_upload
from service.errors import ConverterUnavailable
from service.http.locale import current_locale
from service.http.openapi import json_reply, operation, problems
from service.http.queries import CheckForm, CheckQuery, form, query
from service.http.shapes import Report
from service.rendering.pdf import convert_counted
from service.untrusted import Budget

bp = Blueprint("check_api", __name__, url_prefix="/api/v1")

MIB = 1024 * 1024


@bp.post("/check")
@operation(
    "checkDocument",
    "check",
    json_reply(200, Report, "Every finding, in document order"),
    problems(400, 413, 415, 422, 503),
    query=CheckQuery,
    body={"multipart/form-data": CheckForm},
)
def check_document() -> Response:
    """Check any Word file against Decree 30: every finding, located and explained."""
    request.max_content_length = current_app.config["MAX_UPLOAD_LENGTH"]
    options, upload = query(CheckQuery), form(CheckForm)
    config = current_app.config
    budget = Budget(
        seconds=float(config.get("CHECK_SECONDS", 8)),
        memory=int(config.get("CHECK_MEMORY_MIB", 768)) * MIB,
    )
    report = check_upload(
        upload["file"].read(),
        budget=budget,
        convert_seconds=float(config.get("CHECK_CONVERT_SECONDS", 20)),
        count_pages=_page_counter() if upload.get("pages") == "exact" else None,
        kind=upload.get("kind"),
        profile=upload.get("profile") or "decree",
        locale=current_locale(),
    )
    return jsonify(report.to_dict(with_text=options["text"]))


def _page_counter() -> Callable[[bytes], int]:
    """Pages as LibreOffice lays the document out, through the service's PDF converter."""
    converter = current_app.extensions.get("converter")
    if converter is None:
        raise ConverterUnavailable("no PDF converter is configured")
    return lambda docx: convert_counted(converter, docx).pages

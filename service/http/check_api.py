"""`POST /api/v1/check`: any DOCX in, every Decree 30 finding out, located and explained."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from service.checker import check
from service.http.locale import current_locale
from service.http.openapi import json_reply, operation, problems
from service.http.queries import CheckForm, CheckQuery, form, query
from service.http.shapes import Report

bp = Blueprint("check_api", __name__, url_prefix="/api/v1")


@bp.post("/check")
@operation(
    "checkDocument",
    "check",
    json_reply(200, Report, "Every finding, in document order"),
    problems(400, 413, 415, 422),
    query=CheckQuery,
    body={"multipart/form-data": CheckForm},
)
def check_document() -> Response:
    """Check any DOCX against Decree 30: every finding, located and explained."""
    request.max_content_length = current_app.config["MAX_UPLOAD_LENGTH"]
    options, upload = query(CheckQuery), form(CheckForm)
    report = check(upload["file"].read(), kind=upload.get("kind"), locale=current_locale())
    return jsonify(report.to_dict(with_text=options["text"]))

"""`POST /api/v1/check`: any Word file in, every Decree 30 finding out, located and explained."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from schemas.messages import code
from service.checker import KINDS
from service.checker.bounded import check_upload
from service.http.errors import RequestRejected
from service.http.locale import current_locale
from service.untrusted import Budget

bp = Blueprint("check_api", __name__, url_prefix="/api/v1")

MIB = 1024 * 1024


@bp.post("/check")
def check_document() -> Response:
    """The report of one uploaded DOCX or .doc (multipart field `file`)."""
    request.max_content_length = current_app.config["MAX_UPLOAD_LENGTH"]
    upload = request.files.get("file")
    if upload is None:
        raise RequestRejected(400, {"file": [code("required")]})
    kind = request.form.get("kind") or request.args.get("kind") or None
    if kind is not None and kind not in KINDS:
        raise RequestRejected(400, {"kind": [code("one_of", ", ".join(KINDS))]})
    config = current_app.config
    budget = Budget(
        seconds=float(config.get("CHECK_SECONDS", 8)),
        memory=int(config.get("CHECK_MEMORY_MIB", 768)) * MIB,
    )
    report = check_upload(
        upload.read(),
        budget=budget,
        convert_seconds=float(config.get("CHECK_CONVERT_SECONDS", 30)),
        kind=kind,
        locale=current_locale(),
    )
    return jsonify(report.to_dict(with_text=request.args.get("text") == "true"))

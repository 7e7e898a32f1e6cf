"""`POST /api/v1/check`: any DOCX in, every Decree 30 finding out, located and explained."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify, request

from schemas.messages import code
from service.checker import KINDS, check
from service.http.errors import RequestRejected
from service.http.locale import current_locale

bp = Blueprint("check_api", __name__, url_prefix="/api/v1")


@bp.post("/check")
def check_document() -> Response:
    """The report of one uploaded DOCX (multipart field `file`)."""
    request.max_content_length = current_app.config["MAX_UPLOAD_LENGTH"]
    upload = request.files.get("file")
    if upload is None:
        raise RequestRejected(400, {"file": [code("required")]})
    kind = request.form.get("kind") or request.args.get("kind") or None
    if kind is not None and kind not in KINDS:
        raise RequestRejected(400, {"kind": [code("one_of", ", ".join(KINDS))]})
    report = check(upload.read(), kind=kind, locale=current_locale())
    return jsonify(report.to_dict(with_text=request.args.get("text") == "true"))

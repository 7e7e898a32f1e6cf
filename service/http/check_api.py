"""`POST /api/v1/check`: any Word file in, every Decree 30 finding out, located and explained."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, current_app, jsonify, request

from schemas.messages import code
from service.checker import KINDS, PROFILES
from service.checker.bounded import check_upload
from service.errors import ConverterUnavailable
from service.http.errors import RequestRejected
from service.http.locale import current_locale
from service.rendering.pdf import page_count
from service.untrusted import Budget

bp = Blueprint("check_api", __name__, url_prefix="/api/v1")

MIB = 1024 * 1024


@bp.post("/check")
def check_document() -> Response:
    """The report of one uploaded DOCX or .doc (multipart field `file`; `kind`, `profile`
    decree|house, `pages=exact` to count pages through LibreOffice)."""
    request.max_content_length = current_app.config["MAX_UPLOAD_LENGTH"]
    upload = request.files.get("file")
    if upload is None:
        raise RequestRejected(400, {"file": [code("required")]})
    kind = _field("kind")
    if kind is not None and kind not in KINDS:
        raise RequestRejected(400, {"kind": [code("one_of", ", ".join(KINDS))]})
    profile = _field("profile") or "decree"
    if profile not in PROFILES:
        raise RequestRejected(400, {"profile": [code("one_of", ", ".join(PROFILES))]})
    pages = _field("pages")
    if pages not in (None, "exact"):
        raise RequestRejected(400, {"pages": [code("one_of", "exact")]})
    config = current_app.config
    budget = Budget(
        seconds=float(config.get("CHECK_SECONDS", 8)),
        memory=int(config.get("CHECK_MEMORY_MIB", 768)) * MIB,
    )
    report = check_upload(
        upload.read(),
        budget=budget,
        convert_seconds=float(config.get("CHECK_CONVERT_SECONDS", 20)),
        count_pages=_page_counter() if pages == "exact" else None,
        kind=kind,
        profile=profile,
        locale=current_locale(),
    )
    return jsonify(report.to_dict(with_text=request.args.get("text") == "true"))


def _field(name: str) -> str | None:
    """A form field or, failing that, a query parameter; None when empty."""
    return request.form.get(name) or request.args.get(name) or None


def _page_counter() -> Callable[[bytes], int]:
    """Pages as LibreOffice lays the document out, through the service's PDF converter."""
    converter = current_app.extensions.get("converter")
    if converter is None:
        raise ConverterUnavailable("no PDF converter is configured")
    return lambda docx: page_count(converter.convert(docx))

"""The preview: the printed document as HTML from `build_context`, and the PDF's page images."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template

from schemas import load_document
from schemas.messages import code
from service.http.errors import RequestRejected
from service.http.requests import json_body
from service.http.web import i18n
from service.http.web.pdfpages import pdf_pages
from service.model import Document
from service.rendering import Renderer, build_context
from service.rendering.html import html_context

bp = Blueprint(
    "preview", __name__, url_prefix="/preview", template_folder=str(i18n.ROOT / "templates")
)


def preview_context(document: Document) -> dict[str, Any]:
    """The template variables of the DOCX, with the blocks and footnotes as HTML."""
    return html_context(build_context(document))


@bp.post("")
def html() -> str:
    """The document as it will print, one `<p>` per printed paragraph (422 when invalid)."""
    document = load_document(json_body())
    return render_template("web/_preview.html", **preview_context(document))


@bp.post("/pages")
def pages() -> Response:
    """The PDF's pages as images; 503 when this server has no PDF converter."""
    converter = current_app.extensions.get("converter")
    if converter is None:
        raise RequestRejected(503, {"_schema": [code("pdf_unavailable")]})
    renderer: Renderer = current_app.extensions["renderer"]
    return jsonify(pages=pdf_pages(load_document(json_body()), renderer, converter))

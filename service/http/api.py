"""The JSON API of the plan contract: render, validate, describe."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from schemas import load_document
from service.documents.registry import all_kinds
from service.http.filenames import content_disposition, download_name
from service.http.openapi import openapi_spec
from service.http.requests import flag, json_body, output_format
from service.produce import produce

bp = Blueprint("api", __name__, url_prefix="/api/v1")

MIMETYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


@bp.post("/documents")
def create_document() -> Response:
    """Validate a plan and answer with its DOCX (or PDF)."""
    extension, pdfa = output_format(), flag("pdfa")
    document = load_document(json_body())
    extensions = current_app.extensions
    data = produce(
        document, extension, extensions["renderer"], extensions.get("converter"), pdfa=pdfa
    )
    response = Response(data, mimetype=MIMETYPES[extension])
    response.headers["Content-Disposition"] = content_disposition(
        download_name(document, extension)
    )
    return response


@bp.post("/documents/validate")
def validate_document() -> Response:
    """Validate a plan without rendering it."""
    load_document(json_body())
    return jsonify(valid=True)


@bp.get("/document-types")
def document_types() -> Response:
    """The document types this service renders, from the registry (the form lists these)."""
    return jsonify(types=[kind.describe() for kind in all_kinds()])


@bp.get("/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3 description, generated from the schemas."""
    return jsonify(openapi_spec())

"""The JSON API of the plan contract: render, validate, describe."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, jsonify

from schemas import load_document
from service.documents.registry import all_kinds
from service.http.filenames import attach, download_name
from service.http.openapi import (
    DOCX,
    PDF,
    document_body,
    file_reply,
    json_reply,
    openapi_spec,
    operation,
    problems,
)
from service.http.queries import RenderQuery, query
from service.http.requests import json_body
from service.http.shapes import DocumentTypes, Valid
from service.produce import produce

bp = Blueprint("api", __name__, url_prefix="/api/v1")

MIMETYPES = {"docx": DOCX, "pdf": PDF}
DOCUMENT = {"application/json": document_body}


@bp.post("/documents")
@operation(
    "renderDocument",
    "documents",
    file_reply(
        200,
        (DOCX, PDF),
        "The document (`format`), named by type, number and date",
        "Content-Disposition",
    ),
    problems(400, 413, 415, 422, 503, 504),
    query=RenderQuery,
    body=DOCUMENT,
)
def create_document() -> Response:
    """Validate a plan and render it as DOCX or PDF."""
    options = query(RenderQuery)
    document = load_document(json_body())
    extension, extensions = options["format"], current_app.extensions
    data = produce(document, extension, extensions["renderer"], extensions.get("converter"),
                   pdfa=options["pdfa"])  # fmt: skip
    response = Response(data, mimetype=MIMETYPES[extension])
    attach(response.headers, download_name(document, extension))
    return response


@bp.post("/documents/validate")
@operation(
    "validateDocument",
    "documents",
    json_reply(200, Valid, "Valid: every rule of the contract holds"),
    problems(400, 413, 415, 422),
    body=DOCUMENT,
)
def validate_document() -> Response:
    """Validate a plan; render nothing."""
    load_document(json_body())
    return jsonify(valid=True)


@bp.get("/document-types")
@operation(
    "listDocumentTypes",
    "documents",
    json_reply(200, DocumentTypes, "The document types, from the registry"),
)
def document_types() -> Response:
    """The document types this service renders (the form lists these)."""
    return jsonify(types=[kind.describe() for kind in all_kinds()])


@bp.get("/openapi.json")
@operation("getOpenApi", "service", json_reply(200, {"type": "object"}, "OpenAPI 3.0"))
def openapi() -> Response:
    """This description, generated from the views and the schemas."""
    return jsonify(openapi_spec(current_app))

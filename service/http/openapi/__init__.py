"""The OpenAPI description, generated from the views (`@operation`) and the schemas."""

from __future__ import annotations

from typing import Any

from flask import Flask

from service.http.openapi.build import build, document_body
from service.http.openapi.operations import (
    DOCX,
    PDF,
    ZIP,
    empty,
    file_reply,
    json_reply,
    operation,
    problem,
    problems,
)

__all__ = [
    "DOCX",
    "PDF",
    "ZIP",
    "document_body",
    "empty",
    "file_reply",
    "json_reply",
    "openapi_spec",
    "operation",
    "problem",
    "problems",
]


def openapi_spec(app: Flask) -> dict[str, Any]:
    """The app's description, built once per app."""
    if "openapi" not in app.extensions:
        app.extensions["openapi"] = build(app)
    spec: dict[str, Any] = app.extensions["openapi"]
    return spec

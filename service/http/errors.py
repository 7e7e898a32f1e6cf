"""One error mapping: every error answers `{code, status, message, errors}`, never a bare 500."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from flask import Flask, Response, jsonify
from werkzeug.exceptions import HTTPException

from schemas import InvalidDocument
from schemas.messages import code
from service.checker.messages import explain
from service.errors import (
    Conflict,
    ConversionError,
    ConversionTimeout,
    ConverterUnavailable,
    NotFound,
    ServiceError,
    StorageError,
    UnsafeUpload,
    UploadTooLarge,
)
from service.http.locale import current_locale, localized

log = logging.getLogger(__name__)

_HTTP_CODES = {
    400: "invalid_json",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
}


class RequestRejected(Exception):
    """A request the edge refuses before the domain sees it (400, 415, ...)."""

    def __init__(self, status: int, errors: dict[str, list[str]]):
        super().__init__(status)
        self.status, self.errors = status, errors


def error_response(status: int, errors: dict[str, list[str]], **headers: str) -> Response:
    """The one error shape, messages in the request's language."""
    texts = localized(errors)
    first = next(iter(texts.values()), [])
    body: dict[str, Any] = {
        "code": status,
        "status": HTTPStatus(status).phrase,
        "message": first[0] if first else "",
        "errors": texts,
    }
    response = jsonify(body)
    response.status_code = status
    response.headers.update(headers)
    return response


def register(app: Flask) -> None:
    """Install the handlers on the app."""

    @app.errorhandler(InvalidDocument)
    def invalid(error: InvalidDocument) -> Response:
        return error_response(422, error.errors)

    @app.errorhandler(RequestRejected)
    def rejected(error: RequestRejected) -> Response:
        retry = getattr(error, "retry_after", None)
        headers = {"Retry-After": str(retry)} if retry is not None else {}
        if error.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="plandoc"'

        return error_response(error.status, error.errors, **headers)

    @app.errorhandler(ConverterUnavailable)
    def busy(error: ConverterUnavailable) -> Response:
        retry = str(int(getattr(error, "retry_after", 5) or 5))
        return error_response(
            503, {"_schema": [code("unavailable", retry)]}, **{"Retry-After": retry}
        )

    @app.errorhandler(ConversionError)
    def conversion(error: ConversionError) -> Response:
        log.error("conversion failed: %s", error)
        status = 504 if isinstance(error, ConversionTimeout) else 503
        return error_response(status, {"_schema": [code("unavailable", 5)]}, **{"Retry-After": "5"})

    @app.errorhandler(HTTPException)
    def http(error: HTTPException) -> Response:
        status = error.code or 500
        limit = app.config.get("MAX_CONTENT_LENGTH")
        message = code(_HTTP_CODES.get(status, "server_error"), limit if status == 413 else None)
        return error_response(status, {"_schema": [message]})

    @app.errorhandler(UnsafeUpload)
    def refused_upload(error: UnsafeUpload) -> Response:
        # Unreadable, too large or too complex: a plain message, never a 500.
        status = 413 if isinstance(error, UploadTooLarge) else 422
        return error_response(status, {"file": [explain(error, current_locale())]})

    @app.errorhandler(NotFound)
    def not_found(error: NotFound) -> Response:
        return error_response(404, {"_schema": [code("not_found")]})

    @app.errorhandler(Conflict)
    def conflict(error: Conflict) -> Response:
        return error_response(409, {"_schema": [code("conflict")]})

    @app.errorhandler(StorageError)
    def storage(error: StorageError) -> Response:
        log.error("storage refused a write: %s", error)
        return error_response(503, {"_schema": [code("storage_busy")]}, **{"Retry-After": "5"})

    @app.errorhandler(ServiceError)
    def service(error: ServiceError) -> Response:
        log.exception("service error")
        return error_response(500, {"_schema": [code("server_error")]})

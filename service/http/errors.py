"""One error mapping: every error is an RFC 9457 problem (`application/problem+json`) with
our `errors` map of dotted paths and our `code`, never a bare 500."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, Response, json, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed

from schemas import InvalidDocument
from schemas.messages import code, localize
from service.checker.messages import explain
from service.errors import (
    Conflict,
    ConversionError,
    ConversionTimeout,
    ConverterUnavailable,
    IdempotencyMismatch,
    NotFound,
    PreconditionFailed,
    ServiceError,
    StorageError,
    UnsafeUpload,
    UploadTooLarge,
)
from service.http.locale import current_locale, localized

log = logging.getLogger(__name__)
PROBLEM = "application/problem+json"
TYPE_PREFIX = "urn:plandoc:problem:"
# The problem type of each status: its URN suffix, and its title's message code.
KINDS = {
    400: "bad-request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    409: "conflict",
    412: "precondition-failed",
    413: "too-large",
    415: "unsupported-media-type",
    422: "invalid",
    428: "precondition-required",
    429: "rate-limited",
    500: "server-error",
    503: "unavailable",
    504: "timeout",
}
_HTTP_CODES = {
    400: "invalid_json",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
}


class RequestRejected(Exception):
    """A request the edge refuses before the domain sees it (400, 415, ...)."""

    def __init__(self, status: int, errors: dict[str, list[str]], **headers: str):
        super().__init__(status)
        self.status, self.errors, self.headers = status, errors, headers


def kind(status: int) -> str:
    """The problem kind of a status (`invalid` for 422)."""
    return KINDS.get(status, "server-error" if status >= 500 else "bad-request")


def problem(status: int, errors: dict[str, list[str]]) -> dict[str, Any]:
    """The problem document: messages in the request's language."""
    texts = localized(errors)
    return {
        "type": TYPE_PREFIX + kind(status),
        "title": localize(code(f"problem_{kind(status).replace('-', '_')}"), current_locale()),
        "status": status,
        "detail": detail(texts),
        "instance": request.path,
        "code": status,
        "errors": texts,
    }


def detail(texts: dict[str, list[str]]) -> str:
    """The first message, with its field's path, and how many more there are."""
    messages = [(path, text) for path, items in texts.items() for text in items]
    if not messages:
        return ""
    path, text = messages[0]
    first = text if path == "_schema" else f"{path}: {text}"
    if len(messages) == 1:
        return first
    return f"{first} ({localize(code('and_more', len(messages) - 1), current_locale())})"


def error_response(status: int, errors: dict[str, list[str]], **headers: str) -> Response:
    """The one error shape: `application/problem+json`."""
    response = Response(json.dumps(problem(status, errors)), status=status, mimetype=PROBLEM)
    response.headers.update(headers)
    return response


def register(app: Flask) -> None:
    """Install the handlers on the app."""

    @app.errorhandler(InvalidDocument)
    def invalid(error: InvalidDocument) -> Response:
        return error_response(422, error.errors)

    @app.errorhandler(RequestRejected)
    def rejected(error: RequestRejected) -> Response:
        headers = dict(error.headers)
        retry = getattr(error, "retry_after", None)
        if retry is not None:
            headers["Retry-After"] = str(retry)
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
        limit = request.max_content_length if status == 413 else None
        response = error_response(status, {"_schema": [code(_HTTP_CODES.get(status, "server_error"),
                                                            limit)]})  # fmt: skip
        if isinstance(error, MethodNotAllowed) and error.valid_methods:
            response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
        return response

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

    @app.errorhandler(PreconditionFailed)
    def stale(error: PreconditionFailed) -> Response:
        return error_response(412, {"If-Match": [code("precondition_failed")]})

    @app.errorhandler(IdempotencyMismatch)
    def key_reused(error: IdempotencyMismatch) -> Response:
        return error_response(422, {"Idempotency-Key": [code("idempotency_mismatch")]})

    @app.errorhandler(StorageError)
    def storage(error: StorageError) -> Response:
        log.error("storage refused a write: %s", error)
        return error_response(503, {"_schema": [code("storage_busy")]}, **{"Retry-After": "5"})

    @app.errorhandler(ServiceError)
    def service(error: ServiceError) -> Response:
        log.exception("service error")
        return error_response(500, {"_schema": [code("server_error")]})

"""What a view declares about itself for the OpenAPI document: `@operation(...)` beside the
route, so the description cannot drift from the view (the builder reads the URL map)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from marshmallow import Schema

# A body or response schema: a component's name, a marshmallow schema, a JSON Schema dict,
# or a function of the `resolve` callback that returns one (see fields.py).
SchemaLike = str | type[Schema] | Schema | dict[str, Any] | Callable[[Callable[[Any], Any]], Any]
View = TypeVar("View", bound=Callable[..., Any])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF = "application/pdf"
ZIP = "application/zip"
BINARY: dict[str, Any] = {"type": "string", "format": "binary"}

PROBLEMS = {
    304: "Not modified: the draft still has the ETag sent in If-None-Match",
    400: "Malformed JSON, a bad query parameter or header",
    401: "No valid API key (X-API-Key or Bearer) and no signed-in session",
    403: "A signed-in session's write without its CSRF token (X-CSRF-Token)",
    404: "No such record in the caller's unit (another unit's records do not exist)",
    409: "Saved elsewhere since the `revision` sent: reload, nothing is lost",
    412: "The ETag in If-Match is no longer the current one: fetch the draft again",
    413: "Body too large",
    415: "Another content type than the one documented",
    422: "The request breaks the contract: every offending field, by dotted path",
    428: "If-Match (or `revision`) is required",
    429: "Too many requests from this client (Retry-After, RateLimit-*)",
    503: "Busy or unavailable just now (Retry-After)",
    504: "The PDF conversion took too long (Retry-After)",
}
RETRY = {409, 429, 503, 504}  # problems that carry Retry-After
KEY_REUSED = "The request breaks the contract, or its Idempotency-Key was used for another one"


@dataclass(frozen=True)
class Reply:
    """One documented response."""

    status: int
    description: str
    content: Mapping[str, SchemaLike] = field(default_factory=dict)
    headers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Operation:
    """One documented operation; its path, method and summary come from the view."""

    id: str
    tag: str
    replies: tuple[Reply, ...]
    query: type[Schema] | None = None
    headers: tuple[str, ...] = ()  # request headers, by name (see components.py)
    body: Mapping[str, SchemaLike] | None = None
    description: str = ""


def operation(
    operation_id: str,
    tag: str,
    *replies: Reply | list[Reply],
    query: type[Schema] | None = None,
    headers: tuple[str, ...] = (),
    body: Mapping[str, SchemaLike] | None = None,
    description: str = "",
) -> Callable[[View], View]:
    """Describe the decorated view for the OpenAPI document."""
    flat = tuple(r for item in replies for r in (item if isinstance(item, list) else [item]))

    def describe(view: View) -> View:
        view.openapi = Operation(  # type: ignore[attr-defined]
            operation_id, tag, flat, query, headers, body, description
        )
        return view

    return describe


def json_reply(status: int, schema: SchemaLike, description: str, *headers: str) -> Reply:
    """A JSON response."""
    return Reply(status, description, {"application/json": schema}, headers)


def file_reply(status: int, types: tuple[str, ...], description: str, *headers: str) -> Reply:
    """A file (DOCX, PDF, ZIP...), downloaded under its Content-Disposition name."""
    return Reply(status, description, dict.fromkeys(types, BINARY), headers)


def empty(status: int, description: str, *headers: str) -> Reply:
    """A response without a body (204, 304)."""
    return Reply(status, description, {}, headers)


def problem(status: int, description: str = "", *headers: str) -> Reply:
    """An error, as `application/problem+json`."""
    extra = ("Retry-After",) if status in RETRY and "Retry-After" not in headers else ()
    return Reply(
        status,
        description or PROBLEMS[status],
        {"application/problem+json": "Problem"},
        (*headers, *extra),
    )


def problems(*statuses: int) -> list[Reply]:
    """Errors with their usual descriptions."""
    return [problem(status) for status in statuses]

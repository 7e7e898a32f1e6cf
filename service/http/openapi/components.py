"""The reusable parts of the description: security schemes, headers and parameters."""

from __future__ import annotations

from typing import Any

SECURITY_SCHEMES = {
    "ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
    "Bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key, `plk_<id>_<secret>` (python -m service keys create)",
    },
}
KEYED: list[dict[str, list[str]]] = [{"ApiKey": []}, {"Bearer": []}]
_TEXT = {"type": "string"}
_SECONDS = {"type": "integer", "minimum": 0}
RESPONSE_HEADERS: dict[str, dict[str, Any]] = {
    "Location": {"description": "The new resource's address", "schema": _TEXT},
    "ETag": {"description": "The draft's version; send it back in If-Match", "schema": _TEXT},
    "Content-Disposition": {
        "description": "attachment; filename=\"<ASCII>\"; filename*=UTF-8''<name> (RFC 6266)",
        "schema": _TEXT,
    },
    "Content-Language": {"description": "The language of the messages", "schema": _TEXT},
    "Retry-After": {"description": "Seconds to wait before trying again", "schema": _SECONDS},
    "Idempotent-Replayed": {
        "description": "`true` when an Idempotency-Key replayed an earlier answer",
        "schema": {"type": "string", "enum": ["true"]},
    },
    "Link": {"description": '`<...>; rel="next"`: the next page', "schema": _TEXT},
    "WWW-Authenticate": {"description": 'Bearer realm="plandoc"', "schema": _TEXT},
    "RateLimit-Limit": {"description": "Requests allowed in the window", "schema": _SECONDS},
    "RateLimit-Remaining": {"description": "Requests left in the window", "schema": _SECONDS},
    "RateLimit-Reset": {"description": "Seconds until the window resets", "schema": _SECONDS},
}
RATE_LIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
REQUEST_HEADERS: dict[str, dict[str, Any]] = {
    "If-Match": {
        "name": "If-Match",
        "in": "header",
        "description": "The ETag of the version you change (or `*`: whichever is current). "
        "Clients that cannot set headers (the web form) may send `revision` instead, in the "
        "body (PUT) or the query (DELETE); with neither, 428",
        "required": True,
        "schema": {"type": "string", "minLength": 1},
    },
    "If-Match-Optional": {
        "name": "If-Match",
        "in": "header",
        "description": "The ETag of the version you change (412 if stale)",
        "schema": {"type": "string"},
    },
    "If-None-Match": {
        "name": "If-None-Match",
        "in": "header",
        "description": "The ETag you hold: 304 while it is current",
        "schema": {"type": "string"},
    },
    "Idempotency-Key": {
        "name": "Idempotency-Key",
        "in": "header",
        "description": "Sent again with the same request, answers the first result "
        "(Idempotent-Replayed: true) instead of creating it twice; with another request, 422",
        "schema": {"type": "string", "minLength": 1, "maxLength": 200},
    },
    "Accept-Language": {
        "name": "Accept-Language",
        "in": "header",
        "description": "`en` for messages in English; Vietnamese otherwise (Content-Language)",
        "schema": {"type": "string", "example": "en"},
    },
}

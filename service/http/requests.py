"""Reading a request safely: JSON only, malformed bodies and bad options rejected per field."""

from __future__ import annotations

import json
from typing import Any

from flask import request

from schemas.messages import code
from service.http.errors import RequestRejected

FORMATS = ("docx", "pdf")


def json_body() -> Any:
    """The parsed JSON body; 415 for another content type, 400 for malformed JSON."""
    if request.mimetype != "application/json":
        raise RequestRejected(415, {"_schema": [code("unsupported_media_type")]})
    raw = request.get_data(cache=False)  # raises 413 past MAX_CONTENT_LENGTH
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise RequestRejected(400, {"_schema": [code("invalid_json")]}) from error


def output_format() -> str:
    """`?format=docx` (default) or `pdf`."""
    value = request.args.get("format", "docx")
    if value not in FORMATS:
        raise RequestRejected(400, {"format": [code("invalid_format", ", ".join(FORMATS))]})
    return value


def flag(name: str) -> bool:
    """A boolean query parameter: `true`/`1` or `false`/`0`/absent."""
    value = request.args.get(name, "false").lower()
    if value not in ("true", "1", "false", "0"):
        raise RequestRejected(400, {name: [code("one_of", "true, false")]})
    return value in ("true", "1")

"""Reading a request safely: JSON only, bodies bounded even when sent chunked."""

from __future__ import annotations

import json
import shutil
from tempfile import SpooledTemporaryFile
from typing import IO, Any, cast

from flask import Request as FlaskRequest
from flask import request
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.utils import cached_property
from werkzeug.wsgi import LimitedStream, get_input_stream

from schemas.messages import code
from service.http.errors import RequestRejected

MAX_KEY = 200  # characters of an Idempotency-Key
SPOOL_IN_MEMORY = 1024 * 1024  # a chunked body's bytes kept in memory before going to disk


class BoundedStream(LimitedStream):
    """A chunked body read up to the limit: past it is 413, not a silently cut body."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        super().__init__(stream, limit, is_max=True)

    def on_exhausted(self) -> None:
        """At the limit: more data behind it means the body is too large."""
        if self._stream.read(1):
            raise RequestEntityTooLarge()


class Request(FlaskRequest):
    """Flask's request, with chunked bodies bounded by `max_content_length`: werkzeug alone
    stops reading at the limit and hands back a truncated body (a 400 for JSON)."""

    _spool: SpooledTemporaryFile[bytes] | None = None

    @cached_property
    def stream(self) -> IO[bytes]:
        """The body; a chunked one is received whole first (memory, then disk past 1 MiB),
        so that 413 comes before any parser has opened files for it."""
        limit = self.max_content_length
        chunked = self.content_length is None and "wsgi.input_terminated" in self.environ
        if not chunked or limit is None:
            return get_input_stream(self.environ, max_content_length=limit)
        self._spool = SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 close()
        shutil.copyfileobj(BoundedStream(self.environ["wsgi.input"], limit), self._spool)
        self._spool.seek(0)
        return cast(IO[bytes], self._spool)

    def close(self) -> None:
        """Close the uploaded files and the received chunked body."""
        super().close()
        if self._spool is not None:
            self._spool.close()


def json_body() -> Any:
    """The parsed JSON body; 415 for another content type, 400 for malformed JSON."""
    if request.mimetype != "application/json":
        raise RequestRejected(415, {"_schema": [code("unsupported_media_type")]})
    raw = request.get_data(cache=False)  # raises 413 past max_content_length
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise RequestRejected(400, {"_schema": [code("invalid_json")]}) from error


def idempotency_key() -> str | None:
    """The `Idempotency-Key` header, if any (400 past MAX_KEY characters)."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if len(key) > MAX_KEY:
        raise RequestRejected(400, {"Idempotency-Key": [code("too_long", MAX_KEY)]})
    return key or None

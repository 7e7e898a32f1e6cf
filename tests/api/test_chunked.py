"""Bodies sent chunked (no Content-Length) are bounded like any other: 413 past the limit,
never a silently cut body answered 400; through a real socket and the real HTTP parser."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from service.http import create_app
from tests.builders import minimal_plan
from tests.serving import serve

LIMIT = 50_000


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("chunked")
    app = create_app({"AUTH_REQUIRED": False, "PDF_CONVERTER": None, "RATE_LIMIT_PER_MINUTE": 0,
                      "MAX_CONTENT_LENGTH": LIMIT, "MAX_UPLOAD_LENGTH": LIMIT,
                      "DATABASE_URL": f"sqlite:///{folder / 'c.db'}"})  # fmt: skip
    with serve(app) as url:
        yield url


def _chunked(base: str, path: str, body: bytes, content_type: str) -> tuple[int, dict[str, str]]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        pieces = (body[i : i + 8192] for i in range(0, len(body), 8192))
        connection.request("POST", path, body=pieces, encode_chunked=True,
                           headers={"Content-Type": content_type})  # fmt: skip
        response = connection.getresponse()
        payload = response.read()
        assert response.getheader("Content-Length") is None or payload is not None
        answer = json.loads(payload) if payload else {}
        return response.status, answer
    finally:
        connection.close()


def _padded(size: int) -> bytes:
    """A valid plan whose closing is long enough to make the JSON `size` bytes."""
    plan = minimal_plan(closing="")
    room = size - len(json.dumps(plan).encode())
    return json.dumps(minimal_plan(closing="x" * room)).encode()


def test_a_chunked_body_over_the_limit_is_413(base: str) -> None:
    status, problem = _chunked(base, "/api/v1/documents/validate", _padded(LIMIT + 10),
                               "application/json")  # fmt: skip
    assert status == 413 and problem["status"] == 413
    assert problem["errors"]["_schema"] == [f"Nội dung gửi lên quá lớn: tối đa {LIMIT} byte."]


def test_a_chunked_body_within_the_limit_is_read_whole(base: str) -> None:
    for size in (1000, LIMIT):
        status, answer = _chunked(base, "/api/v1/documents/validate", _padded(size),
                                  "application/json")  # fmt: skip
        assert status in (200, 422), answer  # read whole: the contract decides, not the size
        assert status != 422 or set(answer["errors"]) == {"closing"}


def test_a_chunked_upload_over_the_limit_is_413(base: str, tmp_path: Path) -> None:
    boundary = "plandoc-boundary"
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.docx"'
            f"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()  # fmt: skip
    body += b"0" * (LIMIT + 100) + f"\r\n--{boundary}--\r\n".encode()
    status, _ = _chunked(base, "/api/v1/check", body, f"multipart/form-data; boundary={boundary}")
    assert status == 413

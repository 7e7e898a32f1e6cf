"""The HTTP edge's protections: security headers, rate limits with Retry-After."""

from __future__ import annotations

from pathlib import Path

from flask.testing import FlaskClient

from service.http import create_app
from tests.builders import minimal_plan


def test_security_headers_on_pages_and_errors(client: FlaskClient) -> None:
    for response in (
        client.get("/api/v1/openapi.json"),
        client.get("/nowhere"),
        client.post("/api/v1/documents", data="x"),
    ):
        csp = response.headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_swagger_page_has_no_inline_script(client: FlaskClient) -> None:
    page = client.get("/api/docs/").get_data(as_text=True)
    assert "<script>" not in page and 'src="/api/docs/init.js"' in page
    assert b"/api/v1/openapi.json" in client.get("/api/docs/init.js").data


def test_rate_limit_answers_429_with_retry_after(tmp_path: Path) -> None:
    app = create_app(
        {
            "TESTING": True,
            "RATE_LIMIT_PER_MINUTE": 3,
            "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}",
        }
    )
    client = app.test_client()
    statuses = [
        client.post("/api/v1/documents/validate", json=minimal_plan()).status_code for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    limited = client.post("/api/v1/documents/validate", json=minimal_plan())
    assert 1 <= int(limited.headers["Retry-After"]) <= 60
    assert limited.json["errors"]["_schema"][0].startswith("Quá nhiều yêu cầu")
    assert client.get("/api/v1/openapi.json").status_code == 200  # reads are not limited

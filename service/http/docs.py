"""Swagger UI at /api/docs, served from the swagger-ui-bundle package (no CDN, works offline)."""

from __future__ import annotations

from pathlib import Path

import swagger_ui_bundle
from flask import Blueprint, Response, send_from_directory, url_for

bp = Blueprint("docs", __name__, url_prefix="/api/docs")
ASSETS = Path(swagger_ui_bundle.swagger_ui_path)

PAGE = """<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>API – văn bản kế hoạch</title>
<link rel="stylesheet" href="{css}"><link rel="stylesheet" href="{ours}"></head>
<body><div id="swagger-ui"></div><script src="{js}"></script>
<script src="{init}"></script><script src="{mend}"></script></body></html>"""


@bp.get("/")
def index() -> Response:
    """The Swagger UI page pointing at our OpenAPI description."""
    html = PAGE.format(
        css=url_for("docs.asset", name="swagger-ui.css"),
        js=url_for("docs.asset", name="swagger-ui-bundle.js"),
        init=url_for("docs.init"),
        ours=url_for("static", filename="docs/docs.css"),
        mend=url_for("static", filename="docs/a11y.js"),
    )
    return Response(html, mimetype="text/html")


@bp.get("/init.js")
def init() -> Response:
    """Starts Swagger UI; a file, not an inline script, so the CSP can forbid inline code."""
    script = f'SwaggerUIBundle({{url: "{url_for("api.openapi")}", dom_id: "#swagger-ui"}});'
    return Response(script, mimetype="text/javascript")


@bp.get("/<path:name>")
def asset(name: str) -> Response:
    """Swagger UI's own static files."""
    return send_from_directory(ASSETS, name)

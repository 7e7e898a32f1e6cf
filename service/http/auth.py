"""Who is calling: an API key (other systems) or a logged-in officer (session), and CSRF."""

from __future__ import annotations

import secrets
from pathlib import Path

from flask import Flask, current_app, g, redirect, request, session, url_for
from werkzeug.wrappers import Response

from schemas.messages import code
from service.accounts import Accounts
from service.http.errors import RequestRejected
from service.store.database import DEFAULT_PATH

PUBLIC_PREFIXES = (
    "/api/v1/openapi.json",
    "/api/v1/document-types",
    "/api/docs",
    "/static/",
    "/login",
    "/setup",
)
# Stateless rendering reads and writes no unit's data: public by default (rate-limited),
# closed with PLANDOC_PUBLIC_RENDERING=false. Drafts and batches always need a key or login.
RENDERING_PATHS = ("/api/v1/documents", "/api/v1/documents/validate", "/api/v1/check")
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")


class Unauthenticated(RequestRejected):
    """No valid key or session where one is required."""

    def __init__(self) -> None:
        super().__init__(401, {"_schema": [code("unauthenticated")]})


def secret_key(instance: Path) -> str:
    """The session-signing key: kept in a private file the first start creates."""
    path = instance / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_hex(32))
    return path.read_text().strip()


def csrf_token() -> str:
    """The session's CSRF token (forms post it back; scripts send it as X-CSRF-Token)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


def api_key_from_request() -> str | None:
    """`Authorization: Bearer <key>` or `X-API-Key: <key>`."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("X-API-Key")


def identify() -> Response | None:
    """Set g.unit (and g.user or g.api_key) from a key or the session; enforce if required."""
    accounts: Accounts = current_app.extensions["accounts"]
    key = api_key_from_request()
    if key:
        unit = accounts.identify_key(key)
        if unit is None:
            raise Unauthenticated()
        g.unit, g.api_key = unit, key.split("_")[1] if "_" in key else "key"
        request.environ["plandoc.client"] = f"key:{g.api_key}"
        return None
    user = accounts.user(session["user_id"]) if "user_id" in session else None
    if user is not None:
        g.user, g.unit = user, user.unit
        request.environ["plandoc.client"] = f"user:{user.id}"
        if request.method in UNSAFE and not _csrf_ok():
            raise RequestRejected(403, {"_schema": [code("csrf")]})
        return None
    public = request.path.startswith(PUBLIC_PREFIXES) or (
        current_app.config["PUBLIC_RENDERING"] and request.path in RENDERING_PATHS
    )
    if current_app.config["AUTH_REQUIRED"] and not public:
        if request.path.startswith("/api/"):
            raise Unauthenticated()
        return redirect(url_for("account.login", next=request.full_path.rstrip("?")))
    return None


def _csrf_ok() -> bool:
    sent = request.headers.get("X-CSRF-Token") or request.form.get("csrf_token", "")
    return bool(sent) and secrets.compare_digest(sent, str(session.get("csrf", "")))


def _instance_dir(app: Flask) -> Path:
    """Where the session key lives: configured, else beside the SQLite file, else var/."""
    if app.config.get("INSTANCE_DIR"):
        return Path(app.config["INSTANCE_DIR"])
    url = app.extensions["database"].url
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url.removeprefix("sqlite:///")).parent
    return DEFAULT_PATH.parent


def register(app: Flask) -> None:
    """Identify every request before anything else runs."""
    app.extensions["accounts"] = Accounts(app.extensions["database"])
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = secret_key(_instance_dir(app))
    app.config.setdefault("SESSION_COOKIE_HTTPONLY", True)
    app.config.setdefault("SESSION_COOKIE_SAMESITE", "Lax")
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.before_request(identify)

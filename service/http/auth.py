"""Who is calling: an API key (other systems, /api only) or a signed-in officer (session
cookie, revocable), and CSRF for the cookie's writes."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from flask import Flask, current_app, g, redirect, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from werkzeug.wrappers import Response

from schemas.messages import code
from service.accounts import Accounts, User
from service.http.errors import RequestRejected
from service.store.database import DEFAULT_PATH, private_file

PUBLIC_PREFIXES = (
    "/api/v1/openapi.json",
    "/api/v1/document-types",
    "/api/docs",
    "/static/",
    "/login",
    "/setup",
    "/healthz",
    "/readyz",
)
# Stateless rendering reads and writes no unit's data, but a PDF is CPU for whoever reaches
# the port: closed by default, opened with PLANDOC_PUBLIC_RENDERING=true (rate-limited).
RENDERING_PATHS = ("/api/v1/documents", "/api/v1/documents/validate", "/api/v1/check")
UNSAFE = ("POST", "PUT", "PATCH", "DELETE")
Access = Literal["public", "optional", "key"]


class Unauthenticated(RequestRejected):
    """No valid key or session where one is required."""

    def __init__(self) -> None:
        super().__init__(401, {"_schema": [code("unauthenticated")]})


class SessionInterface(SecureCookieSessionInterface):
    """Signed cookies, `Secure` whenever the request came over HTTPS (through a trusted
    proxy too), not only when the setting says so."""

    def get_cookie_secure(self, app: Flask) -> bool:
        """Secure if configured, or if this request is HTTPS."""
        return bool(app.config["SESSION_COOKIE_SECURE"]) or request.is_secure


def access(path: str, config: Mapping[str, Any]) -> Access:
    """Who may call `path`: anyone, anyone (a key is optional), or a key or session only."""
    if path.startswith(PUBLIC_PREFIXES) or not config["AUTH_REQUIRED"]:
        return "public"
    if config["PUBLIC_RENDERING"] and path in RENDERING_PATHS:
        return "optional"
    return "key"


def secret_key(instance: Path) -> str:
    """The session-signing key: kept in a private file the first start creates."""
    path = instance / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        private_file(path).write_text(secrets.token_hex(32))
    return path.read_text().strip()


def csrf_token() -> str:
    """The session's CSRF token (forms post it back; scripts send it as X-CSRF-Token)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


def start_session(user: User) -> None:
    """A fresh session for `user` (a new cookie: no fixation), valid until they log out."""
    session.clear()
    session["user_id"], session["version"] = user.id, user.session_version
    session["csrf"] = secrets.token_urlsafe(32)
    session.permanent = True


def api_key_from_request() -> str | None:
    """`Authorization: Bearer <key>` or `X-API-Key: <key>`."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("X-API-Key")


def session_user(accounts: Accounts) -> User | None:
    """The signed-in officer, unless the session was revoked (logout) or the user disabled."""
    if "user_id" not in session:
        return None
    user = accounts.user(str(session["user_id"]))
    if user is None or session.get("version") != user.session_version:
        session.clear()
        return None
    return user


def identify() -> Response | None:
    """Set g.unit (and g.user or g.api_key) from a key or the session; enforce if required."""
    accounts: Accounts = current_app.extensions["accounts"]
    key = api_key_from_request() if request.path.startswith("/api/") else None
    if key:
        unit = accounts.identify_key(key)
        if unit is None:
            raise Unauthenticated()
        g.unit, g.api_key = unit, key.split("_")[1] if "_" in key else "key"
        request.environ["plandoc.client"] = f"key:{g.api_key}"
        return None
    user = session_user(accounts)
    if user is not None:
        g.user, g.unit = user, user.unit
        request.environ["plandoc.client"] = f"user:{user.id}"
        if request.method in UNSAFE and not _csrf_ok():
            raise RequestRejected(403, {"_schema": [code("csrf")]})
        return None
    if access(request.path, current_app.config) == "key":
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
    app.session_interface = SessionInterface()
    app.jinja_env.globals["csrf_token"] = csrf_token
    app.before_request(identify)

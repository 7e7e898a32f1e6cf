"""Signing in and out, and the first administrator on a fresh installation (loopback only)."""

from __future__ import annotations

import ipaddress
import secrets
from urllib.parse import urlsplit

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from service.accounts import Accounts
from service.errors import AccountError
from service.http.auth import session_user, start_session
from service.http.filenames import ascii_fallback
from service.http.web import i18n
from service.http.web.pages import page_globals

bp = Blueprint("account", __name__, template_folder=str(i18n.ROOT / "templates"))
bp.context_processor(page_globals)


def accounts() -> Accounts:
    """The accounts of this app."""
    repository: Accounts = current_app.extensions["accounts"]
    return repository


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str:
    """The sign-in form; a fresh installation goes to the first-administrator page."""
    if not accounts().has_users():
        return redirect(url_for("account.setup"))
    if request.method == "GET":
        return render_template("web/login.html", next=_local(request.args.get("next")))
    _check_form_token()
    user = accounts().authenticate(
        request.form.get("username", ""), request.form.get("password", "")
    )
    if user is None:
        error = _("Wrong username or password.")
        return render_template(
            "web/login.html", error=error, next=_local(request.form.get("next"))
        ), 401  # type: ignore[return-value]
    start_session(user)
    return redirect(_local(request.form.get("next")) or url_for("pages.index"))


@bp.route("/setup", methods=["GET", "POST"])
def setup() -> Response | str:
    """Create the first administrator: only while no account exists, only from this machine."""
    if accounts().has_users() or not _from_loopback():
        abort(404)
    if request.method == "GET":
        return render_template("web/setup.html")
    _check_form_token()
    form = request.form
    unit_name = " ".join(form.get("unit", "").split())
    unit = ascii_fallback(unit_name).lower().strip("-.")[:64] or "don-vi"
    if form.get("password") != form.get("password_again"):
        return render_template("web/setup.html", error=_("The two passwords differ.")), 422  # type: ignore[return-value]
    try:
        accounts().ensure_unit(unit, unit_name or unit)
        user = accounts().create_user(
            form.get("username", ""), form.get("password", ""), unit, admin=True
        )
    except AccountError:
        error = _("Choose a username and a password of at least 10 characters.")
        return render_template("web/setup.html", error=error), 422  # type: ignore[return-value]
    start_session(user)
    return redirect(url_for("pages.index"))


@bp.post("/logout")
def logout() -> Response:
    """End the session here and everywhere: its cookie, even kept, no longer signs in (the
    CSRF token was checked when the request was identified)."""
    user = session_user(accounts())
    if user is not None:
        accounts().end_sessions(user.id)
    session.clear()
    return redirect(url_for("account.login"))


def _check_form_token() -> None:
    sent, kept = request.form.get("csrf_token", ""), str(session.get("csrf", ""))
    if not sent or not secrets.compare_digest(sent, kept):
        abort(400)


def _local(target: str | None) -> str | None:
    """Only paths on this site: never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    parts = urlsplit(target)
    return None if parts.scheme or parts.netloc else target


def _from_loopback() -> bool:
    """The real client is this machine. Behind a trusted proxy (PLANDOC_TRUSTED_PROXIES)
    `remote_addr` is the client the proxy names; a loopback connection that carries
    forwarding headers without one configured is a proxy relaying someone unknown."""
    forwarded = any(h in request.headers for h in ("X-Forwarded-For", "Forwarded", "X-Real-IP"))
    if forwarded and not current_app.config.get("TRUSTED_PROXIES"):
        return False
    try:
        return ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        return False

"""The officers' pages: drafts, the form of one draft, cascading a plan, the language switch."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, g, redirect, render_template, request
from flask_babel import get_locale
from werkzeug.wrappers import Response

from service.documents.registry import all_kinds
from service.errors import NotFound
from service.http.identity import current_unit
from service.http.web import i18n
from service.http.web.drafting import default_name, full
from service.http.web.kinds import document_types
from service.http.web.strings import client_messages
from service.store.drafts import Drafts

bp = Blueprint("pages", __name__, template_folder=str(i18n.ROOT / "templates"))


def drafts() -> Drafts:
    """The drafts repository of this app."""
    repository: Drafts = current_app.extensions["drafts"]
    return repository


@bp.context_processor
def page_globals() -> dict[str, Any]:
    """What every page needs: its language, the script's messages, whether PDF exists."""
    return {
        "lang": str(get_locale() or i18n.DEFAULT_LANGUAGE),
        "languages": i18n.LANGUAGES,
        "client_messages": client_messages(),
        "pdf_available": current_app.extensions.get("converter") is not None,
        "unit_name": _unit_name(),
        "document_types": document_types(),
    }


def _unit_name() -> str:
    """The signed-in officer's unit by its name, for the header (its slug is for machines)."""
    user = g.get("user")
    accounts = current_app.extensions.get("accounts")
    return str(accounts.unit_name(user.unit)) if user is not None and accounts is not None else ""


@bp.errorhandler(NotFound)
def not_found(_error: NotFound) -> tuple[str, int]:
    """Another unit's draft, or none at all: a page, not JSON."""
    return render_template("web/not_found.html"), 404


@bp.get("/")
def index() -> str:
    """The unit's drafts, and the ways to start a new one."""
    return render_template("web/index.html", drafts=drafts().list(current_unit()))


@bp.get("/drafts/new")
def new_document() -> str:
    """An empty form; the draft is made by its first change, so no empty draft is left."""
    kind = request.args.get("type", "")
    if kind not in {t["type"] for t in document_types()}:
        raise NotFound("document type")
    data = {"type": kind, "number": None}
    blank = {"id": None, "name": default_name(data), "type": kind, "revision": None}
    return render_template("web/editor.html", draft={**blank, "data": data})


@bp.get("/drafts/<draft_id>")
def editor(draft_id: str) -> str:
    """The form of one draft, with preview and downloads."""
    draft = drafts().get(current_unit(), draft_id)
    return render_template("web/editor.html", draft=full(draft))


@bp.get("/cascade")
def cascade() -> str:
    """Start a plan from the plan of the level above."""
    cascading = {kind.code for kind in all_kinds() if kind.cascades}
    plans = [d for d in drafts().list(current_unit()) if d.document_type in cascading]
    return render_template("web/cascade.html", plans=plans)


@bp.get("/lang/<code>")
def language(code: str) -> Response:
    """Remember the chosen language and go back to the page the officer was on."""
    response = redirect(i18n.local_path(request.args.get("next", "/")))
    if code in i18n.LANGUAGES:
        response.set_cookie(i18n.COOKIE, code, max_age=365 * 86400, samesite="Lax", httponly=True)
    return response

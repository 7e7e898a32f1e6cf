"""The Decree 30 check page: upload a Word file, read what to fix, see the lines highlighted."""

from __future__ import annotations

from flask import Blueprint, render_template

from service.checker.kinds import KINDS
from service.http.web import i18n
from service.http.web.pages import page_globals

bp = Blueprint("check_page", __name__, template_folder=str(i18n.ROOT / "templates"))
bp.context_processor(page_globals)


@bp.get("/check")
def check() -> str:
    """The upload form; the report is drawn by check.js from POST /api/v1/check."""
    types = [(kind.id, kind.name) for kind in KINDS.values() if kind.name]  # by type line
    return render_template("web/check.html", types=types)

"""The pages' language: Vietnamese by default, English on request (cookie `lang`)."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, request
from flask_babel import Babel

from service.i18n import CATALOGUES, COMPILED, ROOT, compile_catalogues, compiled

__all__ = ["CATALOGUES", "COMPILED", "ROOT", "compile_catalogues", "init_app", "local_path"]
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"
COOKIE = "lang"


def page_locale() -> str:
    """The language the officer chose (a cookie); Vietnamese until they choose another."""
    chosen = request.cookies.get(COOKIE, "")
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def init_app(app: Flask) -> None:
    """Compile the catalogues (the one set the API's messages use too) and install
    Flask-Babel with our locale selector."""
    target = compiled(Path(app.config.get("TRANSLATIONS_COMPILED") or COMPILED))
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(target))
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Asia/Ho_Chi_Minh")
    Babel(app, locale_selector=page_locale)


def local_path(target: str) -> str:
    """`target` if it is a path on this site, else `/`: the switch must not redirect away."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target

"""The pages' language: Vietnamese by default, English on request; catalogues compiled at start."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, request
from flask_babel import Babel

ROOT = Path(__file__).resolve().parents[3]
CATALOGUES = ROOT / "translations"  # <locale>/LC_MESSAGES/messages.po, edited by hand
COMPILED = ROOT / "var" / "translations"  # .mo files built from them, never committed
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}
DEFAULT_LANGUAGE = "vi"
COOKIE = "lang"


def page_locale() -> str:
    """The language the officer chose (a cookie); Vietnamese until they choose another."""
    chosen = request.cookies.get(COOKIE, "")
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def compile_catalogues(source: Path = CATALOGUES, target: Path = COMPILED) -> list[Path]:
    """Build every `.mo` whose `.po` is newer; atomic, so concurrent workers never see half."""
    built = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as stream:
            catalog = read_po(stream, locale=po.parts[-3])
        handle, temporary = tempfile.mkstemp(dir=mo.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            write_mo(stream, catalog)
        os.replace(temporary, mo)
        built.append(mo)
    return built


def init_app(app: Flask) -> None:
    """Compile the catalogues and install Flask-Babel with our locale selector."""
    target = Path(app.config.get("TRANSLATIONS_COMPILED") or COMPILED)
    try:
        compile_catalogues(CATALOGUES, target)
    except OSError:  # a read-only tree: compile into a private temporary folder instead
        target = Path(tempfile.mkdtemp(prefix="plandoc-translations-"))
        compile_catalogues(CATALOGUES, target)
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(target))
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Asia/Ho_Chi_Minh")
    Babel(app, locale_selector=page_locale)


def local_path(target: str) -> str:
    """`target` if it is a path on this site, else `/`: the switch must not redirect away."""
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target

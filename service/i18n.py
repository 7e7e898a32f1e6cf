"""Translations without Flask: the gettext catalogues under translations/, compiled once.

One catalogue per language (`translations/<lang>/LC_MESSAGES/messages.po`, message ids in
English) holds the pages' texts and the API's messages; the pages read it through
Flask-Babel, the schemas, CLIs and workers through `gettext` here.
"""

from __future__ import annotations

import gettext as _gettext
import os
import tempfile
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = ROOT / "translations"  # <locale>/LC_MESSAGES/messages.po, edited by hand
COMPILED = ROOT / "var" / "translations"  # .mo files built from them, never committed
LOCALES = ("vi", "en")  # English is the message ids themselves
DEFAULT_LOCALE = "vi"


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


@cache
def compiled(target: Path = COMPILED) -> Path:
    """The folder of compiled catalogues: `target`, or a private temporary one when the
    tree is read-only."""
    try:
        compile_catalogues(CATALOGUES, target)
    except OSError:
        target = Path(tempfile.mkdtemp(prefix="plandoc-translations-"))
        compile_catalogues(CATALOGUES, target)
    return target


@cache
def translations(locale: str) -> _gettext.NullTranslations:
    """The catalogue of `locale`; English (and any language without one) is the ids."""
    if locale not in LOCALES or locale == "en":
        return _gettext.NullTranslations()
    return Translations.load(str(compiled()), [locale])


def gettext(message: str, locale: str = DEFAULT_LOCALE) -> str:
    """`message` (an English message id) in `locale`."""
    return translations(locale).gettext(message)

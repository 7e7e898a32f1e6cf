"""Translations without Flask: the gettext catalogues under translations/, compiled once.

One catalogue per language (`translations/<lang>/LC_MESSAGES/messages.po`, message ids in
English) holds the pages' texts, the API's messages and the checker's report; the pages
read it through Flask-Babel, the schemas, the checker, CLIs and workers through `gettext`
and `pgettext` here. Reading a compiled catalogue needs only the standard library, so the
command line stays light; Babel is imported only to compile a `.po` that changed.
"""

from __future__ import annotations

import gettext as _gettext
import os
import re
import tempfile
from collections.abc import Mapping
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CATALOGUES = ROOT / "translations"  # <locale>/LC_MESSAGES/messages.po, edited by hand
COMPILED = ROOT / "var" / "translations"  # .mo files built from them, never committed
LOCALES = ("vi", "en")  # English is the message ids themselves
DEFAULT_LOCALE = "vi"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def pmsg(context: str, text: str) -> str:
    """Marks an English message id and its context for extraction (`pmsg:1c,2`)."""
    return text


def compile_catalogues(source: Path = CATALOGUES, target: Path = COMPILED) -> list[Path]:
    """Build every `.mo` whose `.po` is newer; atomic, so concurrent workers never see half."""
    built = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        from babel.messages.mofile import write_mo  # only when a catalogue changed
        from babel.messages.pofile import read_po

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
    return _gettext.translation("messages", str(compiled()), [locale], fallback=True)


def gettext(message: str, locale: str = DEFAULT_LOCALE) -> str:
    """`message` (an English message id) in `locale`."""
    return translations(locale).gettext(message)


def pgettext(context: str, message: str, locale: str = DEFAULT_LOCALE) -> str:
    """`message` (an English message id marked with `context`) in `locale`."""
    return translations(locale).pgettext(context, message)


def fill(template: str, values: Mapping[str, str]) -> str:
    """`template` with each `{name}` of `values` replaced, in one pass: other braces stay
    (messages quote `{value}` or `{text, ...}`) and a value is never filled in again."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)

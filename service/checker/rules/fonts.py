"""Times New Roman in every run, headers and footers included, and black text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .. import spec
from ..anatomy import Anatomy
from ..messages import t
from ..model import Para, Run
from ..printed import printed_parts
from ..report import Issue
from .common import at

_BLACK = frozenset({None, "auto", "000000", "theme:text1", "theme:dark1"})
_WANTED = spec.FONT.casefold()


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """font.family and font.color, one finding per paragraph and rule."""
    doc = anatomy.doc
    # Headers and footers the document never shows (even pages without
    # w:evenAndOddHeaders, a first page without w:titlePg) are not judged.
    shown = [doc.parts[rel_id] for rel_id in printed_parts(doc) if rel_id in doc.parts]
    parts: list[Iterable[Para]] = [doc.paragraphs, *shown]
    for paras in parts:
        for para in paras:
            yield from _paragraph(para)


def _paragraph(para: Para) -> Iterator[Issue]:
    latin: set[str] = set()
    accented: set[str] = set()
    colours: set[str] = set()
    for run in para.inked:
        ascii_font, accented_font = _wrong_slots(run)
        latin.update(ascii_font)
        accented.update(accented_font)
        if run.fmt.color not in _BLACK:
            colours.add(str(run.fmt.color).removeprefix("theme:"))
    if latin or accented:
        only_accented = accented - latin
        found = (
            t("font_accented", fonts=sorted(only_accented))
            if only_accented and not latin
            else t("fonts", fonts=sorted(latin | accented))
        )
        yield Issue("font.family", at(para), found, spec.FONT)
    if colours:
        yield Issue("font.color", at(para), t("colours", colours=sorted(colours)), t("black"))


def _wrong_slots(run: Run) -> tuple[set[str], set[str]]:
    """Wrong typefaces of the ASCII slot and of the high-ANSI slot, for the letters used."""
    text = run.text
    wrong_ascii: set[str] = set()
    wrong_accented: set[str] = set()
    uses_ascii = any(" " < char < "\x80" for char in text)
    uses_high = any(char > "\x7f" and not char.isspace() for char in text)
    fmt = run.fmt
    # No typeface anywhere in the style hierarchy means the application's default,
    # which is Times New Roman in Word.
    if uses_ascii and fmt.ascii and fmt.ascii.casefold() != _WANTED:
        wrong_ascii.add(fmt.ascii)
    if uses_high and fmt.h_ansi and fmt.h_ansi.casefold() != _WANTED:
        wrong_accented.add(fmt.h_ansi)
    return wrong_ascii, wrong_accented

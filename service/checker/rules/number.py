"""The number line: `Số:`, the number (leading zero below 10, or blank), the symbol, no year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import kinds, spec
from ..anatomy import Anatomy
from ..messages import Msg, quote, t
from ..model import Para
from ..report import Issue
from ..text import clean
from .common import at, looks

_LABEL = re.compile(r"^s[ốoô]\s*[:.]?\s*", re.IGNORECASE)
_BLANK = re.compile(r"^[\s.…_]*$")
_YEAR = re.compile(r"(?:^|[/-])((?:19|20)\d\d)(?=$|[/-])")
_PART = re.compile(r"^[0-9A-Za-zĐđ&]+$")
_ABBREVIATIONS = kinds.ABBREVIATIONS | {"CV"}


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """number.label, number.format, number.symbol, number.year, number.style."""
    para = anatomy.number
    if para is None:
        if anatomy.national is not None:
            yield Issue("number.label", at(anatomy.national), t("missing"), quote("Số: …"))
        return
    text = clean(para.text)
    if not text.startswith("Số:"):
        yield Issue("number.label", at(para), quote(text[:6]), quote("Số:"))
    label = _LABEL.match(text)
    rest = text[label.end() :] if label else text
    number, slash, symbol = rest.partition("/")
    if not slash:
        yield Issue("number.symbol", at(para), quote(text), t("symbol_of", kind=_shape(anatomy)))
    else:
        yield from _number(para, number.strip())
        spaced = not _BLANK.match(number) and number != number.rstrip()
        if spaced or symbol != symbol.lstrip() or " " in symbol.strip():
            yield Issue("number.symbol", at(para), quote(rest.strip()), t("no_spaces"))
        yield from _symbol(anatomy, para, re.sub(r"\s+", "", symbol))
    yield from looks("number.style", para, size=spec.SIZES["number"], bold=False, italic=False)


def _number(para: Para, number: str) -> Iterator[Issue]:
    if _BLANK.match(number):
        return
    if not number.isdigit():
        yield Issue("number.format", at(para), quote(number), t("number_digits"))
        return
    value = int(number)
    wanted = f"{value:02d}"
    if len(number) < 2 or (value < 10 and number != wanted):
        yield Issue("number.format", at(para), quote(number), quote(wanted))
    elif number != wanted:
        # `0125`: the decree asks only that numbers below 10 take a zero; a register that
        # pads every number is not a departure (contract v1.1 keeps the number as typed)
        yield Issue("number.format", at(para), quote(number), quote(wanted), basis="house")


def _symbol(anatomy: Anatomy, para: Para, symbol: str) -> Iterator[Issue]:
    year = _YEAR.search(symbol)
    if year:
        yield Issue("number.year", at(para), quote(year.group(1)), t("no_year"))
        symbol = (symbol[: year.start()] + symbol[year.end() :]).strip("/-")
    parts = symbol.split("-")
    if len(parts) < 2 or not all(_PART.match(part) for part in parts):
        yield Issue("number.symbol", at(para), quote(symbol), t("symbol_of", kind=_shape(anatomy)))
        return
    wanted = _type_abbreviation(anatomy)
    head = parts[0]
    # A công văn has no type abbreviation; other documents start with their own.
    typed_letter = anatomy.kind == "cong_van" and head in _ABBREVIATIONS
    if typed_letter or (wanted is not None and head != wanted):
        expected = t("symbol_of", kind=_shape(anatomy))
        yield Issue("number.symbol", at(para), quote(symbol), expected)


def _type_abbreviation(anatomy: Anatomy) -> str | None:
    definition = anatomy.definition
    return definition.abbreviation if definition is not None else None


def _shape(anatomy: Anatomy) -> Msg:
    abbreviation = _type_abbreviation(anatomy)
    if anatomy.kind == "cong_van":
        return t("symbol_letter")
    if abbreviation:
        return t("symbol_typed", abbreviation=abbreviation)
    return t("symbol_any")

"""Numbering of the content: I, II, III; 1., 2. (or 2.1.) within a part; a) b) ... in the
Vietnamese letter order; dash items written `- `."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .. import spec
from ..anatomy import Anatomy
from ..messages import quote, t
from ..model import Para
from ..report import Issue
from ..text import clean, is_upper
from .common import at

_ROMAN = re.compile(r"^([IVXLC]+)\.\s")
_DECIMAL = re.compile(r"^(\d+)\.(\d+)\.?\s")
_ARABIC = re.compile(r"^(\d+)\.\s")
_LETTER = re.compile(r"^([a-zđ])\)\s")
_ARTICLE = re.compile(r"^Điều\s+(\d+)\s*[.:]", re.IGNORECASE)
# Parts, chapters and sections of a long document: "Phần thứ nhất", "Chương II", "Mục 1".
_DIVISION = re.compile(r"^(phần|chương|mục|tiểu mục)\s+(thứ\s+\S+|[IVXLC]+|\d+)\b", re.IGNORECASE)
# Bullets the decree does not use for items ("- " is its dash). "+ " and "* " sub-items
# under dash items are ordinary practice that the decree leaves alone.
_BULLETS = ("•", "·", "▪", "■", "●", "○", "◦", "\uf0b7", "\uf0a7", "–", "—")
_LATIN = "abcdefghijklmnopqrstuvwxyz"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """heading.roman, heading.arabic, heading.letter, heading.format, list.dash."""
    yield from _Counter(main=True).walk(anatomy.content)
    for attachment in anatomy.attachments:  # an attached plan numbers its own parts
        yield from _Counter(main=True).walk(attachment.content)
    # An appendix numbers its own parts; an outline there may keep them in sentence case.
    for appendix in anatomy.appendices:
        yield from _Counter(main=False).walk(appendix.content)


def is_heading(para: Para) -> bool:
    """True for a heading: a numbered one (bold marker, or a heading style), a division
    (Phần thứ nhất, Chương I, Mục 1), or a centred line all in bold."""
    text = clean(para.text)
    if _DIVISION.match(text) or (para.fmt.align == "center" and para.all_bold()):
        return True
    if not any(marker.match(text) for marker in (_ROMAN, _DECIMAL, _ARABIC, _LETTER)):
        return False
    leading = para.inked[0].fmt.bold if para.inked else False
    return leading or para.fmt.outline_level is not None


def to_roman(value: int) -> str:
    """`value` (1-399) in Roman numerals."""
    out = []
    for amount, numeral in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X")):
        count, value = divmod(value, amount)
        out.append(numeral * count)
    ones = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
    return "".join(out) + ones[value]


def _from_roman(numeral: str) -> int | None:
    total = 0
    for index, char in enumerate(numeral):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[numeral[index + 1]] if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total if total > 0 and to_roman(total) == numeral else None


@dataclass
class _Counter:
    main: bool
    roman: int = 1
    arabic: int = 1
    decimal: int = 1
    letter: int = 0  # index in spec.LETTERS of the letter expected next
    position: int = 0  # items lettered so far in the current list
    article: int = 1  # the Điều expected next

    def walk(self, paras: list[Para]) -> Iterator[Issue]:
        for para in paras:
            if para.empty or para.cell is not None:
                continue
            text = clean(para.text)
            if match := _ARTICLE.match(text):
                yield from self._article(para, int(match.group(1)))
            elif _DIVISION.match(text):
                self.arabic, self.decimal, self.letter, self.position = 1, 1, 0, 0
                self.roman = 1  # each part numbers its own sections from I
            elif match := _ROMAN.match(text):
                yield from self._roman(para, match.group(1), text)
            elif match := _DECIMAL.match(text):
                yield from self._decimal(para, int(match.group(1)), int(match.group(2)))
            elif match := _ARABIC.match(text):
                yield from self._arabic(para, int(match.group(1)))
            elif match := _LETTER.match(text):
                yield from self._letter(para, match.group(1))
            elif text.startswith(_BULLETS) or (text.startswith("-") and text[1:2] != " "):
                yield Issue("list.dash", at(para), quote(text[:3]), quote("- "))

    def _roman(self, para: Para, numeral: str, text: str) -> Iterator[Issue]:
        value = _from_roman(numeral)
        if value != self.roman:
            found, wanted = quote(f"{numeral}."), quote(f"{to_roman(self.roman)}.")
            yield Issue("heading.roman", at(para), found, wanted)
        self.roman = (value or self.roman) + 1
        self.arabic, self.decimal, self.letter, self.position = 1, 1, 0, 0
        if not self.main:
            return
        title = text.split(".", 1)[1]
        if not is_upper(title):
            yield Issue("heading.format", at(para), quote(text[:30]), t("caps"))
        if not para.all_bold():
            yield Issue("heading.format", at(para), t("not_bold"), t("bold"))

    def _article(self, para: Para, value: int) -> Iterator[Issue]:
        # Articles run on through the document; clauses (1., 2.) restart in each.
        if value != self.article:
            found, wanted = quote(f"Điều {value}."), quote(f"Điều {self.article}.")
            yield Issue("heading.arabic", at(para), found, wanted)
        self.article = value + 1
        self.arabic, self.decimal, self.letter, self.position = 1, 1, 0, 0

    def _arabic(self, para: Para, value: int) -> Iterator[Issue]:
        if value != self.arabic:
            yield Issue("heading.arabic", at(para), quote(f"{value}."), quote(f"{self.arabic}."))
        self.arabic = value + 1
        self.decimal, self.letter, self.position = 1, 0, 0

    def _decimal(self, para: Para, parent: int, value: int) -> Iterator[Issue]:
        expected_parent = self.arabic - 1
        if (parent, value) != (expected_parent, self.decimal):
            found = quote(f"{parent}.{value}.")
            wanted = quote(f"{expected_parent}.{self.decimal}.")
            yield Issue("heading.arabic", at(para), found, wanted)
        self.decimal = value + 1
        self.letter = self.position = 0

    def _letter(self, para: Para, letter: str) -> Iterator[Issue]:
        order = spec.LETTERS
        position, self.position = self.position, self.position + 1
        wanted = order[self.letter] if self.letter < len(order) else None
        if letter == wanted:
            self.letter += 1
            return
        yield Issue(
            "heading.letter",
            at(para),
            quote(f"{letter})"),
            quote(f"{wanted})") if wanted else t("letters"),
            hint=t("letter_foreign") if letter in spec.FOREIGN_LETTERS else None,
        )
        # A list following the Latin alphabet (Word's automatic a, b, c... e, f) is wrong
        # item by item, so keep counting; a typed list that skips a letter resumes after it.
        if letter in order and _LATIN[position : position + 1] != letter:
            self.letter = order.index(letter) + 1
        else:
            self.letter += 1

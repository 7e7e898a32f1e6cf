"""How wide a text prints in Times New Roman, from the shipped advance-width table."""

from __future__ import annotations

import unicodedata

from .model import Para
from .ooxml import TWIPS_PER_PT
from .widths import BOLD, CHARS, REGULAR, UNITS_PER_EM

_HORN = "\u031b"
# Characters outside the table (rare symbols, other scripts) count as an average letter.
_FALLBACK = 1024


class _Widths(dict[str, int]):
    """Advance widths by character; a toned letter is looked up once, then remembered."""

    def __missing__(self, char: str) -> int:
        width = self.get(_base(char), _FALLBACK)
        self[char] = width
        return width


_REGULAR = _Widths(zip(CHARS, REGULAR, strict=True))
_BOLD = _Widths(zip(CHARS, BOLD, strict=True))


def _base(char: str) -> str:
    # A toned letter advances like its base; ơ and ư keep their horn, which is wider.
    decomposed = unicodedata.normalize("NFD", char)
    base = decomposed[0]
    if _HORN in decomposed:
        base = unicodedata.normalize("NFC", base + _HORN)
    return base


def advance(char: str, bold: bool) -> int:
    """The advance width of one character in 1/2048 em."""
    return (_BOLD if bold else _REGULAR)[char]


def text_width(text: str, size_pt: float, bold: bool = False) -> float:
    """The printed width of `text` in twips at `size_pt` points."""
    units = sum(map((_BOLD if bold else _REGULAR).__getitem__, text))
    return units / UNITS_PER_EM * size_pt * TWIPS_PER_PT


def line_width(para: Para) -> float:
    """The printed width in twips of a one-line paragraph, outer spaces left out."""
    runs = [run for run in para.runs]
    total = 0.0
    for number, run in enumerate(runs):
        text = run.text.upper() if run.fmt.caps else run.text
        if number == 0:
            text = text.lstrip()
        if number == len(runs) - 1:
            text = text.rstrip()
        total += text_width(text, run.fmt.size, run.fmt.bold)
    return total

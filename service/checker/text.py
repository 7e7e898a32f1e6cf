"""Text helpers for matching Vietnamese lines: spacing, case, old and new tone placement."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f]+")
# Old-style tone placement (hoà, thuỷ) next to the modern one (hòa, thủy) the decree prints;
# they differ only at the end of a syllable (hoạch is the same in both).
_TONE_PAIRS = {
    "OÀ": "ÒA",
    "OÁ": "ÓA",
    "OẢ": "ỎA",
    "OÃ": "ÕA",
    "OẠ": "ỌA",
    "OÈ": "ÒE",
    "OÉ": "ÓE",
    "OẺ": "ỎE",
    "OẼ": "ÕE",
    "OẸ": "ỌE",
    "UỲ": "ÙY",
    "UÝ": "ÚY",
    "UỶ": "ỦY",
    "UỸ": "ŨY",
    "UỴ": "ỤY",
}
_OLD = re.compile("(?:" + "|".join(_TONE_PAIRS) + r")(?!\w)")


def clean(text: str) -> str:
    """NFC text with runs of white space (tabs, no-break spaces) made one space, stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def key(text: str) -> str:
    """An upper-case, modern-tone, single-spaced form for recognising a line."""
    return _OLD.sub(lambda match: _TONE_PAIRS[match.group(0)], clean(text).upper())


def first_words(text: str, count: int = 8) -> str:
    """The first `count` words of `text`, with an ellipsis when cut."""
    words = clean(text[: count * 30]).split(" ")  # enough for `count` words, cheaply
    head = " ".join(words[:count])
    return head + " …" if len(words) > count else head


def is_upper(text: str) -> bool:
    """True when every letter of `text` is a capital (and there is at least one letter)."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def in_capitals(text: str) -> bool:
    """True when `text` is set in capitals: every word in capitals, or an acronym that keeps
    its own small letters (`IoT`, `ThS`: two capitals or more), as a title in capitals may."""
    words = [[c for c in word if c.isalpha()] for word in re.findall(r"\w+", text)]
    words = [letters for letters in words if letters]
    return bool(words) and all(
        all(c.isupper() for c in letters) or sum(c.isupper() for c in letters) >= 2
        for letters in words
    )


def starts(text: str, *prefixes: str) -> bool:
    """True when `text`, cleaned and case-folded, starts with one of `prefixes`."""
    folded = clean(text).casefold()
    return any(folded.startswith(prefix.casefold()) for prefix in prefixes)

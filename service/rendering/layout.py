"""Text measurement (Times New Roman metrics), line breaking and the short rules' geometry."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from service.rendering.page import twips

_WIDTHS_FILE = Path(__file__).with_name("font_widths.json")
_FALLBACK_CHAR = "n"  # an average lower-case width for characters outside the table

# Administrative-unit words: a long body name breaks before them (`ỦY BAN NHÂN DÂN` / `XÃ ...`).
_UNIT_BREAK = re.compile(r"^(THÀNH PHỐ|THỊ XÃ|THỊ TRẤN|TỈNH|HUYỆN|QUẬN|PHƯỜNG|XÃ(?! HỘI))\b")


# Bodies that decide collectively: their name stands on its own line above the unit's.
_COLLECTIVES = ("ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")
_GOOD_BREAKS = {"VÀ"}  # a line may start with `VÀ` as officers break `... / VÀ XÃ HỘI`


@cache
def _table(face: str) -> dict[str, int]:
    table: dict[str, dict[str, int]] = json.loads(_WIDTHS_FILE.read_text(encoding="utf-8"))
    return table[face]


def text_width_mm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Printed width of one line of text in millimetres."""
    table = _table("bold" if bold else "regular")
    fallback = table[_FALLBACK_CHAR]
    units = sum(table.get(ch, fallback) for ch in text)
    return units / 1000 * size_pt * 25.4 / 72


def break_lines(text: str, width_mm: float, size_pt: float, *, bold: bool = False) -> list[str]:
    """One printed line per entry: lines the author broke with `\\n` are kept as typed;
    otherwise a collective body's name breaks before its unit word (`ỦY BAN NHÂN DÂN` /
    `XÃ BẢO LINH`) and any line too wide for the column is broken evenly."""
    segments = [" ".join(s.split()) for s in text.split("\n")]
    segments = [s for s in segments if s]
    if len(segments) != 1:
        return segments
    return _break_words(segments[0].split(), width_mm, size_pt, bold)


def _break_words(words: list[str], width: float, size: float, bold: bool) -> list[str]:
    def fits(ws: list[str]) -> bool:
        return text_width_mm(" ".join(ws), size, bold=bold) <= width

    for collective in _COLLECTIVES:
        n = len(collective.split())
        if " ".join(words[:n]) == collective and _UNIT_BREAK.match(" ".join(words[n:])):
            return [collective, *_break_words(words[n:], width, size, bold)]
    if fits(words):
        return [" ".join(words)]
    for i in range(1, len(words)):
        if _UNIT_BREAK.match(" ".join(words[i:])) and fits(words[i:]):
            return [*_break_words(words[:i], width, size, bold), " ".join(words[i:])]
    return _balanced(words, width, size, bold)


def _balanced(words: list[str], width: float, size: float, bold: bool) -> list[str]:
    """Fewest lines; then breaks before `VÀ` or after a comma (`... THƯƠNG BINH` /
    `VÀ XÃ HỘI`); then the
    narrowest widest line, so the lines look deliberate."""

    def w(i: int, j: int) -> float:
        return text_width_mm(" ".join(words[i:j]), size, bold=bold)

    n = len(words)
    # best[i] = (lines, awkward breaks, widest line, next break) for words[i:].
    best: list[tuple[int, int, float, int]] = [(0, 0, 0.0, n)] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, n + 1):
            if j > i + 1 and w(i, j) > width:
                break  # a lone over-wide word is allowed, anything longer is not
            count, awkward, widest, _ = best[j]
            good = j == n or words[j] in _GOOD_BREAKS or words[j - 1].endswith(",")
            awkward += 0 if good else 1
            options.append((count + 1, awkward, max(widest, w(i, j)), j))
        best[i] = min(options)
    lines, i = [], 0
    while i < n:
        j = best[i][3]
        lines.append(" ".join(words[i:j]))
        i = j
    return lines


@dataclass(frozen=True)
class Rule:
    """A short centred line drawn as a paragraph border between two equal indents."""

    left: int  # twips
    right: int  # twips


def centred_rule(box_mm: float, length_mm: float) -> Rule:
    """A rule of `length_mm` centred in a box `box_mm` wide."""
    length_mm = min(length_mm, box_mm)
    side = twips((box_mm - length_mm) / 2)
    return Rule(left=side, right=side)


def short_rule(lines: list[str], box_mm: float, size_pt: float, *, bold: bool) -> Rule:
    """Decree 30's short line: 1/3–1/2 of the text above it; we take 0.4 of its widest line."""
    widest = max((text_width_mm(line, size_pt, bold=bold) for line in lines), default=0.0)
    return centred_rule(box_mm, 0.4 * min(widest, box_mm))

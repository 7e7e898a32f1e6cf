"""Labels of Word's automatic lists (numbering.xml), so `a)` made by Word reads like typed text.

Word's own lowerLetter format counts a b c d e f, not the Vietnamese a b c d đ e g: the
checker sees the label Word prints, and the heading rules catch the difference.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from service.vietnamese import roman

from .ooxml import COUNT, Element, attr, child, int_attr, w
from .resolve import Props, parse_ppr

_LEVELS = (0, 8)  # Word lists have nine levels
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering definition."""

    fmt: str
    text: str
    start: int
    suffix: str
    ppr: Props


@dataclass
class _Num:
    abstract: str
    starts: dict[int, int] = field(default_factory=dict)  # w:lvlOverride/w:startOverride


class Lists:
    """Counts list items in document order and returns the label of each."""

    def __init__(self, numbering: Element | None, style_num: dict[str, str]) -> None:
        """Index `numbering`; `style_num` maps a numbering style id to its w:numId."""
        self._abstract: dict[str, Element] = {}
        self._nums: dict[str, _Num] = {}
        self._levels: dict[tuple[str, int], Level | None] = {}
        self._counters: dict[str, list[int | None]] = {}
        self._started: set[str] = set()
        self._style_num = style_num
        if numbering is None:
            return
        for abstract in numbering.iterfind(w("abstractNum")):
            abstract_id = attr(abstract, "abstractNumId")
            if abstract_id is not None:
                self._abstract[abstract_id] = abstract
        for num in numbering.iterfind(w("num")):
            num_id, abstract_id = attr(num, "numId"), attr(child(num, "abstractNumId"), "val")
            if num_id is None or abstract_id is None:
                continue
            entry = _Num(abstract_id)
            for override in num.iterfind(w("lvlOverride")):
                start = int_attr(child(override, "startOverride"), "val", COUNT)
                level = int_attr(override, "ilvl", _LEVELS)
                if start is not None and level is not None:
                    entry.starts[level] = start
            self._nums[num_id] = entry

    def level(self, num_id: str, ilvl: int) -> Level | None:
        """The definition of level `ilvl` of list `num_id`, or None (numId 0 means no list)."""
        num = self._nums.get(num_id)
        if num is None:
            return None
        return self._level(self._abstract_id(num.abstract), ilvl)

    def _abstract_id(self, abstract_id: str) -> str:
        # An abstract list may only point at a numbering style, whose list holds the levels.
        abstract = self._abstract.get(abstract_id)
        link = attr(child(abstract, "numStyleLink"), "val") if abstract is not None else None
        if link and link in self._style_num and self._style_num[link] in self._nums:
            return self._nums[self._style_num[link]].abstract
        return abstract_id

    def _level(self, abstract_id: str, ilvl: int) -> Level | None:
        key = (abstract_id, ilvl)
        if key not in self._levels:
            self._levels[key] = self._read_level(abstract_id, ilvl)
        return self._levels[key]

    def _read_level(self, abstract_id: str, ilvl: int) -> Level | None:
        abstract = self._abstract.get(abstract_id)
        if abstract is None:
            return None
        for lvl in abstract.iterfind(w("lvl")):
            if int_attr(lvl, "ilvl", _LEVELS) == ilvl:
                return Level(
                    fmt=attr(child(lvl, "numFmt"), "val") or "decimal",
                    text=attr(child(lvl, "lvlText"), "val") or "",
                    start=int_attr(child(lvl, "start"), "val", COUNT) or 1,
                    suffix=_SUFFIXES.get(attr(child(lvl, "suff"), "val") or "tab", "\t"),
                    ppr=parse_ppr(child(lvl, "pPr")),
                )
        return None

    def label(self, num_id: str, ilvl: int) -> str:
        """Count one item of list `num_id` at level `ilvl` and return its label and suffix."""
        num = self._nums.get(num_id)
        if num is None:
            return ""
        abstract_id = self._abstract_id(num.abstract)
        level = self._level(abstract_id, ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract_id, [None] * 9)
        if num_id not in self._started:
            self._started.add(num_id)
            for restart in num.starts:
                if 0 <= restart < 9:
                    counters[restart] = None
        current = counters[ilvl] if 0 <= ilvl < 9 else None
        start = num.starts.get(ilvl, level.start)
        counters[ilvl] = start if current is None else current + 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            return level.text + level.suffix
        text = level.text
        for depth in range(ilvl, -1, -1):
            placeholder = f"%{depth + 1}"
            if placeholder in text:
                outer = self._level(abstract_id, depth)
                value = counters[depth]
                if value is None:
                    value = outer.start if outer is not None else 1
                text = text.replace(placeholder, _format(value, outer.fmt if outer else "decimal"))
        return text + level.suffix


def _format(value: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        roman = _roman(value)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("upperLetter", "lowerLetter"):
        # Word's letters run a..z, then aa..zz: no Vietnamese đ, and f, j, w, z included.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero" and value < 10:
        return f"0{value}"
    return str(value)


def _roman(value: int) -> str:
    return roman(value) if value > 0 else str(value)  # Word may start a list at 0

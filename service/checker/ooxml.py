"""WordprocessingML names, on/off values, units, and numbers read within Word's ranges."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import TypeAlias

from lxml import etree

from service.untrusted import NumberOutOfRange, parse_int

# lxml ships no type stubs here, so elements are typed loosely through this alias.
Element: TypeAlias = etree._Element

NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}

TWIPS_PER_PT = 20
TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_CM = 1440 / 2.54
EMU_PER_TWIP = 635

# The ranges Word allows (its dialogs and ECMA-376's types): a value outside is a damaged
# or hostile file, reported as a finding and read as absent.
TWIPS = (-31680, 31680)  # 22 inches either way: indents, spacing, widths, margins
PAGE = (144, 31680)  # a page side: 0.1 to 22 inches
HALF_POINTS = (1, 3276)  # w:sz: 0.5 to 1638 pt
COUNT = (0, 32767)  # list starts, page number starts, spans, levels
HUNDREDTHS = (-100_000, 100_000)  # w:beforeLines, w:firstLineChars: hundredths of a unit

_OFF = frozenset({"0", "false", "off", "none"})
_MAX_ANOMALIES = 20


@dataclass(frozen=True, slots=True)
class Anomaly:
    """A number Word never writes: where it was and what it said."""

    tag: str  # the element's local name
    name: str  # the attribute's local name
    text: str
    low: int
    high: int


_ANOMALIES: ContextVar[dict[tuple[str, str], Anomaly] | None] = ContextVar(
    "anomalies", default=None
)


@contextmanager
def collecting() -> Iterator[dict[tuple[str, str], Anomaly]]:
    """Collect the out-of-range numbers read inside the block, one per element/attribute."""
    found: dict[tuple[str, str], Anomaly] = {}
    token = _ANOMALIES.set(found)
    try:
        yield found
    finally:
        _ANOMALIES.reset(token)


def w(tag: str) -> str:
    """Clark name of a w: element or attribute."""
    return f"{{{NS['w']}}}{tag}"


def ns(prefix: str, tag: str) -> str:
    """Clark name of an element in any namespace the checker knows."""
    return f"{{{NS[prefix]}}}{tag}"


W_VAL = w("val")


def child(parent: Element | None, tag: str) -> Element | None:
    """The first w:`tag` child of `parent`, or None."""
    return None if parent is None else parent.find(w(tag))


def attr(element: Element | None, name: str) -> str | None:
    """The w:`name` attribute of `element`, or None."""
    return None if element is None else element.get(w(name))


def on_off(element: Element) -> bool:
    """The value of an on/off property element (absent w:val means on)."""
    value = element.get(W_VAL)
    return value is None or value.lower() not in _OFF


def int_attr(element: Element | None, name: str, bounds: tuple[int, int] = TWIPS) -> int | None:
    """An integer w:`name` attribute within `bounds`, or None when absent or malformed.

    A value outside the bounds (1e300, inf) is recorded as an Anomaly and read as absent.
    """
    raw = attr(element, name)
    return None if raw is None or element is None else number(raw, element, name, bounds)


def number(raw: str, element: Element, name: str, bounds: tuple[int, int]) -> int | None:
    """`raw` read from attribute `name` of `element` as an integer within `bounds`."""
    try:
        return parse_int(raw, *bounds)
    except NumberOutOfRange:
        found = _ANOMALIES.get()
        place = (local(element.tag), name)
        if found is not None and place not in found and len(found) < _MAX_ANOMALIES:
            found[place] = Anomaly(place[0], name, raw[:40], *bounds)
        return None


def local(tag: object) -> str:
    """The local part of an element's tag (comments and PIs give '')."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""

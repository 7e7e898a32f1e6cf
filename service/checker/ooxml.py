"""WordprocessingML names, on/off values and units, as the checker reads them."""

from __future__ import annotations

from typing import TypeAlias

from lxml import etree

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

_OFF = frozenset({"0", "false", "off", "none"})


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


def int_attr(element: Element | None, name: str) -> int | None:
    """An integer w:`name` attribute, or None when absent or malformed."""
    raw = attr(element, name)
    if raw is None:
        return None
    try:
        return int(float(raw))
    except ValueError:
        return None


def local(tag: object) -> str:
    """The local part of an element's tag (comments and PIs give '')."""
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""

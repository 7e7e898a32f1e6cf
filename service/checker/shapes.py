"""Straight horizontal lines drawn as shapes (DrawingML or VML), as hand-made documents do."""

from __future__ import annotations

import re

from service.untrusted import NumberOutOfRange, parse_decimal

from .ooxml import EMU_PER_TWIP, TWIPS, TWIPS_PER_PT, Element, ns, number

_LINE_PRESETS = frozenset({"line", "straightConnector1"})
_WP_HOLDERS = (ns("wp", "inline"), ns("wp", "anchor"))
_PRESET = ns("a", "prstGeom")
_EXTENT = ns("wp", "extent")
_VML = (ns("v", "line"), ns("v", "shape"), ns("v", "rect"))
_CONNECTOR = ns("o", "connectortype")
_ALTERNATE = ns("mc", "AlternateContent")
_CHOICE = ns("mc", "Choice")
_TEXT_BOX = ns("w", "txbxContent")
# A "line" may also be a rectangle no taller than this (3 pt) and flat.
_THIN_TWIPS = 3 * TWIPS_PER_PT
_TWIPS_PER_UNIT = {"pt": 20.0, "in": 1440.0, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15.0}
_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$", re.ASCII)
_EMU = (0, TWIPS[1] * EMU_PER_TWIP)  # a shape no wider than Word's widest page
_SPAN = 100_000  # VML lengths beyond this many units are not a line on a page


def line_shapes(node: Element) -> list[int]:
    """Lengths in twips of the straight lines drawn inside `node` (a run's drawing or pict)."""
    lengths = _drawingml(node)
    # mc:Fallback repeats a DrawingML shape in VML: read VML only when there is no DrawingML.
    return lengths if lengths else _vml(node)


def text_boxes(node: Element) -> list[Element]:
    """The w:txbxContent of the text boxes drawn in `node`, each once (outermost only)."""
    if node.tag == _ALTERNATE:
        # mc:Choice (DrawingML) and mc:Fallback (VML) hold the same box: read the first.
        choice = node.find(_CHOICE)
        if choice is None:
            return []
        node = choice
    return [
        box
        for box in node.iter(_TEXT_BOX)
        if not any(ancestor.tag == _TEXT_BOX for ancestor in box.iterancestors())
    ]


def _drawingml(node: Element) -> list[int]:
    lengths = []
    for holder in node.iter(*_WP_HOLDERS):
        geometry = holder.find(f".//{_PRESET}")
        extent = holder.find(_EXTENT)
        if geometry is None or extent is None:
            continue
        width = (number(extent.get("cx", "0"), extent, "cx", _EMU) or 0) // EMU_PER_TWIP
        height = (number(extent.get("cy", "0"), extent, "cy", _EMU) or 0) // EMU_PER_TWIP
        preset = geometry.get("prst", "")
        if preset in _LINE_PRESETS or (preset == "rect" and _flat(width, height)):
            lengths.append(width)
    return lengths


def _vml(node: Element) -> list[int]:
    lengths = []
    for shape in node.iter(*_VML):
        if shape.tag == _VML[0]:
            start = _point(shape.get("from", "0,0"))
            end = _point(shape.get("to", "0,0"))
            if abs(end[1] - start[1]) <= _THIN_TWIPS:
                lengths.append(int(abs(end[0] - start[0])))
            continue
        style = _style(shape.get("style", ""))
        width, height = _twips(style.get("width", "0")), _twips(style.get("height", "0"))
        straight = shape.get(_CONNECTOR) == "straight" or shape.get("type") == "#_x0000_t32"
        if (straight and height <= _THIN_TWIPS) or _flat(int(width), int(height)):
            lengths.append(int(width))
    return lengths


def _flat(width: int, height: int) -> bool:
    return width > 0 and height <= _THIN_TWIPS and height * 20 <= width


def _style(style: str) -> dict[str, str]:
    pairs = (item.split(":", 1) for item in style.split(";") if ":" in item)
    return {key.strip().lower(): value.strip() for key, value in pairs}


def _point(text: str) -> tuple[float, float]:
    parts = [*text.split(","), "0"]
    return _twips(parts[0]), _twips(parts[1])


def _twips(text: str) -> float:
    match = _LENGTH.match(text)
    if match is None:
        return 0.0
    try:
        value = float(parse_decimal(match.group(1), -_SPAN, _SPAN))
    except NumberOutOfRange:
        return 0.0
    unit = match.group(2) or "px"
    if unit == "emu":
        return value / EMU_PER_TWIP
    return value * _TWIPS_PER_UNIT.get(unit, 15.0)

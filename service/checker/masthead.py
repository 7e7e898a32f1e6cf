"""The header block: issuer, Quốc hiệu and Tiêu ngữ, number, place and date, a công văn's
V/v lines; laid out in a table (nested or not) or with tabs and spaces."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import kinds
from .layout import columns, is_laid_out
from .metrics import line_width
from .model import Doc, Para
from .strokes import Stroke, below, shaped_anchor, stroke_under
from .text import clean, key, starts

DATE = re.compile(r"ngày.*tháng.*năm", re.IGNORECASE)
NUMBER = re.compile(r"^s[ốo]\b", re.IGNORECASE)
_REACH = 25  # paragraphs from the top searched for the header
_ZONE = 14  # paragraphs a header laid out without a table may span


@dataclass(kw_only=True)
class Masthead:
    """Where each line of the header is (None or empty when it was not found)."""

    header_table: int | None = None
    issuer: list[Para] = field(default_factory=list)
    issuer_stroke: Stroke | None = None
    national: Para | None = None
    motto: Para | None = None
    motto_stroke: Stroke | None = None
    number: Para | None = None
    subject: list[Para] = field(default_factory=list)
    date: Para | None = None
    header_end: int = 0  # index of the first paragraph after the header


def read_masthead(doc: Doc) -> Masthead:
    """Locate the header block at the top of `doc`."""
    found = Masthead()
    top = doc.paragraphs[:_REACH]
    anchor = next((p for p in top if _is_national(p) or NUMBER.match(clean(p.text))), None)
    if anchor is None:
        return found
    if anchor.cell is not None:
        table = found.header_table = anchor.cell.table
        zone = [p for p in doc.paragraphs if p.cell is not None and p.cell.table == table]
        lines = [p for p in zone if not p.empty]
        found.header_end = zone[-1].index + 1
    else:
        zone = _flow_zone(doc, anchor)
        lines = [piece for p in zone if not p.empty for piece in _pieces(p)]
        found.header_end = zone[-1].index + 1 if zone else anchor.index + 1
    _place(doc, found, lines)
    return found


def _pieces(para: Para) -> list[Para]:
    # Every line of a header without a table gets a virtual column (0 left, 1 right).
    return columns(para)


def _reach(doc: Doc, para: Para, stop: Para | None) -> list[Para]:
    """Where a line under `para` may be drawn: its column's next lines, down to `stop`."""
    if para.cell is not None and para.cell.nest >= 0:
        return below(doc, para, stop)
    last = stop.index if stop is not None else para.index + 4
    return doc.paragraphs[para.index + 1 : min(last, para.index + 4) + 1]


def _flow_zone(doc: Doc, anchor: Para) -> list[Para]:
    """The paragraphs of a header typed without a table: from the top to the last line
    before the type name, `Kính gửi` or the first paragraph of text."""
    zone: list[Para] = []
    for para in doc.paragraphs[: anchor.index + _ZONE]:
        if para.cell is not None and para.index > anchor.index:
            break
        text = clean(para.shown)
        if para.index > anchor.index and (
            kinds.by_type_line(text) or starts(text, "Kính gửi") or _is_text(para)
        ):
            break
        zone.append(para)
    while zone and zone[-1].empty:
        zone.pop()
    return zone


def _is_text(para: Para) -> bool:
    # A paragraph of running text: long, and justified or with a first-line indent.
    return len(clean(para.text)) > 90 and not is_laid_out(para)


def _is_national(para: Para) -> bool:
    return "XÃ HỘI CHỦ NGHĨA" in key(para.shown)


def _is_motto(text: str) -> bool:
    words = key(text)
    return "ĐỘC LẬP" in words or "HẠNH PHÚC" in words


def _place(doc: Doc, found: Masthead, lines: list[Para]) -> None:
    found.national = next((p for p in lines if _is_national(p)), None)
    found.number = next((p for p in lines if NUMBER.match(clean(p.text))), None)
    found.date = next((p for p in lines if DATE.search(p.text) and p is not found.number), None)
    if found.national is not None:
        found.motto = _motto(found.national, lines)
    found.issuer = _issuer(lines, found)
    found.subject = _subject(lines, found.number)
    if found.issuer:
        issuing = found.issuer[-1]
        target = 0.4 * max(line_width(p) for p in found.issuer)
        reach = _reach(doc, issuing, found.number)
        found.issuer_stroke = stroke_under(doc, issuing, target, reach) or shaped_anchor(
            found.issuer, target
        )
    if found.motto is not None and found.motto is not found.national:
        target = line_width(found.motto)
        reach = _reach(doc, found.motto, found.date)
        found.motto_stroke = stroke_under(doc, found.motto, target, reach) or shaped_anchor(
            [found.national] if found.national else [], target
        )
    elif found.motto is not None:
        found.motto_stroke = stroke_under(doc, found.motto, line_width(found.motto))


def _motto(national: Para, lines: list[Para]) -> Para | None:
    if any(_is_motto(line) for line in national.text.split("\n")[1:]):
        return national  # typed under the Quốc hiệu after a manual line break
    after = [p for p in lines if p.index > national.index and _column(p) == _column(national)]
    return after[0] if after and _is_motto(after[0].text) else None


def _column(para: Para) -> tuple[int, int] | None:
    return None if para.cell is None else (para.cell.nest, para.cell.col)


def _issuer(lines: list[Para], found: Masthead) -> list[Para]:
    """The issuer's lines: the column beside the Quốc hiệu, above the number."""
    national = found.national
    side = [p for p in lines if p.cell is not None]
    if national is not None and national.cell is not None:
        same_row = [
            p
            for p in side
            if p.cell is not None
            and p.cell.row == national.cell.row
            and p.cell.nest == national.cell.nest
            and p.cell.col != national.cell.col
        ]
        # A header laid out with tabs has a row per paragraph: take the left column's lines.
        if national.cell.nest < 0:
            same_row = [p for p in side if p.cell is not None and p.cell.col == 0]
    else:
        same_row = [p for p in side if p.cell is not None and p.cell.col == 0]
    issuer: list[Para] = []
    for para in same_row:
        text = clean(para.text)
        if NUMBER.match(text) or starts(text, "V/v") or DATE.search(text):
            break
        if _is_national(para) or _is_motto(para.text):
            continue
        issuer.append(para)
    return issuer


def _subject(lines: list[Para], number: Para | None) -> list[Para]:
    """A công văn's V/v line under the number, and the lines that continue it."""
    if number is None:
        return []
    subject: list[Para] = []
    for para in lines:
        if para.index <= number.index and para is not number:
            continue
        if para is number:
            continue
        text = clean(para.text)
        if not subject:
            if starts(text, "V/v"):
                subject.append(para)
            continue
        same_place = para.cell == subject[-1].cell or (
            para.cell is not None and subject[-1].cell is not None and para.cell.nest < 0
        )
        if not same_place or DATE.search(text) or _is_motto(text) or starts(text, "Kính gửi"):
            break
        subject.append(para)
    return subject

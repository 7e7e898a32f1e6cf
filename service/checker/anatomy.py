"""Find the parts of an administrative document: header block, title, content, closing,
appendices. Rules then judge each part; a part that is not found is itself a finding."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import spec
from .model import Doc, Para
from .text import clean, key, starts

_APPENDIX = re.compile(r"^PHỤ LỤC(\s+(SỐ\s+)?[0-9IVXLC]+)?\s*[.:]?$")
_DATE = re.compile(r"ngày.*tháng.*năm", re.IGNORECASE)
_NUMBER = re.compile(r"^s[ốo]\b", re.IGNORECASE)
_HEADER_REACH = 25  # paragraphs from the top searched for a header without a table


@dataclass(frozen=True)
class Stroke:
    """A drawn line under a line of text: a paragraph border or a line shape."""

    length: int  # twips
    para: Para  # the paragraph that carries it
    border: bool  # True for a paragraph border (its indents then centre it)


@dataclass(frozen=True)
class Appendix:
    """One appendix: its `Phụ lục` label, title lines, reference line and content."""

    label: Para
    titles: list[Para]
    reference: Para | None
    content: list[Para]


@dataclass
class Anatomy:
    """Where each part of the document is (None or empty when it was not found)."""

    doc: Doc
    kind: str | None = None
    header_table: int | None = None
    issuer: list[Para] = field(default_factory=list)
    issuer_stroke: Stroke | None = None
    national: Para | None = None
    motto: Para | None = None
    motto_stroke: Stroke | None = None
    number: Para | None = None
    subject: list[Para] = field(default_factory=list)
    date: Para | None = None
    type_name: Para | None = None
    title: list[Para] = field(default_factory=list)
    title_stroke: Stroke | None = None
    addressees: list[Para] = field(default_factory=list)
    content: list[Para] = field(default_factory=list)
    recipients_label: Para | None = None
    recipients: list[Para] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    signer: Para | None = None
    appendices: list[Appendix] = field(default_factory=list)


def dissect(doc: Doc, kind: str | None) -> Anatomy:
    """Locate every part of `doc`; `kind` (ke_hoach, cong_van) overrides detection."""
    found = Anatomy(doc=doc)
    body_start = _header(doc, found)
    start = _title(doc, found, body_start)
    found.kind = kind if kind is not None else _kind(found)
    start = _addressees(doc, found, start)
    end = _closing(doc, found, start)
    found.content = [p for p in doc.paragraphs[start:end] if p.cell is None and not p.floating]
    return found


def stroke_under(doc: Doc, para: Para, *anchors: Para) -> Stroke | None:
    """The line drawn under `para`: its bottom border or a shape in it; or, on the paragraph
    right below, a top border or a shape (a bottom border there only if it is empty); or,
    failing those, a shape anchored in one of `anchors` (Word anchors a drawn line to any
    nearby paragraph and positions it freely)."""
    stroke = _stroke(doc, para)
    if stroke is None:
        shaped = [p for p in anchors if p.shapes]
        if shaped:
            return Stroke(max(shaped[-1].shapes), shaped[-1], border=False)
    return stroke


def _stroke(doc: Doc, para: Para) -> Stroke | None:
    if para.fmt.border_bottom:
        return Stroke(_between_indents(para), para, border=True)
    if para.shapes:
        return Stroke(max(para.shapes), para, border=False)
    below = _next_in_place(doc, para)
    if below is None:
        return None
    if below.fmt.border_top or (below.empty and below.fmt.border_bottom):
        return Stroke(_between_indents(below), below, border=True)
    if below.shapes:
        return Stroke(max(below.shapes), below, border=False)
    return None


def _between_indents(para: Para) -> int:
    return max(para.width - para.fmt.left - para.fmt.right, 0)


def _next_in_place(doc: Doc, para: Para) -> Para | None:
    below = doc.next_of(para)
    if below is None or below.cell != para.cell:
        return None
    return below


def _header(doc: Doc, found: Anatomy) -> int:
    """Find the header block; return the index where the document proper begins."""
    paras = doc.paragraphs
    top = paras[:_HEADER_REACH]
    national = next((p for p in top if "XÃ HỘI CHỦ NGHĨA" in key(p.shown)), None)
    number = next((p for p in top if _NUMBER.match(clean(p.text))), None)
    anchor = national or number
    if anchor is None:
        return 0
    found.national = national
    if national is not None:
        found.motto = _motto(doc, national)
        if found.motto is not None:
            found.motto_stroke = stroke_under(doc, found.motto, national)
    if anchor.cell is None:
        zone = [p for p in top if p.cell is None]
    else:
        table = anchor.cell.table
        found.header_table = table
        zone = [p for p in paras if p.cell is not None and p.cell.table == table]
        found.issuer = _issuer(zone, national)
        if found.issuer:
            found.issuer_stroke = stroke_under(doc, found.issuer[-1], *found.issuer)
    found.number = next((p for p in zone if _NUMBER.match(clean(p.text))), None)
    number = found.number
    if number is not None:
        found.subject = [
            p
            for p in zone
            if p.index > number.index and p.cell == number.cell and starts(p.text, "V/v")
        ]
    found.date = next((p for p in zone if _DATE.search(p.text) and p is not number), None)
    if anchor.cell is not None:
        return zone[-1].index + 1
    marks = (found.national, found.motto, found.number, found.date)
    return max(p.index for p in marks if p is not None) + 1


def _motto(doc: Doc, national: Para) -> Para | None:
    if any(_is_motto(line) for line in national.text.split("\n")[1:]):
        return national  # typed under the Quốc hiệu after a manual line break
    below = doc.next_of(national)
    while below is not None and below.empty and below.cell == national.cell:
        below = doc.next_of(below)
    if below is None or below.cell != national.cell:
        return None
    return below if _is_motto(below.text) else None


def _is_motto(text: str) -> bool:
    words = key(text)
    return "ĐỘC LẬP" in words or "HẠNH PHÚC" in words


def _issuer(zone: list[Para], national: Para | None) -> list[Para]:
    # The issuer shares the Quốc hiệu's row, in the other column; without a Quốc hiệu,
    # it is the table's top-left cell.
    place = national.cell if national is not None else None
    if place is None:
        cell = [p for p in zone if p.cell and p.cell.row == 0 and p.cell.col == 0]
    else:
        cell = [p for p in zone if p.cell and p.cell.row == place.row and p.cell.col != place.col]
    lines: list[Para] = []
    for para in cell:
        if para.empty or _NUMBER.match(clean(para.text)) or starts(para.text, "V/v"):
            if lines:
                break
            continue
        lines.append(para)
    return lines


def _title(doc: Doc, found: Anatomy, start: int) -> int:
    """Find the type name and the title under it; return where the text after them starts."""
    paras = doc.paragraphs
    first = next((p for p in paras[start:] if not p.empty), None)
    if first is None or first.cell is not None or key(first.shown) not in spec.TYPE_ABBREVIATIONS:
        return start
    found.type_name = first
    for para in paras[first.index + 1 :]:
        if para.empty or para.cell is not None:
            break
        if para.fmt.align != "center" and not para.all_bold():
            break
        found.title.append(para)
        if len(found.title) == 4:
            break
    last = found.title[-1] if found.title else first
    found.title_stroke = stroke_under(doc, last, first, *found.title) if found.title else None
    end = last.index + 1
    if found.title_stroke is not None and found.title_stroke.para.empty:
        end = max(end, found.title_stroke.para.index + 1)
    return end


def _kind(found: Anatomy) -> str | None:
    if found.type_name is not None:
        name = key(found.type_name.shown)
        return next((kind for kind, label in spec.KINDS.items() if label == name), None)
    return "cong_van" if found.subject else None


def _addressees(doc: Doc, found: Anatomy, start: int) -> int:
    inked = [p for p in doc.paragraphs[start:] if not p.empty][:3]
    head = next((p for p in inked if starts(p.text, "Kính gửi")), None)
    if head is None:
        return start
    found.addressees = [head]
    for para in doc.paragraphs[head.index + 1 :]:
        if para.empty:
            continue
        if not clean(para.text).startswith(("-", "–")):
            break
        found.addressees.append(para)
    return found.addressees[-1].index + 1


def _closing(doc: Doc, found: Anatomy, start: int) -> int:
    """Find recipients, signature and appendices; return where the content ends."""
    paras = doc.paragraphs
    label = next((p for p in paras[start:] if starts(p.text, "Nơi nhận")), None)
    appendix_from = start
    if label is None:
        end = _signature_only(found, paras, start)
        appendix_from = end
    elif label.cell is None:
        end = label.index
        found.recipients_label = label
        found.recipients = _dash_lines(paras[label.index + 1 :])
        tail = found.recipients[-1].index + 1 if found.recipients else label.index + 1
        signature = _until_appendix(paras[tail:])
        _split_signature(found, signature)
        appendix_from = tail
    else:
        table = label.cell.table
        rows = [p for p in paras if p.cell is not None and p.cell.table == table]
        end = rows[0].index
        found.recipients_label = label
        found.recipients = [
            p for p in rows if p.cell == label.cell and p.index > label.index and not p.empty
        ]
        others = [p for p in rows if p.cell is not None and p.cell.col != label.cell.col]
        _split_signature(found, [p for p in others if not p.empty])
        appendix_from = rows[-1].index + 1
    found.appendices = _appendices(paras[appendix_from:])
    if found.appendices and label is None:
        end = found.appendices[0].label.index
    return end


def _signature_only(found: Anatomy, paras: list[Para], start: int) -> int:
    """Without `Nơi nhận`, find the signature by its authority line; return the content end."""
    authority = next(
        (p for p in paras[start:] if clean(p.shown).upper().startswith(spec.AUTHORITY_PREFIXES)),
        None,
    )
    if authority is None:
        return len(paras)
    if authority.cell is None:
        _split_signature(found, _until_appendix(paras[authority.index :]))
        return authority.index
    place = authority.cell
    rows = [p for p in paras if p.cell is not None and p.cell.table == place.table]
    _split_signature(found, [p for p in rows if p.cell == place and not p.empty])
    return rows[0].index


def _dash_lines(paras: list[Para]) -> list[Para]:
    lines = []
    for para in paras:
        if para.empty:
            continue
        if not clean(para.text).startswith(("-", "–")):
            break
        lines.append(para)
    return lines


def _until_appendix(paras: list[Para]) -> list[Para]:
    lines = []
    for para in paras:
        if _APPENDIX.match(key(para.text)) or para.break_before:
            break
        if not para.empty:
            lines.append(para)
    return lines


def _split_signature(found: Anatomy, lines: list[Para]) -> None:
    if lines:
        found.signature, found.signer = lines[:-1], lines[-1]


def _appendices(paras: list[Para]) -> list[Appendix]:
    labels = [p for p in paras if p.cell is None and _APPENDIX.match(key(p.text))]
    appendices = []
    for number, label in enumerate(labels):
        stop = labels[number + 1].index if number + 1 < len(labels) else None
        body = [p for p in paras if p.index > label.index and (stop is None or p.index < stop)]
        titles: list[Para] = []
        reference = None
        for para in body:
            if para.empty:
                continue
            if clean(para.text).startswith("("):
                reference = para
                break
            if para.fmt.align != "center" or len(titles) == 3:
                break
            titles.append(para)
        skip = reference.index if reference else (titles[-1].index if titles else label.index)
        content = [p for p in body if p.index > skip and p.cell is None and not p.floating]
        appendices.append(Appendix(label, titles, reference, content))
    return appendices

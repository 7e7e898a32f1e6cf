"""The closing block: `Nơi nhận:` and its lines on the left, the signature on the right;
laid out in a table (two rows, nested in a frame, or not) or with tabs and spaces."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import spec
from .layout import columns
from .model import Para
from .text import clean, is_upper, key, starts

_NUMBER = r"[0-9IVXLC]+(?:[.\-][0-9IVXLC]+)*"
_FORM = r"(?:MẪU\s+BIỂU|BIỂU\s+MẪU|BIỂU|MẪU)"
# An appendix's label: `PHỤ LỤC`, `Phụ lục 01`, `PHỤ LỤC II`.
APPENDIX = re.compile(rf"^PHỤ LỤC(?:\s+(?:SỐ\s+)?{_NUMBER})?\s*[.:]?$")
# A form's label (`Mẫu biểu số 01`): an appendix's label when it opens a new section,
# otherwise a table's caption inside an appendix (`Biểu mẫu 1` under `PHỤ LỤC`).
FORM_LABEL = re.compile(rf"^{_FORM}\s+(?:SỐ\s+)?{_NUMBER}\s*[.:]?$")


def is_appendix_label(para: Para) -> bool:
    """`PHỤ LỤC ...` anywhere, or a form's label (`Mẫu biểu số 01`) opening a section."""
    text = key(para.text)
    return bool(APPENDIX.match(text) or (para.opens_section and FORM_LABEL.match(text)))


# A copy's annotation where the signature would be: "(đã ký)", "(Ký tên, đóng dấu)".
_ANNOTATION = re.compile(r"^\(.*\)$")
# Words of a signer's title, which a name never is.
_TITLES = ("CHỦ TỊCH", "GIÁM ĐỐC", "TRƯỞNG", "PHÓ ", "VĂN PHÒNG", "BÍ THƯ", "THỦ TƯỚNG", "CHÁNH ")


@dataclass
class Signoff:
    """Where the closing block is; `start` is where the content stops."""

    start: int
    label: Para | None = None
    recipients: list[Para] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    signer: Para | None = None
    after: int = 0  # index of the first paragraph after the block (appendices start here)


def read_signoff(paras: list[Para], start: int, authorities: tuple[str, ...]) -> Signoff:
    """Find the closing block after paragraph `start`; `authorities` are signature lines
    that need no TM./KT. prefix (a decision signed by the head: "CHỦ TỊCH")."""
    label = next((p for p in paras[start:] if starts(p.text, "Nơi nhận")), None)
    if label is None:
        return _signature_only(paras, start, authorities)
    if label.cell is None:
        return _flow(paras, label)
    table = label.cell.table
    rows = [p for p in paras if p.cell is not None and p.cell.table == table]
    found = Signoff(start=rows[0].index, label=label, after=rows[-1].index + 1)
    place = label.cell
    # The label's column, down the rows below it too (a two-row closing table).
    found.recipients = [
        p
        for p in rows
        if p.cell is not None
        and (p.cell.nest, p.cell.col) == (place.nest, place.col)
        and p.index > label.index
        and not p.empty
    ]
    others = [
        p
        for p in rows
        if p.cell is not None
        and not p.empty
        and (p.cell.nest, p.cell.col) != (place.nest, place.col)
        and p.cell.row >= place.row
    ]
    found.after = _trailing(paras, found.after, others)
    _split(found, others)
    return found


def _trailing(paras: list[Para], after: int, lines: list[Para]) -> int:
    """Signature lines typed under the closing table, spaced out to the right (a name
    added after the table was made); return the index after them."""
    for para in paras[after : after + 8]:
        if para.index > 0 and paras[para.index - 1].ends_section:
            break  # a new section: an attachment or an appendix, not the signature
        if para.empty:
            continue
        if is_appendix_label(para) or para.break_before or is_upper(para.shown):
            break
        pieces = columns(para)
        if not pieces or any(p.cell is None or p.cell.col != 1 for p in pieces):
            break
        lines.extend(pieces)
        after = para.index + 1
    return after


def _flow(paras: list[Para], label: Para) -> Signoff:
    """A closing typed without a table: each line split where it jumps to the right."""
    found = Signoff(start=label.index, after=label.index + 1)
    right: list[Para] = []
    for para in _until_appendix(paras[label.index :]):
        for number, piece in enumerate(columns(para)):
            text = clean(piece.text)
            if para is label and number == 0:
                found.label = piece
            elif para is label or (piece.cell is not None and piece.cell.col == 1):
                right.append(piece)
            elif text.startswith(("-", "–")) or _is_caption(text):
                found.recipients.append(piece)
            else:
                right.append(piece)  # a signature line typed at the left or centred
        found.after = para.index + 1
    _split(found, right)
    return found


def _is_caption(text: str) -> bool:
    return text.endswith(":") and not text.startswith(("-", "–"))


def _signature_only(paras: list[Para], start: int, authorities: tuple[str, ...]) -> Signoff:
    """Without `Nơi nhận`, the signature is found by its authority line."""
    authority = next((p for p in paras[start:] if is_authority(p, authorities)), None)
    if authority is None:
        return Signoff(start=len(paras), after=len(paras))
    if authority.cell is None:
        lines = _until_appendix(paras[authority.index :])
        found = Signoff(start=authority.index, after=(lines[-1].index + 1) if lines else start)
        _split(found, [p for p in lines if not p.empty])
        return found
    place = authority.cell
    rows = [p for p in paras if p.cell is not None and p.cell.table == place.table]
    found = Signoff(start=rows[0].index, after=rows[-1].index + 1)
    _split(found, [p for p in rows if p.cell == place and not p.empty])
    return found


def is_authority(para: Para, extra: tuple[str, ...] = ()) -> bool:
    """True for a signature's authority line: TM., KT., TL., TUQ., Q. (or `extra`)."""
    text = clean(para.shown).upper()
    return text.startswith(spec.AUTHORITY_PREFIXES) or (bool(extra) and key(text) in extra)


def _until_appendix(paras: list[Para]) -> list[Para]:
    lines: list[Para] = []
    for para in paras:
        if lines and (is_appendix_label(para) or para.break_before):
            break
        lines.append(para)
        if para.break_after:
            break
    return lines


def _split(found: Signoff, lines: list[Para]) -> None:
    """Authority and title lines, then the signer's name (the last line, unless the draft
    has none yet and its last line is a title in capitals)."""
    lines = [p for p in lines if not _ANNOTATION.match(clean(p.text))]
    if not lines:
        return
    *head, last = lines
    if head and is_upper(last.shown) and any(word in key(last.shown) for word in _TITLES):
        found.signature = lines  # an unsigned draft: no name under the title yet
        return
    found.signature, found.signer = head, last

"""Find the parts of an administrative document: header block, type line and title, a
decision's opening (authority, bases, `QUYẾT ĐỊNH:`), addressees, content, closing,
appendices. Rules then judge each part; a part that is not found is itself a finding."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import kinds
from .kinds import Kind
from .masthead import Masthead, read_masthead
from .metrics import line_width
from .model import Doc, Para
from .signoff import APPENDIX, is_appendix_label, is_authority, read_signoff
from .strokes import Stroke, shaped_anchor, stroke_under
from .text import clean, is_upper, key, starts

_BASES = ("Căn cứ", "Theo đề nghị", "Xét đề nghị", "Xét tờ trình")
_TITLE_LINES = 4
# How a decision's authority line begins: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...".
_AUTHORITIES = (
    "CHỦ TỊCH",
    "ỦY BAN NHÂN DÂN",
    "HỘI ĐỒNG NHÂN DÂN",
    "BỘ TRƯỞNG",
    "THỦ TƯỚNG",
    "GIÁM ĐỐC",
    "TỔNG GIÁM ĐỐC",
    "CỤC TRƯỞNG",
    "VỤ TRƯỞNG",
    "HIỆU TRƯỞNG",
    "TRƯỞNG BAN",
    "CHÁNH VĂN PHÒNG",
)


@dataclass(frozen=True)
class Appendix:
    """One appendix: its `Phụ lục` label, title lines, reference line and content."""

    label: Para
    titles: list[Para]
    reference: Para | None
    content: list[Para]


@dataclass(frozen=True)
class Attachment:
    """A text issued with the document, printed after its signature: a plan attached to a
    decision, a regulation it issues. Its type line, title, `(Kèm theo ...)` line, content
    and an optional signoff line in the signature column."""

    type_name: Para
    titles: list[Para]
    reference: Para | None
    content: list[Para]
    signoff: list[Para]


@dataclass(kw_only=True)
class Anatomy(Masthead):
    """Where each part of the document is (None or empty when it was not found): the
    header block's lines (Masthead), then the rest."""

    doc: Doc
    kind: str | None = None
    type_name: Para | None = None
    title: list[Para] = field(default_factory=list)
    title_stroke: Stroke | None = None
    authority: Para | None = None  # a decision's "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..." line
    bases: list[Para] = field(default_factory=list)  # "Căn cứ ...;" ... "Theo đề nghị ...."
    # The bases lead into a sentence of the preamble (`... ban hành Kế hoạch ... như sau:`):
    # then their last line may end with `;` as the others do.
    bases_continue: bool = False
    decision: Para | None = None  # "QUYẾT ĐỊNH:"
    addressees: list[Para] = field(default_factory=list)
    content: list[Para] = field(default_factory=list)
    recipients_label: Para | None = None
    recipients: list[Para] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    signer: Para | None = None
    appendices: list[Appendix] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)

    @property
    def definition(self) -> Kind | None:
        """The kind's structure (type line, abbreviation, articles...)."""
        return kinds.get(self.kind)


def dissect(doc: Doc, kind: str | None) -> Anatomy:
    """Locate every part of `doc`; `kind` (an id of kinds.KINDS) overrides detection."""
    found = Anatomy(doc=doc, **vars(read_masthead(doc)))
    start = _title(doc, found, found.header_end)
    found.kind = kind if kind is not None else _kind(found)
    start = _opening(doc, found, start)
    start = _addressees(doc, found, start)
    definition = found.definition
    signers = (key(definition.name or ""),) if definition and definition.decision else ()
    closing = read_signoff(doc.paragraphs, start, _heads(signers))
    found.recipients_label, found.recipients = closing.label, closing.recipients
    found.signature, found.signer = closing.signature, closing.signer
    found.attachments, after = _attachments(doc.paragraphs, closing.after)
    found.appendices = _appendices(doc.paragraphs[after:])
    end = closing.start
    if found.appendices and closing.label is None and not closing.signature:
        end = found.appendices[0].label.index
    skipped = {id(p) for p in (found.authority, found.decision) if p is not None}
    found.content = [
        p
        for p in doc.paragraphs[start:end]
        if p.cell is None and not p.floating and id(p) not in skipped
    ]
    return found


def _heads(decisions: tuple[str, ...]) -> tuple[str, ...]:
    # A decision signed by the head in person has no TM./KT. line: its title opens the block.
    return ("CHỦ TỊCH", "GIÁM ĐỐC", "BỘ TRƯỞNG", "THỦ TRƯỞNG") if decisions else ()


def _inked(doc: Doc, start: int) -> Para | None:
    return next((p for p in doc.paragraphs[start:] if not p.empty), None)


def _title(doc: Doc, found: Anatomy, start: int) -> int:
    """Find the type line and the title under it; return where the text after them starts."""
    first = _inked(doc, start)
    if first is None or first.cell is not None:
        return start
    if kinds.by_type_line(first.shown) is None and not _looks_like_type_line(first):
        return start
    found.type_name = first
    for para in doc.paragraphs[first.index + 1 : first.index + 1 + 2 * _TITLE_LINES]:
        text = clean(para.text)
        if para.empty or para.cell is not None or starts(text, *_BASES, "Kính gửi"):
            break
        if para.fmt.align != "center" and not para.all_bold():
            break
        if found.title and is_upper(para.shown) and key(para.shown).startswith(_AUTHORITIES):
            break  # a decision's authority line right under its title, with no rule between
        found.title.append(para)
        # The short rule under the title ends it (what follows may be centred and bold too).
        if para.fmt.border_bottom or para.shapes or len(found.title) == _TITLE_LINES:
            break
    if not found.title:
        return first.index + 1
    last = found.title[-1]
    target = 0.4 * max(line_width(p) for p in found.title)
    below = doc.paragraphs[last.index + 1 : last.index + 3]
    reach = [p for p in below if p.empty or p.shapes][:1]
    found.title_stroke = stroke_under(doc, last, target, reach) or shaped_anchor(
        [first, *found.title], target
    )
    end = last.index + 1
    if found.title_stroke is not None and found.title_stroke.para.empty:
        end = max(end, found.title_stroke.para.index + 1)
    return end


def _looks_like_type_line(para: Para) -> bool:
    """A type line the decree does not list (PHIẾU TRÌNH, ĐIỀU LỆ): short, centred, bold,
    in capitals. The document is then of no known type, not a công văn."""
    text = clean(para.shown)
    words = len(text.split())
    return 1 <= words <= 4 and para.fmt.align == "center" and para.all_bold() and is_upper(text)


def _kind(found: Anatomy) -> str | None:
    if found.type_name is not None:
        definition = kinds.by_type_line(found.type_name.shown)
        return definition.id if definition else None
    # A document with a header and no type line is a công văn, with or without its V/v.
    has_header = found.national is not None or found.number is not None
    return "cong_van" if has_header else None


def _opening(doc: Doc, found: Anatomy, start: int) -> int:
    """A decision's authority line, its bases and the `QUYẾT ĐỊNH:` line; for other
    types, a preamble of legal bases. Return where the content starts."""
    definition = found.definition
    paras = [p for p in doc.paragraphs[start : start + 60] if not p.empty and p.cell is None]
    if definition is not None and definition.decision is not None:
        decision = next((p for p in paras if _is_decision(p, definition.decision)), None)
        if decision is not None:
            ahead = [p for p in paras if p.index < decision.index]
            if ahead and not starts(ahead[0].text, *_BASES) and _is_centred_line(ahead[0]):
                found.authority = ahead.pop(0)
            found.bases = [p for p in ahead if starts(p.text, *_BASES)]
            found.decision = decision
            return decision.index + 1
    bases: list[Para] = []
    following: Para | None = None
    for para in paras:
        if starts(para.text, "Kính gửi") and not bases:
            continue
        if not starts(para.text, *_BASES):
            following = para
            break
        bases.append(para)
    # A single "Căn cứ ..." sentence is ordinary text; a block of them is a preamble.
    if len(bases) >= 2 and sum(starts(p.text, "Căn cứ") for p in bases) >= 2:
        found.bases = bases
        found.bases_continue = following is not None and following.text.rstrip().endswith(":")
    return start


def _is_decision(para: Para, line: str) -> bool:
    text = key(para.shown)
    return text in (line, line.rstrip(":")) or text.replace(" :", ":") == line


def _is_centred_line(para: Para) -> bool:
    return para.fmt.align == "center" or (is_upper(para.shown) and para.all_bold())


def _addressees(doc: Doc, found: Anatomy, start: int) -> int:
    inked = [p for p in doc.paragraphs[start:] if not p.empty][:3]
    head = next((p for p in inked if starts(p.text, "Kính gửi")), None)
    if head is None:
        return start
    found.addressees = [head]
    if head.cell is not None:
        # "Kính gửi:" in a table cell, the addressees in the cell beside it.
        beside = [
            p
            for p in doc.paragraphs
            if p.cell is not None
            and p.cell.table == head.cell.table
            and p.cell != head.cell
            and not p.empty
        ]
        found.addressees += beside
        rows = [p for p in doc.paragraphs if p.cell is not None and p.cell.table == head.cell.table]
        return rows[-1].index + 1
    for para in doc.paragraphs[head.index + 1 :]:
        if para.empty:
            continue
        if not clean(para.text).startswith(("-", "–")):
            break
        found.addressees.append(para)
    return found.addressees[-1].index + 1


def _attachments(paras: list[Para], start: int) -> tuple[list[Attachment], int]:
    """Texts issued with the document after its signature; return them and where the
    appendices may start."""
    found: list[Attachment] = []
    while True:
        head = next((p for p in paras[start:] if not p.empty), None)
        if head is None or head.cell is not None or is_appendix_label(head):
            return found, start
        if head.fmt.align != "center" or not (head.all_bold() or is_upper(head.shown)):
            return found, start
        lines = [p for p in paras[head.index + 1 : head.index + 12] if not p.empty][:6]
        reference = next((p for p in lines if _is_reference(p)), None)
        if reference is None:
            return found, start
        titles = [p for p in lines if p.index < reference.index]
        end = next(
            (p.index for p in paras[reference.index + 1 :] if is_appendix_label(p)),
            len(paras),
        )
        body = [p for p in paras[reference.index + 1 : end] if p.cell is None and not p.floating]
        signoff = _signoff(body)
        signed = {id(p) for p in signoff}
        content = [p for p in body if id(p) not in signed]
        found.append(Attachment(head, titles, reference, content, signoff))
        start = end


def _is_reference(para: Para) -> bool:
    text = clean(para.text).casefold()
    return text.startswith("(") and "kèm theo" in text


def _signoff(body: list[Para]) -> list[Para]:
    """The bold line(s) set in the signature column under an attachment's last paragraph."""
    inked = [p for p in body if not p.empty]
    tail: list[Para] = []
    for para in reversed(inked):
        if para.all_bold() and para.fmt.align in ("center", "right", "end") and len(tail) < 3:
            tail.insert(0, para)
            continue
        break
    return tail if len(tail) < len(inked) else []


def _appendices(paras: list[Para]) -> list[Appendix]:
    labels = [p for p in paras if p.cell is None and is_appendix_label(p)]
    # Under a `PHỤ LỤC`, a form's label (`Biểu mẫu 1`) captions one of its tables.
    if any(APPENDIX.match(key(p.text)) for p in labels):
        labels = [p for p in labels if APPENDIX.match(key(p.text))]
    base = paras[0].index if paras else 0
    appendices = []
    for number, label in enumerate(labels):
        stop = labels[number + 1].index if number + 1 < len(labels) else base + len(paras)
        body = paras[label.index - base + 1 : stop - base]
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


__all__ = ["Anatomy", "Appendix", "Stroke", "dissect", "is_authority"]

"""build_context(document): the one pure function from the domain model to template variables."""

from __future__ import annotations

from typing import Any

from service.plan import Document, DocumentType, Letter, Plan, Signer
from service.rendering import page
from service.rendering.blocks import Block, Kind
from service.rendering.body import appendix_blocks, issuer_in_text, letter_blocks, plan_blocks
from service.rendering.layout import break_lines, short_rule
from service.vietnamese import (
    TYPE_ABBREVIATIONS,
    document_number,
    letter_symbol,
    long_date,
    plan_symbol,
)

TYPE_NAMES = {DocumentType.PLAN: "Kế hoạch", DocumentType.LETTER: "Công văn"}
_HEADER_BOX_MM = page.cell_text_width_mm(page.HEADER_LEFT_MM)
_TITLE_BOX_MM = page.TEXT_WIDTH_MM


def build_context(document: Document) -> dict[str, Any]:
    """Everything the DOCX template prints, computed once, with no I/O."""
    issuer_lines = break_lines(
        document.issuer.name.upper(), _HEADER_BOX_MM, page.HEADER_PT, bold=True
    )
    parent_lines = break_lines(
        (document.issuer.parent or "").upper(), _HEADER_BOX_MM, page.HEADER_PT
    )
    title_lines = [line.strip() for line in document.title.split("\n") if line.strip()]
    context: dict[str, Any] = {
        "parent_lines": parent_lines,
        "issuer_lines": issuer_lines,
        "issuer_rule": short_rule(issuer_lines, _HEADER_BOX_MM, page.HEADER_PT, bold=True),
        "number": f"{document_number(document.number)}/{symbol(document)}",
        "date_line": f"{document.place}, {long_date(document.date)}",
        "title_lines": title_lines,
        "title_rule": short_rule(title_lines, _TITLE_BOX_MM, page.BODY_PT, bold=True),
        "blocks": _all_blocks(document),
        "recipients_label": document.recipients_label,
        "recipients": recipient_lines(document),
        "signer_lines": signer_lines(document.signer),
        "signer_name": document.signer.name,
        "properties": {
            "title": " ".join(document.title.split()),
            "author": " ".join(document.issuer.name.split()),
            "subject": f"{TYPE_NAMES[document.type]} {context_number(document)}",
            # LibreOffice copies these into the PDF's Info and XMP (docs/pdf.md).
            "keywords": keywords(
                TYPE_NAMES[document.type], document.place, "Nghị định 30/2020/NĐ-CP"
            ),
        },
    }
    if isinstance(document, Letter):
        context["subject_lines"] = [f"V/v {title_lines[0]}", *title_lines[1:]]
        context["addressee"] = _single_addressee(document)
        context["addressees"] = _addressee_lines(document)
    return context


def keywords(*phrases: str) -> str:
    """`Kế hoạch, TP. Bắc Kạn`, each phrase held together by no-break spaces."""
    # LibreOffice splits a DOCX's keywords at every space, comma or semicolon and joins
    # them with commas in the PDF; no-break spaces keep each phrase one keyword.
    return ", ".join("\u00a0".join(phrase.split()) for phrase in phrases)


def symbol(document: Document) -> str:
    """The part after the slash: `KH-UBND`, `UBND-LĐTBXH`, or the plan's own override."""
    if document.symbol:
        return document.symbol
    if document.type is DocumentType.LETTER:
        return letter_symbol(document.issuer.abbreviation, document.drafting_unit)
    return plan_symbol(TYPE_ABBREVIATIONS[document.type.value], document.issuer.abbreviation)


def context_number(document: Document) -> str:
    """`số 231/KH-UBND` or, before numbering, `số      /KH-UBND`."""
    return f"số {document_number(document.number)}/{symbol(document)}"


def appendix_reference(document: Document) -> str:
    """`(Kèm theo Kế hoạch số 125/KH-UBND ngày 17 tháng 4 năm 2024 của Ủy ban nhân dân ...)`."""
    return (
        f"(Kèm theo {TYPE_NAMES[document.type]} {context_number(document)} "
        f"{long_date(document.date)} của {issuer_in_text(document)})"
    )


def recipient_lines(document: Document) -> list[str]:
    """`- X;` lines, `- Như trên;` first for a công văn, `- Lưu: VT, <unit>.` last."""
    lines = [_strip_marks(r) for r in document.recipients]
    lines = [line for line in lines if line]
    if document.type is DocumentType.LETTER and not any(
        line.lower().startswith("như trên") for line in lines
    ):
        lines.insert(0, "Như trên")
    archive = [line for line in lines if line.startswith("Lưu")]
    lines = [line for line in lines if not line.startswith("Lưu")]
    if not archive:
        units = ", ".join(filter(None, ("VT", document.drafting_unit)))
        archive = [f"Lưu: {units}"]
    lines.extend(archive)
    return [f"- {line}{'.' if i == len(lines) - 1 else ';'}" for i, line in enumerate(lines)]


def signer_lines(signer: Signer) -> list[str]:
    """Authority lines and title in capitals: `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, ..."""
    lines = []
    if signer.collective:
        lines.append(f"TM. {signer.collective}")
    title = signer.title
    if signer.mode is not None and signer.mode.needs_head:
        lines.append(f"{signer.mode.value}. {signer.head}")
    elif signer.mode is not None:
        title = f"{signer.mode.value}. {title}"
    lines.append(title)
    return [" ".join(line.split()).upper() for line in lines]


def _all_blocks(document: Document) -> list[Block]:
    if isinstance(document, Plan):
        blocks = plan_blocks(document)
    else:
        assert isinstance(document, Letter)
        blocks = letter_blocks(document)
    blocks.append(Block(Kind.CLOSING_BLOCK))
    reference = appendix_reference(document)
    for n, appendix in enumerate(document.appendices, 1):
        blocks.extend(appendix_blocks(appendix, n, reference))
    return blocks


def _single_addressee(letter: Letter) -> str | None:
    if len(letter.addressees) != 1:
        return None
    return _strip_marks(letter.addressees[0]) + "."


def _addressee_lines(letter: Letter) -> list[str]:
    names = [_strip_marks(a) for a in letter.addressees]
    return [f"- {n}{'.' if i == len(names) - 1 else ';'}" for i, n in enumerate(names)]


def _strip_marks(line: str) -> str:
    """A list line without the dash and end punctuation the service adds itself."""
    line = " ".join(line.split())
    if line.startswith("- "):
        line = line[2:]
    return line.rstrip(" ;.,")

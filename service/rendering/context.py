"""build_context(document): the one pure function from the domain model to template variables.

It is format-neutral: the blocks carry rich text and tables as the model has them; the
DOCX adapter (`service.rendering.wordml`) and the HTML preview each print them.
"""

from __future__ import annotations

from typing import Any

from service.documents.registry import DocumentKind, kind_of
from service.model import Document, Signer
from service.rendering import page
from service.rendering.blocks import Block
from service.rendering.layout import break_lines, short_rule
from service.rendering.parts import appendix_blocks, issuer_in_text, lines, list_line
from service.vietnamese import document_number, long_date

_HEADER_BOX_MM = page.cell_text_width_mm(page.HEADER_LEFT_MM)


def build_context(document: Document) -> dict[str, Any]:
    """Everything the templates print, computed once, with no I/O."""
    kind = kind_of(document)
    issuer_lines = break_lines(
        document.issuer.name.upper(), _HEADER_BOX_MM, page.HEADER_PT, bold=True
    )
    parent_lines = break_lines(
        (document.issuer.parent or "").upper(), _HEADER_BOX_MM, page.HEADER_PT
    )
    return {
        "parent_lines": parent_lines,
        "issuer_lines": issuer_lines,
        "issuer_rule": short_rule(issuer_lines, _HEADER_BOX_MM, page.HEADER_PT, bold=True),
        "number": f"{document_number(document.number)}/{kind.symbol(document)}",
        "date_line": f"{document.place}, {long_date(document.date)}",
        "subject_lines": [],
        "blocks": _all_blocks(document, kind),
        "recipients_label": document.recipients_label,
        "recipients": recipient_lines(document, kind),
        "signer_lines": signer_lines(document.signer),
        "signer_name": document.signer.name,
        "properties": {
            "title": " ".join(document.title.split()),
            "author": " ".join(document.issuer.name.split()),
            "subject": f"{kind.name} {context_number(document)}",
            # LibreOffice copies these into the PDF's Info and XMP (docs/pdf.md).
            "keywords": keywords(kind.name, document.place, "Nghị định 30/2020/NĐ-CP"),
        },
        **kind.extra(document),
    }


def keywords(*phrases: str) -> str:
    """`Kế hoạch, TP. Bắc Kạn`, each phrase held together by no-break spaces."""
    # LibreOffice splits a DOCX's keywords at every space, comma or semicolon and joins
    # them with commas in the PDF; no-break spaces keep each phrase one keyword.
    return ", ".join("\u00a0".join(phrase.split()) for phrase in phrases)


def symbol(document: Document) -> str:
    """The part after the slash: `KH-UBND`, `UBND-LĐTBXH`, or the document's own."""
    return kind_of(document).symbol(document)


def context_number(document: Document) -> str:
    """`số 231/KH-UBND` or, before numbering, `số      /KH-UBND`."""
    return f"số {document_number(document.number)}/{symbol(document)}"


def appendix_reference(document: Document) -> str:
    """`(Kèm theo Kế hoạch số 125/KH-UBND ngày 17 tháng 4 năm 2024 của Ủy ban nhân dân ...)`."""
    kind = kind_of(document)
    by = (kind.issued_by or issuer_in_text)(document)
    return f"(Kèm theo {kind.name} {context_number(document)} {long_date(document.date)} của {by})"


def recipient_lines(document: Document, kind: DocumentKind) -> list[str]:
    """`- X;` lines, `- Như trên;` first for a công văn, `- Lưu: VT, <unit>.` last."""
    entries = [list_line(r) for r in document.recipients]
    entries = [line for line in entries if line]
    first = kind.first_recipient
    if first and not any(line.lower().startswith(first.lower()) for line in entries):
        entries.insert(0, first)
    archive = [line for line in entries if line.startswith("Lưu")]
    entries = [line for line in entries if not line.startswith("Lưu")]
    if not archive:
        units = ", ".join(filter(None, ("VT", document.drafting_unit)))
        archive = [f"Lưu: {units}"]
    entries.extend(archive)
    return [f"- {line}{'.' if i == len(entries) - 1 else ';'}" for i, line in enumerate(entries)]


def signer_lines(signer: Signer) -> list[str]:
    """Authority lines and title in capitals: `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, ..."""
    out = []
    if signer.collective:
        out.append(f"TM. {signer.collective}")
    title = signer.title
    if signer.mode is not None and signer.mode.needs_head:
        out.append(f"{signer.mode.value}. {signer.head}")
    elif signer.mode is not None:
        title = f"{signer.mode.value}. {title}"
    out.append(title)
    return [" ".join(line.split()).upper() for line in out]


def _all_blocks(document: Document, kind: DocumentKind) -> list[Block]:
    blocks = kind.body(document)
    reference = appendix_reference(document)
    for n, appendix in enumerate(document.appendices, 1):
        blocks.extend(appendix_blocks(appendix, n, reference))
    return blocks


__all__ = ["build_context", "context_number", "lines", "symbol"]

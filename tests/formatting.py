"""Effective formatting of a run or paragraph, resolved through styles and document defaults."""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run


def _chain(style: Any) -> list[Any]:
    chain = []
    while style is not None:
        chain.append(style)
        style = style.base_style
    return chain


def _defaults(document: DocxDocument) -> Any:
    return document.styles.element.find(qn("w:docDefaults"))


def run_font(document: DocxDocument, paragraph: Paragraph, run: Run) -> dict[str, Any]:
    """name (ascii and hAnsi slots), size in pt, bold and italic as Word would apply them."""
    sources = [run.font]
    if run.style is not None and run.style.name != "Default Paragraph Font":
        sources += [s.font for s in _chain(run.style)]
    sources += [s.font for s in _chain(paragraph.style)]

    def first(attribute: str) -> Any:
        for font in sources:
            value = getattr(font, attribute)
            if value is not None:
                return value
        return None

    elements = [run._r]
    if run.style is not None and run.style.name != "Default Paragraph Font":
        elements += [s.element for s in _chain(run.style)]
    elements += [s.element for s in _chain(paragraph.style)]

    def slot(name: str) -> str | None:
        for element in elements:
            rpr = element.rPr
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            if fonts is not None and fonts.get(qn(f"w:{name}")):
                return str(fonts.get(qn(f"w:{name}")))
        defaults = _defaults(document).find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
        return None if defaults is None else defaults.get(qn(f"w:{name}"))

    size = first("size")
    return {
        "ascii": slot("ascii"),
        "hAnsi": slot("hAnsi"),
        "size": size.pt if size is not None else None,
        "bold": bool(first("bold")),
        "italic": bool(first("italic")),
    }


def paragraph_format(paragraph: Paragraph, attribute: str) -> Any:
    """A paragraph format attribute (alignment, first_line_indent, space_after...) resolved."""
    value = getattr(paragraph.paragraph_format, attribute)
    if value is not None:
        return value
    for style in _chain(paragraph.style):
        value = getattr(style.paragraph_format, attribute)
        if value is not None:
            return value
    return None

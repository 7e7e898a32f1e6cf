"""The one use case every way in shares: a validated document in, DOCX or PDF bytes out."""

from __future__ import annotations

from service.errors import ConverterUnavailable
from service.model import Document
from service.rendering import Renderer
from service.rendering.pdf import Converter

FORMATS = ("docx", "pdf")


def produce(
    document: Document,
    fmt: str,
    renderer: Renderer,
    converter: Converter | None,
    *,
    pdfa: bool = False,
) -> bytes:
    """The document as DOCX, or as the PDF of exactly that DOCX."""
    docx = renderer.render_docx(document)
    if fmt == "docx":
        return docx
    if converter is None:
        raise ConverterUnavailable("no PDF converter is configured")
    # LibreOffice writes the DOCX's core properties (title = trích yếu, author = issuing
    # body, subject, keywords) into the PDF's Info and XMP: no second pass (docs/pdf.md).
    return converter.convert(docx, pdfa=pdfa)

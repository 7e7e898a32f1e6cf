"""The one use case every way in shares: a validated document in, DOCX or PDF bytes out."""

from __future__ import annotations

import datetime as dt

from service.documents.registry import kind_of
from service.errors import ConverterUnavailable
from service.model import Document
from service.rendering import Renderer
from service.rendering.context import context_number
from service.rendering.pdf import Converter, PdfMetadata, set_metadata

FORMATS = ("docx", "pdf")


def pdf_metadata(document: Document) -> PdfMetadata:
    """Title = trích yếu, author = issuing body, subject = type and number."""
    name = kind_of(document).name
    return PdfMetadata(
        title=" ".join(document.title.split()),
        author=" ".join(document.issuer.name.split()),
        subject=f"{name} {context_number(document)}".strip(),
        keywords=(name, document.place, "Nghị định 30/2020/NĐ-CP"),
        created=dt.datetime.now(dt.UTC),
    )


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
    return set_metadata(converter.convert(docx, pdfa=pdfa), pdf_metadata(document))

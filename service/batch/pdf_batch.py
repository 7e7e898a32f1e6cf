"""Communes' PDFs for a batch: LibreOffice's own metadata and page count, joined when it pays.

`commune_pdf` is what the worker calls per row: the converter's PDF as it is (the DOCX's
core properties are its title, author, subject and keywords) with the page count the
converter knows. `commune_pdfs` converts a block of a district's communes in one
LibreOffice load (service.rendering.pdf.grouped), falling back to one by one for
PDF/A, for a converter other than the pool, or for documents that cannot be joined;
bench.batch_pdf_bench measures it. Nothing here touches leases or storage.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader

from service.rendering.pdf import Converted, Converter, LibreOfficePool, convert_counted, uncached
from service.rendering.pdf.grouped import convert_group
from service.rendering.pdf.streaming import StreamingMerger


def commune_pdf(converter: Converter, docx: bytes, *, pdfa: bool = False) -> Converted:
    """One commune's PDF and its page count, with no second pass over the PDF."""
    return convert_counted(uncached(converter), docx, pdfa=pdfa)


def commune_pdfs(
    converter: Converter,
    documents: Sequence[bytes],
    *,
    pdfa: bool = False,
    merged: StreamingMerger | None = None,
    titles: Sequence[str] = (),
) -> list[Converted]:
    """Every commune's PDF in order, from one joint conversion where possible; with
    `merged`, each is also appended to it under its title."""
    pool = uncached(converter)
    if isinstance(pool, LibreOfficePool) and not pdfa:
        return convert_group(pool, documents, merged, titles)
    parts = [convert_counted(pool, docx, pdfa=pdfa) for docx in documents]
    if merged is not None:
        for title, part in zip(titles, parts, strict=True):
            merged.add(title, PdfReader(io.BytesIO(part.pdf)))
    return parts

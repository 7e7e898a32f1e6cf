"""pypdf on converted PDFs: document metadata, the page count, and merging with an outline."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from service.errors import ConversionError

from .streaming import StreamingMerger
from .xmp import XmpFields, xmp_packet


@dataclass(frozen=True)
class PdfMetadata:
    """What a reader's "Document properties" shows: title = trích yếu, author = issuing body."""

    title: str
    author: str
    subject: str = ""
    keywords: Sequence[str] = ()
    created: datetime | None = None


def pdf_date(moment: datetime) -> str:
    """A PDF date string, D:YYYYMMDDHHmmSS+HH'mm' (no offset for a naive datetime)."""
    text = moment.strftime("D:%Y%m%d%H%M%S")
    offset = moment.utcoffset()
    if offset is None:
        return text
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"{text}{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def _reader(pdf: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(pdf))
        if len(reader.pages) == 0:
            raise ConversionError("the PDF has no pages")
    except PyPdfError as exc:
        raise ConversionError(f"the PDF cannot be read: {exc}") from exc
    return reader


def page_count(pdf: bytes) -> int:
    """The number of pages; ConversionError if the PDF is unreadable or empty."""
    return len(_reader(pdf).pages)


def _original_created(original: Any) -> datetime | None:
    """LibreOffice's creation date, or None when pypdf cannot parse it."""
    try:
        return original.creation_date if original is not None else None
    except (ValueError, PyPdfError):  # a UTC machine gives `D:...Z'`, which pypdf refuses
        return None


def set_metadata(pdf: bytes, meta: PdfMetadata) -> bytes:
    """The PDF with its Info dictionary, and XMP packet if it has one, set to `meta`."""
    # An incremental update: LibreOffice's bytes stay as they are and a PDF/A stays
    # PDF/A, its XMP rewritten from the same values as Info (PDF/A wants them to agree).
    # Without `meta.created` the creation date LibreOffice wrote is kept.
    reader = _reader(pdf)
    original = reader.metadata
    created = meta.created or _original_created(original)
    created = created.replace(microsecond=0) if created is not None else None
    keywords = ", ".join(meta.keywords)
    writer = PdfWriter(reader, incremental=True)
    info = {"/Title": meta.title, "/Author": meta.author, "/Subject": meta.subject}
    info["/Keywords"] = keywords
    if created is not None:
        info["/CreationDate"] = pdf_date(created)
    writer.add_metadata(info)
    xmp = reader.xmp_metadata
    if xmp is not None:
        fields = XmpFields(
            title=meta.title,
            author=meta.author,
            subject=meta.subject,
            keywords=keywords,
            producer=str(original.producer or "") if original is not None else "",
            creator_tool=str(original.creator or "") if original is not None else "",
            created=created,
            pdfa_part=xmp.pdfaid_part or "",
            pdfa_conformance=xmp.pdfaid_conformance or "",
        )
        writer.xmp_metadata = xmp_packet(fields)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def merge_to(parts: Iterable[tuple[str, bytes]], out: BinaryIO) -> int:
    """Write the parts as one PDF to `out`, an outline entry per part; returns the page count."""
    # Parts may come from a generator and each is copied to `out` object by object
    # (streaming.py): memory stays flat however many parts there are.
    merger = StreamingMerger(out)
    for title, pdf in parts:
        merger.add(title, _reader(pdf))
    if not merger.pages:
        raise ConversionError("nothing to merge")
    return merger.finish()


def merge(parts: list[tuple[str, bytes]]) -> bytes:
    """One PDF of all parts, with an outline (bookmark) entry titled after each part."""
    out = io.BytesIO()
    merge_to(parts, out)
    return out.getvalue()

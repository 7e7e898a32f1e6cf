"""The DOCX -> PDF converter port, and an in-memory fake that stands in for it in unit tests."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Protocol

from pypdf import PdfWriter

from service.errors import ConversionError, ConverterUnavailable

from .postprocess import page_count

A4_POINTS = (595.28, 841.89)


@dataclass(frozen=True)
class Converted:
    """A PDF and its number of pages, as the converter laid them out."""

    pdf: bytes
    pages: int


class Converter(Protocol):
    """Turns a DOCX into a PDF; implementations are safe to call from many threads."""

    def convert(self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
        """The PDF of `docx` (PDF/A-2b if `pdfa`), `timeout` seconds an attempt (None: default)."""
        # Raises ConversionTimeout, ConverterUnavailable (ConverterBusy when the queue is
        # full, with retry_after) or ConversionError, all from service.errors.
        ...

    def close(self) -> None:
        """Release every resource; later calls to convert raise ConverterUnavailable."""
        ...


def convert_counted(
    converter: Converter, docx: bytes, *, pdfa: bool = False, timeout: float | None = None
) -> Converted:
    """The PDF with its page count: from the converter when it knows it, else read by pypdf."""
    counted = getattr(converter, "convert_counted", None)
    if counted is not None:
        result: Converted = counted(docx, pdfa=pdfa, timeout=timeout)
        return result
    pdf = converter.convert(docx, pdfa=pdfa, timeout=timeout)
    return Converted(pdf, page_count(pdf))


@dataclass
class FakeConverter:
    """A Converter in memory: blank A4 pages, every call recorded, failures on demand."""

    pages: int = 1
    fail_with: ConversionError | None = None
    calls: list[tuple[bytes, bool, float | None]] = field(default_factory=list)
    closed: bool = False

    def convert(self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
        """Record the call, then raise `fail_with` or return a PDF of `pages` blank pages."""
        if self.closed:
            raise ConverterUnavailable("the converter is closed")
        self.calls.append((docx, pdfa, timeout))
        if self.fail_with is not None:
            raise self.fail_with
        writer = PdfWriter()
        for _ in range(self.pages):
            writer.add_blank_page(*A4_POINTS)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()

    def close(self) -> None:
        """Refuse any later conversion, as the real pool does."""
        self.closed = True

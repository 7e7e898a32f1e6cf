"""Reading a rendered DOCX back with python-docx, the way an officer's Word would show it."""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.document import Document as DocxDocument
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph


def open_docx(data: bytes) -> DocxDocument:
    """python-docx's view of the bytes."""
    return docx.Document(io.BytesIO(data))


def paragraphs(container: DocxDocument | _Cell) -> Iterator[Paragraph]:
    """Every paragraph in reading order, table cells row by row, left to right."""
    for element in container.iter_inner_content():
        if isinstance(element, Paragraph):
            yield element
        elif isinstance(element, Table):
            for row in element.rows:
                for cell in row.cells:
                    yield from paragraphs(cell)


def printed_lines(data: bytes) -> list[str]:
    """The text of every non-empty paragraph."""
    return [p.text for p in paragraphs(open_docx(data)) if p.text.strip()]

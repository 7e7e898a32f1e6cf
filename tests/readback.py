"""Reading a rendered DOCX back with python-docx, the way an officer's Word would show it.

Conventions of the read-back text (the expected files in `tests/fixtures/expected` use them):
- table cells row by row, left to right; a merged cell is read once, where it starts
  (python-docx's `row.cells` repeats it for every grid column and row it covers);
- a footnote's reference mark reads `[n]`, n counted in document order as Word numbers
  them; the footnotes' texts follow the document's last line, each as `[n] text`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import docx
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree

FOOTNOTES_PART = "/word/footnotes.xml"


def open_docx(data: bytes) -> DocxDocument:
    """python-docx's view of the bytes."""
    return docx.Document(io.BytesIO(data))


def cells(table: Table) -> Iterator[_Cell]:
    """A table's cells row by row, left to right, each merged cell once."""
    for row in table.rows:
        for tc in row._tr.tc_lst:
            merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
            if merge is not None and merge.get(qn("w:val"), "continue") == "continue":
                continue  # the lower part of a cell merged down from the row above
            yield _Cell(tc, table)


def paragraphs(container: DocxDocument | _Cell) -> Iterator[Paragraph]:
    """Every paragraph in reading order, table cells row by row, left to right."""
    for element in container.iter_inner_content():
        if isinstance(element, Paragraph):
            yield element
        elif isinstance(element, Table):
            for cell in cells(element):
                yield from paragraphs(cell)


def paragraph_text(paragraph: Paragraph, numbers: dict[str, int]) -> str:
    """The paragraph's text with each footnote mark as `[n]` (new ids get the next n)."""
    out = []
    for run in paragraph._p.iter(qn("w:r")):
        ref = run.find(qn("w:footnoteReference"))
        if ref is not None:
            number = numbers.setdefault(str(ref.get(qn("w:id"))), len(numbers) + 1)
            out.append(f"[{number}]")
        else:
            out.append(Run(run, paragraph).text)
    return "".join(out)


def footnote_texts(document: DocxDocument) -> dict[str, str]:
    """Each footnote's text by id, without its own mark (separators left out)."""
    part = next(
        (p for p in document.part.package.iter_parts() if p.partname == FOOTNOTES_PART), None
    )
    if part is None:
        return {}
    root = etree.fromstring(part.blob)
    texts = {}
    for note in root.iter(qn("w:footnote")):
        if note.get(qn("w:type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        lines = ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in note.iter(qn("w:p"))]
        texts[str(note.get(qn("w:id")))] = "\n".join(lines).strip()
    return texts


def printed_lines(data: bytes) -> list[str]:
    """The text of every non-empty paragraph, then the footnotes as `[n] text`."""
    document = open_docx(data)
    numbers: dict[str, int] = {}
    lines = [paragraph_text(p, numbers) for p in paragraphs(document)]
    notes = footnote_texts(document) if numbers else {}
    ordered = sorted(numbers.items(), key=lambda item: item[1])
    return [line for line in lines if line.strip()] + [
        f"[{n}] {notes[note_id]}" for note_id, n in ordered
    ]

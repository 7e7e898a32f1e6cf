"""Reading PDFs back with pypdf for assertions: text, fonts and where text sits on a page."""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import Any, cast

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


@dataclass(frozen=True)
class Font:
    """A font resource of the PDF: its PostScript name and whether its glyphs are inside."""

    name: str
    subtype: str
    embedded: bool


@dataclass(frozen=True)
class Fragment:
    """A piece of text as pypdf visits it, with its baseline height from the page bottom."""

    text: str
    y: float


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def words(text: str) -> list[str]:
    """NFC-normalised words: the form in which DOCX and PDF text must be equal."""
    return unicodedata.normalize("NFC", text).split()


def _font_embedded(font: DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # its glyphs are content streams inside the PDF
    if font.get("/Subtype") == "/Type0":
        descendants = cast(ArrayObject, font["/DescendantFonts"].get_object())
        font = cast(DictionaryObject, descendants[0].get_object())
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    return any(key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _collect_fonts(resources: Any, found: dict[str, Font]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    for ref in resources.get("/Font", {}).values():
        font = ref.get_object()
        name = str(font.get("/BaseFont", "?")).lstrip("/")
        found[name] = Font(name, str(font.get("/Subtype")), _font_embedded(font))
    # Fonts can also hide in form XObjects (LibreOffice uses them for some headers).
    for ref in resources.get("/XObject", {}).values():
        xobject = ref.get_object()
        if xobject.get("/Subtype") == "/Form":
            _collect_fonts(xobject.get("/Resources"), found)


def fonts(pdf: bytes) -> list[Font]:
    """Every font used by any page of the PDF."""
    found: dict[str, Font] = {}
    for page in reader(pdf).pages:
        _collect_fonts(page.get("/Resources"), found)
    return sorted(found.values(), key=lambda f: f.name)


def fragments(pdf: bytes, page_index: int) -> list[Fragment]:
    """The text fragments of one page with their baseline heights."""
    found: list[Fragment] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append(Fragment(text.strip(), cm[3] * tm[5] + cm[5]))

    reader(pdf).pages[page_index].extract_text(visitor_text=visit)
    return found


def page_height(pdf: bytes, page_index: int = 0) -> float:
    return float(reader(pdf).pages[page_index].mediabox.height)


def docx_text(docx: bytes) -> tuple[str, list[str]]:
    """The DOCX's text as a PDF prints it: footnote marks `[n]` as the digit they print, and
    apart, each footnote as its foot-of-page line `n text` (whitespace collapsed)."""
    from tests.readback import printed_lines

    lines = printed_lines(docx)
    notes = []
    while lines and re.match(r"\[\d+\] ", lines[-1]):
        number, _, text = lines.pop()[1:].partition("] ")
        notes.insert(0, " ".join(f"{number} {text}".split()))
    body = re.sub(r"\[(\d+)\]", r"\1", "\n".join(lines))
    return body, notes


def header_texts(docx: bytes) -> list[str]:
    """The texts of every table row a DOCX marks to repeat at the top of each page."""
    from docx.oxml.ns import qn

    from tests.readback import open_docx

    texts = []
    for table in open_docx(docx).tables:
        for row in table._tbl.tr_lst:
            if row.trPr is not None and row.trPr.find(qn("w:tblHeader")) is not None:
                texts += ["".join(t.text or "" for t in row.iter(qn("w:t")))]
    return texts


@dataclass(frozen=True)
class SizedFragment:
    """A text fragment with its baseline height and its font size in points."""

    text: str
    y: float
    size: int


def sized_fragments(pdf: bytes, page_index: int) -> list[SizedFragment]:
    """The text fragments of one page with their baseline heights and font sizes."""
    found: list[SizedFragment] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            found.append(SizedFragment(text.strip(), cm[3] * tm[5] + cm[5], round(size * tm[3])))

    reader(pdf).pages[page_index].extract_text(visitor_text=visit)
    return found

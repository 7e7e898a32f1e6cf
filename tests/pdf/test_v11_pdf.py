"""Contract v1.1 through real LibreOffice, asserting what the page images show (see
docs/pdf.md): tables drawn with their header repeated on each page they run onto, footnotes
at the foot of the page of their mark, landscape appendices, page numbers restarting in each
appendix and in a decision's attached plan, which starts on a new page."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest
from pypdf.generic import ContentStream

from tests.conftest import GOLDEN, plan_json
from tests.golden.fixture_json import footnotes, plain, tables
from tests.pdf import pdfcheck

pytestmark = pytest.mark.libreoffice

APPENDED = [name for name in GOLDEN if plan_json(name).get("appendices")]
TABLED = [name for name in GOLDEN if tables(plan_json(name))]
NOTED = [name for name in GOLDEN if footnotes(plan_json(name))]
DECISIONS = [name for name in GOLDEN if plan_json(name)["type"] == "quyet_dinh"]


def _flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _pages(pdf: bytes) -> list[str]:
    """Each page's text, whitespace collapsed."""
    return [_flat(page.extract_text()) for page in pdfcheck.reader(pdf).pages]


def _number(page: str) -> int | None:
    """The page number printed at the top, if any."""
    first = page.split(" ", 1)[0]
    return int(first) if first.isdigit() and len(first) <= 3 else None


def _starts(pages: list[str], label: str) -> int:
    """The page an appendix starts on: its label is the page's first line (no number)."""
    return next(i for i, page in enumerate(pages) if page.startswith(label + " "))


def _turned(pdf: bytes) -> list[bool]:
    return [
        float(page.mediabox.width) > float(page.mediabox.height)
        for page in pdfcheck.reader(pdf).pages
    ]


def _sections(name: str, pages: list[str]) -> list[tuple[dict[str, Any], range]]:
    """Each appendix with the pages it spans (to the next appendix or the end)."""
    appendices = plan_json(name)["appendices"]
    labels = [a.get("label") or f"Phụ lục {n:02d}" for n, a in enumerate(appendices, 1)]
    starts = [_starts(pages, label) for label in labels]
    ends = [*starts[1:], len(pages)]
    return [(a, range(s, e)) for a, s, e in zip(appendices, starts, ends, strict=True)]


@pytest.mark.parametrize("name", APPENDED)
def test_appendices_turn_the_page_when_landscape(name: str, golden_pdf: dict[str, bytes]) -> None:
    """A4 landscape is 842 × 595 pt, wider than high; the body stays upright."""
    pdf = golden_pdf[name]
    pages, turned = _pages(pdf), _turned(pdf)
    sections = _sections(name, pages)
    assert not any(turned[: sections[0][1].start])
    for appendix, span in sections:
        landscape = appendix.get("orientation") == "landscape"
        assert [turned[i] for i in span] == [landscape] * len(span)
    for page in pdfcheck.reader(pdf).pages:
        size = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        assert size == [595, 842]


@pytest.mark.parametrize("name", APPENDED)
def test_page_numbers_restart_in_each_appendix(name: str, golden_pdf: dict[str, bytes]) -> None:
    pages = _pages(golden_pdf[name])
    for _, span in _sections(name, pages):
        assert [_number(pages[i]) for i in span] == [None, *range(2, len(span) + 1)]


@pytest.mark.parametrize("name", TABLED)
def test_tables_are_drawn_and_repeat_their_header_on_each_page(
    name: str, golden_pdf: dict[str, bytes]
) -> None:
    """Every page of a table appendix draws its rules and begins the table with the header's
    first row; the long tables here run onto several pages."""
    pdf = golden_pdf[name]
    pages = _pages(pdf)
    reader = pdfcheck.reader(pdf)
    continued = 0
    for appendix, span in _sections(name, pages):
        table = next(t.table for t in tables(appendix))
        first_row = "".join(_first_row(table).split())
        for i in span:
            text = "".join(pages[i].split())
            if i == span.start:
                assert first_row in text
            else:
                continued += 1
                assert text.removeprefix(str(_number(pages[i]))).startswith(first_row), i
            ops = ContentStream(reader.pages[i].get_contents(), reader).operations
            strokes = sum(1 for _, op in ops if op == b"S")
            assert strokes >= len(table["columns"]) + 1, i  # at least the column rules
    assert continued >= 1


def _first_row(table: dict[str, Any]) -> str:
    """The header's first row as printed: titles, a group's title once over its columns."""
    cells: list[str] = []
    for column in table["columns"]:
        group = column.get("group")
        cell = group if group is not None else plain(column["title"])
        if not (group is not None and cells and cells[-1] == group):
            cells.append(cell)
    return " ".join(cells)


@pytest.mark.parametrize("name", NOTED)
def test_footnotes_print_at_the_foot_of_the_page_of_their_mark(
    name: str, golden_pdf: dict[str, bytes]
) -> None:
    pdf = golden_pdf[name]
    pages = _pages(pdf)
    for number, (before, note) in enumerate(_marks(plan_json(name)), 1):
        # The mark: the superscript number right after the word it annotates.
        page = next(i for i, text in enumerate(pages) if f"{before}{number}" in text)
        fragments = pdfcheck.sized_fragments(pdf, page)
        start = _flat(note)[:20]
        notes = [f for f in fragments if f.size == 12 and _flat(f.text).startswith(start)]
        assert len(notes) == 1, (number, page)
        body = [f for f in fragments if f.size == 14 and not f.text.strip().isdigit()]
        footnote_lines = [f for f in fragments if f.size == 12]
        assert max(f.y for f in footnote_lines) < min(f.y for f in body)
        assert notes[0].y < pdfcheck.page_height(pdf, page) / 3


def _marks(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """Each footnote with the dozen characters printed before its mark."""
    from tests.golden.fixture_json import objects

    found = []
    for node, _ in objects(plan):
        for value in node.values():
            if not isinstance(value, list):
                continue
            text = ""
            for part in value:
                if isinstance(part, dict) and "footnote" in part:
                    found.append((_flat(text)[-12:], plain(part["footnote"])))
                if isinstance(part, str):
                    text += part
                elif isinstance(part, dict):
                    text += str(part.get("text", ""))
    return found


@pytest.mark.parametrize("name", DECISIONS)
def test_attached_plan_starts_on_a_new_page(name: str, golden_pdf: dict[str, bytes]) -> None:
    pages = _pages(golden_pdf[name])
    signed = next(i for i, page in enumerate(pages) if "Nơi nhận:" in page)
    attached = pages[signed + 1]
    title = _flat(plan_json(name)["attachment"]["title"])
    assert attached.startswith(f"KẾ HOẠCH {title}")  # its first page: no number, no header
    assert _number(pages[signed + 2]) == 2
    assert not any("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page for page in pages[1:])


def test_fixtures_exercise_the_pdf_checks() -> None:
    assert NOTED and DECISIONS and len(TABLED) >= 3
    assert any(
        a.get("orientation") == "landscape"
        for name in APPENDED
        for a in plan_json(name)["appendices"]
    )

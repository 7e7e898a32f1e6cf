"""Contract v1.1 §3 read back from the golden DOCX: tables with fixed layout, the grid filling the
text width in the columns' proportions, header rows repeated, rows kept whole, merged header
cells, single borders, 11–14 pt text that is not justified."""

from __future__ import annotations

from typing import Any

import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.table import Table
from docx.text.paragraph import Paragraph

from tests.conftest import GOLDEN, plan_json
from tests.formatting import paragraph_format, run_font
from tests.golden.fixture_json import TableAsked, plain, tables
from tests.readback import cells, open_docx

TABLED = [name for name in GOLDEN if tables(plan_json(name))]
TEXT_WIDTH_MM = {False: 165, True: 252}  # A4 less 30 + 15 mm, upright or turned
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
}


def _bordered(document: DocxDocument) -> list[Table]:
    """The document's tables that draw lines: the header and closing blocks draw none."""
    found = []
    for table in document.tables:
        top = table._tbl.tblPr.find(f"{qn('w:tblBorders')}/{qn('w:top')}")
        if top is not None and top.get(qn("w:val")) not in ("nil", "none"):
            found.append(table)
    return found


def _pairs(name: str, golden_docx: dict[str, bytes]) -> list[tuple[TableAsked, Table]]:
    asked = tables(plan_json(name))
    printed = _bordered(open_docx(golden_docx[name]))
    assert len(printed) == len(asked)
    return list(zip(asked, printed, strict=True))


def _header_rows(asked: TableAsked) -> int:
    return 2 if any(c.get("group") for c in asked.table["columns"]) else 1


def _grid(table: Table) -> list[int]:
    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def test_fixtures_exercise_tables() -> None:
    turned = [a.landscape for name in TABLED for a in tables(plan_json(name))]
    assert len(turned) >= 6 and any(turned)


@pytest.mark.parametrize("name", TABLED)
def test_layout_is_fixed_and_the_grid_fills_the_text_width(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    for asked, table in _pairs(name, golden_docx):
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = _grid(table)
        columns = asked.table["columns"]
        assert len(grid) == len(columns)
        width = Mm(TEXT_WIDTH_MM[asked.landscape]).twips
        assert abs(sum(grid) - width) <= len(grid)  # each column rounded to a twip
        total = sum(c["width"] for c in columns)
        for twips, column in zip(grid, columns, strict=True):
            assert abs(twips - width * column["width"] / total) <= 1


@pytest.mark.parametrize("name", TABLED)
def test_rows_keep_whole_and_only_the_header_repeats(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    for asked, table in _pairs(name, golden_docx):
        rows = table._tbl.tr_lst
        assert len(rows) == _header_rows(asked) + len(asked.table["rows"])
        for index, row in enumerate(rows):
            props = row.trPr
            assert props is not None and props.find(qn("w:cantSplit")) is not None
            header = props.find(qn("w:tblHeader")) is not None
            assert header == (index < _header_rows(asked)), index


@pytest.mark.parametrize("name", TABLED)
def test_header_reads_titles_and_groups_with_merged_cells(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    document = open_docx(golden_docx[name])
    for asked, table in zip(tables(plan_json(name)), _bordered(document), strict=True):
        columns = asked.table["columns"]
        count = _header_rows(asked)
        header = [c.text for c in cells(table)][: _header_cells(columns)]
        assert header == _header_texts(columns)
        first = table._tbl.tr_lst[0].tc_lst
        spans = [_span(tc) for tc in first]
        assert sum(spans) == len(columns)
        if count == 2:
            merged = [tc.tcPr.find(qn("w:vMerge")) for tc in first]
            groups = _groups(columns)
            assert spans == [n for _, n in groups]
            for (group, _), merge in zip(groups, merged, strict=True):
                assert (merge is not None and merge.get(qn("w:val")) == "restart") == (
                    group is None
                )
        for row in table.rows[:count]:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    assert paragraph_format(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
                    for run in paragraph.runs:
                        assert run_font(document, paragraph, run)["bold"]


@pytest.mark.parametrize("name", TABLED)
def test_cells_widths_borders_sizes_and_alignment(name: str, golden_docx: dict[str, bytes]) -> None:
    document = open_docx(golden_docx[name])
    for asked, table in zip(tables(plan_json(name)), _bordered(document), strict=True):
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        sides = ("top", "left", "bottom", "right", "insideH", "insideV")
        assert [borders.find(qn(f"w:{s}")).get(qn("w:val")) for s in sides] == ["single"] * 6
        grid = _grid(table)
        size = asked.table.get("font_size", 12)
        assert 11 <= size <= 14
        align = [ALIGN[c.get("align", "left")] for c in asked.table["columns"]]
        for r, row in enumerate(table._tbl.tr_lst):
            column = 0
            for tc in row.tc_lst:
                n = _span(tc)
                width = int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w")))
                assert width == sum(grid[column : column + n])  # LibreOffice reads the grid
                for p in tc.iter(qn("w:p")):
                    paragraph = _paragraph(document, p)
                    alignment = paragraph_format(paragraph, "alignment")
                    assert alignment != WD_ALIGN_PARAGRAPH.JUSTIFY
                    if r >= _header_rows(asked) and n == 1:
                        assert alignment == align[column]
                    for run in paragraph.runs:
                        assert run_font(document, paragraph, run)["size"] == size
                column += n
            assert column == len(grid)


def _span(tc: Any) -> int:
    """How many grid columns a cell spans."""
    span = tc.tcPr.find(qn("w:gridSpan"))
    return 1 if span is None else int(span.get(qn("w:val")))


def _paragraph(document: DocxDocument, element: Any) -> Paragraph:
    return Paragraph(element, document._body)


def _groups(columns: list[dict[str, Any]]) -> list[tuple[str | None, int]]:
    """The first header row: each group with its width, each ungrouped column alone."""
    out: list[tuple[str | None, int]] = []
    for column in columns:
        group = column.get("group")
        if group is not None and out and out[-1][0] == group:
            out[-1] = (group, out[-1][1] + 1)
        else:
            out.append((group, 1))
    return out


def _header_texts(columns: list[dict[str, Any]]) -> list[str]:
    """The header as read once per merged cell: first row, then the grouped columns' titles."""
    if not any(c.get("group") for c in columns):
        return [plain(c["title"]) for c in columns]
    titles = iter(columns)
    top = []
    for group, n in _groups(columns):
        members = [next(titles) for _ in range(n)]
        top.append(group if group is not None else plain(members[0]["title"]))
    return top + [plain(c["title"]) for c in columns if c.get("group")]


def _header_cells(columns: list[dict[str, Any]]) -> int:
    return len(_header_texts(columns))

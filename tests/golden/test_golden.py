"""Golden plans: the printed text paragraph by paragraph, and Decree 30's rules on the DOCX."""

from __future__ import annotations

import re

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.run import Run

from tests.conftest import GOLDEN, expected_lines, plan_json
from tests.formatting import paragraph_format, run_font
from tests.readback import open_docx, paragraphs, printed_lines

pytestmark = pytest.mark.parametrize("name", GOLDEN)


def test_printed_text_matches_the_reference(name: str, golden_docx: dict[str, bytes]) -> None:
    assert printed_lines(golden_docx[name]) == expected_lines(name)


def test_page_is_a4_with_decree_margins(name: str, golden_docx: dict[str, bytes]) -> None:
    """A4 with the decree's margins; a landscape appendix is the same paper turned, the
    margins on the same edges as read (contract v1.1 §4)."""
    turned = [a.get("orientation") == "landscape" for a in plan_json(name).get("appendices", [])]
    sections = open_docx(golden_docx[name]).sections
    landscape = [s.page_width > s.page_height for s in sections]
    assert landscape[len(landscape) - len(turned) :] == turned and not any(
        landscape[: -len(turned) or None]
    )
    for section in sections:
        size = (round(section.page_width.mm), round(section.page_height.mm))
        assert size == ((297, 210) if section.page_width > section.page_height else (210, 297))
        margins = (
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
        assert [round(m.mm) for m in margins] == [20, 20, 30, 15]


def test_every_run_is_times_new_roman(name: str, golden_docx: dict[str, bytes]) -> None:
    document = open_docx(golden_docx[name])
    for paragraph in paragraphs(document):
        for run in paragraph.runs:
            font = run_font(document, paragraph, run)
            assert (font["ascii"], font["hAnsi"]) == ("Times New Roman",) * 2, run.text


def _styled(name: str, golden_docx: dict[str, bytes], style: str) -> list[tuple[Run, dict]]:
    document = open_docx(golden_docx[name])
    return [
        (r, run_font(document, p, r))
        for p in paragraphs(document)
        if p.style.name == style
        for r in p.runs
        if r.text.strip() and (r.style is None or r.style.name != "Run-in Heading")
    ]


def test_run_in_headings_are_bold_and_their_text_regular(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    document = open_docx(golden_docx[name])
    for p in paragraphs(document):
        runs = [r for r in p.runs if r.text.strip()]
        if runs and runs[0].style is not None and runs[0].style.name == "Run-in Heading":
            assert run_font(document, p, runs[0])["bold"]
            text = [r for r in runs[1:] if r.font.bold is None]  # not a span marked bold
            assert not any(run_font(document, p, r)["bold"] for r in text)


SIZES = {  # style: (size, bold, italic)
    "Issuer": (13, True, False),
    "Issuer Parent": (13, False, False),
    "National Name": (13, True, False),
    "Motto": (14, True, False),
    "Document Number": (13, False, False),
    "Place and Date": (14, False, True),
    "Document Type": (14, True, False),
    "Title": (14, True, False),
    "Body Text": (14, False, False),
    "Heading 1": (14, True, False),
    "Heading 2": (14, True, False),
    "Heading 3": (14, True, False),
    "Heading 4": (14, True, False),
    "List Dash": (14, False, False),
    "List Plus": (14, False, False),
    "Legal Basis": (14, False, True),
    "Salutation": (14, False, False),
    "Salutation List": (14, False, False),
    "Addressee": (14, False, False),
    "Authority": (14, True, False),
    "Decides": (14, True, False),
    "Signoff": (14, True, False),
    "Appendix Label": (14, True, False),
    "Appendix Title": (14, True, False),
    "Appendix Reference": (14, False, True),
    "Recipients Label": (12, True, True),
    "Recipient": (11, False, False),
    "Signer Authority": (14, True, False),
    "Signer Name": (14, True, False),
}


@pytest.mark.parametrize("style", sorted(SIZES))
def test_sizes_and_weights_follow_the_decree(
    name: str, golden_docx: dict[str, bytes], style: str
) -> None:
    size, bold, italic = SIZES[style]
    for run, font in _styled(name, golden_docx, style):
        # A span's own marks (contract v1.1 §1) win over the style; tests/golden/test_spans.py
        # checks those runs against the spans typed in the fixture.
        marks = (
            bold if run.font.bold is None else run.font.bold,
            italic if run.font.italic is None else run.font.italic,
        )
        assert (font["size"], font["bold"], font["italic"]) == (size, *marks)


JUSTIFIED = (
    "Body Text",
    "List Dash",
    "List Plus",
    "Legal Basis",
    *(f"Heading {n}" for n in range(1, 5)),
)


def test_body_is_justified_with_first_line_indent(name: str, golden_docx: dict[str, bytes]) -> None:
    body = [p for p in paragraphs(open_docx(golden_docx[name])) if p.style.name in JUSTIFIED]
    assert body
    for p in body:
        assert paragraph_format(p, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert round(paragraph_format(p, "first_line_indent").mm, 1) == 12.7
        assert paragraph_format(p, "space_after").pt >= 6


def test_header_table_is_fixed_with_widths_on_grid_and_cells(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    table = open_docx(golden_docx[name]).tables[0]
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    for row in table.rows:
        assert [c.width.twips for c in row.cells] == grid


def test_motto_and_issuer_have_their_lines(name: str, golden_docx: dict[str, bytes]) -> None:
    cell = open_docx(golden_docx[name]).tables[0].rows[0].cells
    motto = next(p for p in cell[1].paragraphs if p.text == "Độc lập - Tự do - Hạnh phúc")
    assert motto._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None
    rule = cell[0].paragraphs[-1]
    assert rule.text == "" and rule._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:top')}") is not None
    issuer = [p.text for p in cell[0].paragraphs if p.style.name == "Issuer"]
    widths = _rule_ratio(rule, Mm(74 - 3.8), issuer, 13)
    assert 1 / 3 <= widths <= 1 / 2


def _rule_ratio(rule, box, lines: list[str], size: float) -> float:
    from service.rendering.layout import text_width_mm

    ind = rule._p.pPr.find(qn("w:ind"))
    length = box.twips - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))
    widest = max(text_width_mm(line, size, bold=True) for line in lines)
    return Mm(1).twips and length / Mm(widest).twips


def test_number_and_date_follow_the_zero_rule(name: str, golden_docx: dict[str, bytes]) -> None:
    lines = printed_lines(golden_docx[name])
    number = next(line for line in lines if line.startswith("Số:"))
    assert re.fullmatch(r"Số: (\d{2,}|     )/[A-ZĐ]+(-[A-ZĐ]+)+", number), number
    date = next(line for line in lines if ", ngày" in line)
    match = re.search(r"ngày (\d{2}| {4}) tháng (\d+| {4}) năm \d{4}$", date)
    assert match, date
    month = match.group(2).strip()
    if month:
        assert month.startswith("0") == (int(month) <= 2), date


def test_recipients_punctuation(name: str, golden_docx: dict[str, bytes]) -> None:
    lines = [
        p.text for p in paragraphs(open_docx(golden_docx[name])) if p.style.name == "Recipient"
    ]
    listed = [line for line in lines if line.startswith("- ")]
    assert all(line.endswith(";") for line in listed[:-1])
    assert listed[-1].startswith("- Lưu") and listed[-1].endswith(".")


def test_content_ends_with_end_mark(name: str, golden_docx: dict[str, bytes]) -> None:
    lines = printed_lines(golden_docx[name])
    assert lines[lines.index("Nơi nhận:") - 1].endswith("./.")


def test_page_numbers_from_page_two_only(name: str, golden_docx: dict[str, bytes]) -> None:
    for section in open_docx(golden_docx[name]).sections:
        assert section.different_first_page_header_footer
        assert "PAGE" in section.header._element.xml
        assert "PAGE" not in section.first_page_header._element.xml
        assert section.header.paragraphs[0].alignment in (None, WD_ALIGN_PARAGRAPH.CENTER)
        sect = section._sectPr
        assert sect.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_one_paragraph_per_line_no_manual_breaks(name: str, golden_docx: dict[str, bytes]) -> None:
    assert "<w:br" not in open_docx(golden_docx[name]).element.xml


def test_subject_line_sits_six_points_under_the_number(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    cell = open_docx(golden_docx[name]).tables[0].rows[1].cells[0]
    number, *rest = cell.paragraphs
    assert number.text.startswith("Số: ")
    if rest and rest[0].text.startswith("V/v "):
        gap = (paragraph_format(number, "space_after") or Pt(0)) + (
            paragraph_format(rest[0], "space_before") or Pt(0)
        )
        assert gap == Pt(6)


def test_recipients_label_is_level_with_the_first_signature_line(
    name: str, golden_docx: dict[str, bytes]
) -> None:
    tables = open_docx(golden_docx[name]).tables
    closing = next(t for t in tables if t.cell(0, 0).text.startswith("Nơi nhận:")).rows[0].cells
    label, first_signature = closing[0].paragraphs[0], closing[1].paragraphs[0]
    assert label.text == "Nơi nhận:" and first_signature.style.name == "Signer Authority"
    assert paragraph_format(label, "space_before") == paragraph_format(
        first_signature, "space_before"
    )
    assert closing[0].vertical_alignment == closing[1].vertical_alignment

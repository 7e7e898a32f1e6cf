"""Layouts officers make by hand in Word, other than our renderer's, judged correctly."""

from __future__ import annotations

from collections import Counter

from docx.document import Document
from docx.oxml.ns import qn
from lxml import etree

from service.checker import check

from . import corpus, wordml
from .defects import find, retext

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _rules(document: Document) -> Counter[tuple[str, str]]:
    report = check(corpus.to_bytes(document))
    return Counter((finding.rule, finding.severity) for finding in report.findings)


def _one_row_header(document: Document) -> None:
    """Number under the issuer and date under the motto in one row; the issuer's line a VML
    shape instead of a border."""
    table = document.tables[0]
    rule = find(document, "THÀNH PHỐ BẮC KẠN")._p.getnext()
    properties = rule.find(qn("w:pPr"))
    properties.remove(properties.find(qn("w:pBdr")))
    rule.append(wordml.line_run(1000, vml=True))
    rule.addnext(find(document, "Số:")._p)
    find(document, "Độc lập")._p.addnext(find(document, "TP. Bắc Kạn")._p)
    table._tbl.remove(table.rows[1]._tr)


def test_a_one_row_header_with_a_drawn_line_passes():
    document = corpus.plan()
    _one_row_header(document)
    assert _rules(document) == Counter()


def test_the_one_row_header_still_catches_a_wrong_date():
    document = corpus.plan()
    _one_row_header(document)
    retext("TP. Bắc Kạn", "TP. Bắc Kạn, ngày 03 tháng 04 năm 2023")(document)
    assert _rules(document) == Counter({("date.leading_zero", "error"): 1})


def test_motto_typed_after_a_line_break_is_read_and_the_break_reported():
    document = corpus.plan()
    national = find(document, "CỘNG HÒA")
    run = national.add_run()
    run.add_break()
    run.add_text("Độc lập - Tự do - Hạnh phúc")
    motto = find(document, "Độc lập")._p
    motto.getparent().remove(motto)
    assert _rules(document) == Counter(
        {("structure.line_break", "warning"): 1, ("header.motto_rule", "error"): 1}
    )


def test_recipients_typed_in_one_paragraph_are_judged_line_by_line():
    document = corpus.plan()
    retext("- Sở Lao động", "- Sở Lao động - Thương binh và Xã hội;")(document)
    first = find(document, "- Sở Lao động")
    for prefix in ("- Thường trực", "- Lãnh đạo", "- UBND các", "- Lưu"):
        line = find(document, prefix)
        run = first.add_run()
        run.add_break()
        # The third line forgets its semicolon.
        run.add_text(line.text.rstrip(";") if prefix == "- UBND các" else line.text)
        line._p.getparent().remove(line._p)
    assert _rules(document) == Counter(
        {("structure.line_break", "warning"): 1, ("recipients.line", "error"): 1}
    )


def test_a_header_drawn_in_a_text_box_is_found():
    document = corpus.plan()
    table = document.tables[0]
    texts = [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 231/KH-UBND",
        "Bắc Kạn, ngày 03 tháng 04 năm 2023",
    ]
    box = (
        f'<w:r xmlns:w="{W}" xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
        '<v:shape style="position:absolute;width:270pt;height:60pt"><v:textbox>'
        "<w:txbxContent>"
        + "".join(f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)
        + "</w:txbxContent></v:textbox></v:shape></w:pict></w:r>"
    )
    table._tbl.addprevious(etree.fromstring(f'<w:p xmlns:w="{W}">{box}</w:p>'))
    table._tbl.getparent().remove(table._tbl)
    report = check(corpus.to_bytes(document))
    found = {(f.rule, f.found) for f in report.findings}
    assert ("date.leading_zero", "“tháng 04”") in found
    assert not {f.rule for f in report.findings} & {"header.missing", "number.label"}
    boxed = {f.where.paragraph for f in report.findings if f.rule.startswith("body.")}
    assert boxed == set()  # the box's lines are header, not content


def test_a_motto_line_drawn_from_the_quoc_hieu_paragraph_counts():
    document = corpus.plan()
    motto = find(document, "Độc lập")
    properties = motto._p.find(qn("w:pPr"))
    properties.remove(properties.find(qn("w:pBdr")))
    width = int(corpus.text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True))
    find(document, "CỘNG HÒA")._p.append(wordml.line_run(width, vml=False))
    assert _rules(document) == Counter()

"""Documents as contract v1.1 prints them pass with no error in either profile: a QUYẾT
ĐỊNH issuing a plan (authority line, bases, QUYẾT ĐỊNH:, articles, the attached plan with
its own parts and a signoff line), a task table, a footnote mark, rich runs, `+ ` items,
and a landscape appendix labelled as typed. (The renderer's own v1.1 output joins
test_rendered.py when it lands.)"""

from __future__ import annotations

import pytest

from service.checker import PROFILES, check

from .layouts import (
    DATE,
    ISSUER,
    NATIONAL,
    RECIPIENTS,
    Line,
    centred,
    numbered_document,
    rule,
    section,
    table,
)

BODY_ROOM = 11906 - 1701 - 851


def _cell(text: str, size: float = 12, bold: bool = False) -> Line:
    return Line(text, size, bold, align="center", indent=0, after=0)


def _span_paragraph() -> str:
    # Bold and italic spans and a footnote mark (superscript, smaller) in one paragraph.
    rpr = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="28"/>'
    runs = [
        f'<w:r><w:rPr>{rpr}<w:b/></w:rPr><w:t xml:space="preserve">Lưu ý: </w:t></w:r>',
        f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">các cơ quan gửi báo cáo </w:t></w:r>',
        f"<w:r><w:rPr>{rpr}<w:i/></w:rPr><w:t>trước ngày 15 hằng tháng</w:t></w:r>",
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="20"/></w:rPr>'
        '<w:footnoteReference w:id="1"/><w:t>1</w:t></w:r>',
        f"<w:r><w:rPr>{rpr}</w:rPr><w:t>.</w:t></w:r>",
    ]
    ppr = '<w:spacing w:after="120"/><w:ind w:firstLine="720"/><w:jc w:val="both"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>"


def decision(last: str = "Trên đây là Kế hoạch chuyển đổi số năm 2026 của tỉnh./.") -> bytes:
    """A QUYẾT ĐỊNH issuing a plan, laid out as contract v1.1 prints it."""
    header = table(
        [
            [*ISSUER, rule(3084, 1000), centred("Số: 12/QĐ-UBND", 13, bold=False)],
            [*NATIONAL, rule(5838, 3400), DATE],
        ],
        widths=(3300, 6054),
    )
    closing = table(
        [
            [
                *RECIPIENTS[:1],
                Line("- Như Điều 3;", 11, align="left", indent=0, after=0),
                RECIPIENTS[2],
            ],
            [
                centred("TM. ỦY BAN NHÂN DÂN"),
                centred("KT. CHỦ TỊCH"),
                centred("PHÓ CHỦ TỊCH"),
                centred(""),
                centred(""),
                centred("Nguyễn Văn An"),
            ],
        ]
    )
    tasks = table(
        [
            [_cell("STT", bold=True)],
            [_cell("Nhiệm vụ", bold=True)],
            [_cell("Thời gian", bold=True)],
        ],
        [[_cell("1")], [_cell("Tổ chức tuyên truyền", 13)], [_cell("Quý I", 14)]],
        widths=(900, 6000, 2400),
    )
    signoff = table([[centred("")], [centred("ỦY BAN NHÂN DÂN TỈNH")]], widths=(4600, 4700))
    return numbered_document(
        header,
        centred("QUYẾT ĐỊNH"),
        centred("Về việc ban hành Kế hoạch chuyển đổi số năm 2026"),
        rule(BODY_ROOM, 2400),
        centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
        Line("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True),
        Line(
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;", italic=True
        ),
        Line("Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.", italic=True),
        centred("QUYẾT ĐỊNH:"),
        Line("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026."),
        Line("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
        Line("Điều 3. Chánh Văn phòng và các cơ quan chịu trách nhiệm thi hành./."),
        closing,
        section(),
        centred("KẾ HOẠCH"),
        centred("Chuyển đổi số năm 2026"),
        centred(
            "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh)",
            bold=False,
            italic=True,
        ),
        Line("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        Line("1. Mục đích", bold=True),
        _span_paragraph(),
        Line("- Các sở, ngành triển khai kế hoạch;"),
        Line("+ Sở Nội vụ theo dõi, đôn đốc;"),
        Line("+ Sở Tài chính bảo đảm kinh phí."),
        Line("II. NHIỆM VỤ", bold=True),
        tasks,
        Line(last),
        signoff,
        section(restart=True),
        centred("Phụ lục 01"),
        centred("DANH MỤC NHIỆM VỤ"),
        centred(
            "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05/3/2026 của Ủy ban nhân dân tỉnh)",
            bold=False,
            italic=True,
        ),
        tasks,
        section(landscape=True, restart=True, last=True),
    )


@pytest.mark.parametrize("profile", PROFILES)
def test_a_v11_decision_issuing_a_plan_has_no_error(profile: str) -> None:
    report = check(decision(), profile=profile)
    errors = [(f.rule, f.where.text, f.found) for f in report.findings if f.severity == "error"]
    assert errors == []
    assert report.kind == "quyet_dinh"


def test_the_attached_plan_is_judged_like_the_document() -> None:
    rules = check(decision(last="Trên đây là Kế hoạch chuyển đổi số năm 2026 của tỉnh")).rules()
    assert rules.count("body.end_mark") == 1

"""The checker reads what prints: headers and closings in tables, nested and one-cell
tables, two-row closing tables, lines laid out with tabs; every Phụ lục III type by its
type line; a decision's opening and its articles."""

from __future__ import annotations

import pytest

from service.checker import check
from service.checker.kinds import KINDS

from .layouts import (
    BODY,
    DATE,
    ISSUER,
    NATIONAL,
    RECIPIENTS,
    SIGNATURE,
    Line,
    anatomy,
    centred,
    document,
    table,
)

NUMBER = centred("Số: 12/UBND-NC", 13, bold=False)
SUBJECT = centred("V/v triển khai kế hoạch", 13, bold=False)
ADDRESSEE = Line("Kính gửi: Sở Nội vụ.", indent=0, align="center")


def _letter(header: str, closing: str) -> bytes:
    return document(header, ADDRESSEE, *BODY, closing)


def _texts(paras: list) -> list[str]:
    return [" ".join(p.text.split()) for p in paras]


def test_a_closing_table_nested_in_a_frame_keeps_its_columns():
    header = table([[*ISSUER, NUMBER, SUBJECT], [*NATIONAL, DATE]])
    inner = table([[*RECIPIENTS], [*SIGNATURE]], widths=(4300, 4500))
    frame = table([[inner]], widths=(9000,))
    found = anatomy(_letter(header, frame))
    assert _texts(found.signature) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert found.signer is not None and found.signer.text == "Nguyễn Văn An"
    assert _texts(found.recipients) == ["- Như trên;", "- Lưu: VT, NC."]


def test_a_two_row_closing_table():
    header = table([[*ISSUER, NUMBER, SUBJECT], [*NATIONAL, DATE]])
    closing = table(
        [[RECIPIENTS[0]], [SIGNATURE[0], SIGNATURE[1]]],
        [[*RECIPIENTS[1:]], [SIGNATURE[3]]],
    )
    found = anatomy(_letter(header, closing))
    assert _texts(found.signature) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert found.signer is not None and found.signer.text == "Nguyễn Văn An"
    assert _texts(found.recipients) == ["- Như trên;", "- Lưu: VT, NC."]


def test_a_header_and_closing_laid_out_with_tabs():
    tab = (5200,)
    lines = [
        Line(
            "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            13,
            True,
            align="left",
            indent=0,
            tabs=tab,
        ),
        Line(
            "TỈNH LÂM ĐỒNG\tĐộc lập - Tự do - Hạnh phúc", 13, True, align="left", indent=0, tabs=tab
        ),
        Line(
            "Số: 12/UBND-NC\tLâm Đồng, ngày 05 tháng 3 năm 2026",
            13,
            align="left",
            indent=0,
            tabs=tab,
        ),
        Line("V/v triển khai kế hoạch", 13, align="left", indent=0),
    ]
    closing = [
        Line("Nơi nhận:\tKT. CHỦ TỊCH", 12, True, True, align="left", indent=0, tabs=tab),
        Line("- Như trên;\tPHÓ CHỦ TỊCH", 11, align="left", indent=0, tabs=tab),
        Line("- Lưu: VT, NC.", 11, align="left", indent=0),
        Line("\tNguyễn Văn An", 14, True, align="left", indent=0, tabs=tab),
    ]
    found = anatomy(document(*lines, ADDRESSEE, *BODY, *closing))
    assert found.kind == "cong_van"
    assert (
        found.national is not None and found.national.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    assert found.motto is not None and found.motto.text == "Độc lập - Tự do - Hạnh phúc"
    assert _texts(found.issuer) == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    assert found.number is not None and found.number.text.strip() == "Số: 12/UBND-NC"
    assert found.date is not None and found.date.text.startswith("Lâm Đồng, ngày 05")
    assert _texts(found.subject) == ["V/v triển khai kế hoạch"]
    assert found.recipients_label is not None and found.recipients_label.text == "Nơi nhận:"
    assert _texts(found.recipients) == ["- Như trên;", "- Lưu: VT, NC."]
    assert _texts(found.signature) == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert found.signer is not None and found.signer.text == "Nguyễn Văn An"
    assert _texts(found.content) == _texts([*BODY])  # the body, and only the body


def test_a_title_in_a_one_cell_table_is_the_title():
    header = table([[*ISSUER, centred("Số: 12/KH-UBND", 13, False)], [*NATIONAL, DATE]])
    title = table([[centred("KẾ HOẠCH"), centred("Triển khai công tác năm 2026")]], widths=(9000,))
    closing = table([[*RECIPIENTS], [*SIGNATURE]])
    found = anatomy(document(header, title, *BODY, closing))
    assert found.kind == "ke_hoach"
    assert _texts(found.title) == ["Triển khai công tác năm 2026"]


def test_a_letter_without_its_subject_line_is_reported_as_such():
    header = table([[*ISSUER, NUMBER], [*NATIONAL, DATE]])
    closing = table([[*RECIPIENTS], [*SIGNATURE]])
    report = check(document(header, ADDRESSEE, *BODY, closing))
    assert report.kind == "cong_van"
    (finding,) = [f for f in report.findings if f.rule == "subject.format"]
    assert finding.severity == "error" and finding.found == "không có dòng bên dưới"


@pytest.mark.parametrize("kind", [k for k in KINDS.values() if k.name], ids=lambda k: k.id)
def test_every_type_is_recognised_by_its_type_line(kind):
    header = table(
        [
            [*ISSUER, centred(f"Số: 12/{kind.abbreviation or 'X'}-UBND", 13, False)],
            [*NATIONAL, DATE],
        ]
    )
    found = anatomy(document(header, centred(kind.name), centred("Về một việc"), *BODY))
    assert found.kind == kind.id


def test_parts_and_chapters_are_headings_not_misaligned_text():
    header = table([[*ISSUER, centred("Số: 12/BC-UBND", 13, False)], [*NATIONAL, DATE]])
    closing = table([[*RECIPIENTS], [*SIGNATURE]])
    report = check(
        document(
            header,
            centred("BÁO CÁO"),
            centred("Kết quả năm 2025"),
            centred("Phần thứ nhất"),
            centred("KẾT QUẢ THỰC HIỆN"),
            *BODY[:1],
            centred("PHẦN THỨ HAI", bold=True),
            *BODY,
            closing,
        )
    )
    assert [f for f in report.findings if f.rule in ("body.align", "body.indent")] == []


def _decision(*articles: Line, bases: tuple[str, ...] | None = None) -> bytes:
    header = table([[*ISSUER, centred("Số: 12/QĐ-UBND", 13, False)], [*NATIONAL, DATE]])
    bases = bases or (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 187/TTr-SNV.",
    )
    closing = table([[*RECIPIENTS], [centred("CHỦ TỊCH"), centred(""), centred("Hồ Văn Mười")]])
    return document(
        header,
        centred("QUYẾT ĐỊNH"),
        centred("Về việc thành lập Hội đồng"),
        centred("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
        *(Line(text, italic=True) for text in bases),
        centred("QUYẾT ĐỊNH:"),
        *articles,
        closing,
    )


ARTICLES = (
    Line("Điều 1. Thành lập Hội đồng."),
    Line("1. Chủ tịch Hội đồng."),
    Line("2. Các thành viên."),
    Line("Điều 2. Nhiệm vụ của Hội đồng."),
    Line("1. Tham mưu."),
    Line("Điều 3. Quyết định này có hiệu lực kể từ ngày ký./."),
)


def test_a_decision_reads_as_a_decision():
    data = _decision(*ARTICLES)
    found = anatomy(data)
    assert found.kind == "quyet_dinh"
    assert found.authority is not None and "CHỦ TỊCH ỦY BAN" in found.authority.text
    assert [p.text[:12] for p in found.bases] == ["Căn cứ Luật ", "Theo đề nghị"]
    assert found.decision is not None and found.decision.text == "QUYẾT ĐỊNH:"
    assert found.signer is not None and found.signer.text == "Hồ Văn Mười"
    rules = check(data).rules()
    # Clauses restart in each article; the authority line and QUYẾT ĐỊNH: are not body text.
    assert not {"heading.arabic", "body.align", "body.indent", "preamble.legal_basis"} & set(rules)


def test_a_decisions_own_departures_are_still_found():
    skipped = (*ARTICLES[:3], Line("Điều 3. Nhiệm vụ."), *ARTICLES[4:])
    rules = check(_decision(*skipped)).rules()
    assert rules.count("heading.arabic") == 2  # "Điều 3." after "Điều 1.", then "Điều 3." again
    bases = ("Căn cứ Luật A;", "Căn cứ Luật B;", "Theo đề nghị của Sở Nội vụ;")
    assert "preamble.legal_basis" in check(_decision(*ARTICLES, bases=bases)).rules()


def test_a_type_the_decree_does_not_list_is_not_taken_for_a_letter():
    header = table([[*ISSUER, centred("Số: 12/PTr-VP", 13, False)], [*NATIONAL, DATE]])
    closing = table([[*RECIPIENTS], [*SIGNATURE]])
    report = check(
        document(header, centred("PHIẾU TRÌNH"), centred("Về việc ký văn bản"), *BODY, closing)
    )
    assert report.kind is None
    assert not {"subject.format", "addressee.format", "title.type_name"} & set(report.rules())


def test_an_indent_typed_with_a_tab_or_spaces_is_read_as_it_prints():
    header = table([[*ISSUER, NUMBER, SUBJECT], [*NATIONAL, DATE]])
    closing = table([[*RECIPIENTS], [*SIGNATURE]])
    typed = [
        Line("\tỦy ban nhân dân tỉnh giao các sở, ngành triển khai thực hiện.", indent=0),
        Line(" " * 9 + "Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc./.", indent=0),
    ]
    assert "body.indent" not in check(document(header, ADDRESSEE, *typed, closing)).rules()
    short = Line("  Đề nghị các cơ quan thực hiện./.", indent=0)  # two spaces: a typo
    assert "body.indent" in check(document(header, ADDRESSEE, short, closing)).rules()

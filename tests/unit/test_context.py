"""build_context: signature lines, recipients, closing, preamble, targets and deadlines."""

from __future__ import annotations

from typing import Any

import pytest

from schemas import load_document
from service.model import Signer, SigningMode
from service.rendering import build_context
from service.rendering.blocks import Kind
from tests.builders import minimal_letter, minimal_plan


def _context(data: dict[str, Any]) -> dict[str, Any]:
    return build_context(load_document(data))


_HEAD = (Kind.DOC_TYPE, Kind.TITLE, Kind.TITLE_RULE, Kind.CLOSING_BLOCK)


def _texts(context: dict[str, Any]) -> list[str]:
    """The body's paragraphs: everything but the type line, the title and the closing table."""
    return [b.plain for b in context["blocks"] if b.kind not in _HEAD]


@pytest.mark.parametrize(
    ("signer", "lines"),
    [
        (
            Signer(
                collective="Ủy ban nhân dân",
                mode=SigningMode.KT,
                head="Chủ tịch",
                title="Phó Chủ tịch",
                name="A",
            ),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        (
            Signer(collective="ỦY BAN NHÂN DÂN", title="CHỦ TỊCH", name="A"),
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        ),
        (
            Signer(mode=SigningMode.TL, head="CHỦ TỊCH", title="CHÁNH VĂN PHÒNG", name="A"),
            ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
        ),
        (
            Signer(mode=SigningMode.TUQ, head="CHỦ TỊCH", title="GIÁM ĐỐC SỞ TƯ PHÁP", name="A"),
            ["TUQ. CHỦ TỊCH", "GIÁM ĐỐC SỞ TƯ PHÁP"],
        ),
        (Signer(mode=SigningMode.Q, title="GIÁM ĐỐC", name="A"), ["Q. GIÁM ĐỐC"]),
    ],
)
def test_signature_lines(signer: Signer, lines: list[str]) -> None:
    from service.rendering.context import signer_lines

    assert signer_lines(signer) == lines


def test_recipients_get_archive_line_and_punctuation() -> None:
    context = _context(
        minimal_plan(drafting_unit="LĐTBXH", recipients=["- Sở LĐTBXH (để b/c);", "UBND huyện."])
    )
    assert context["recipients"] == ["- Sở LĐTBXH (để b/c);", "- UBND huyện;", "- Lưu: VT, LĐTBXH."]


def test_given_archive_line_moves_last_and_letter_starts_with_nhu_tren() -> None:
    context = _context(minimal_letter(recipients=["Lưu: VT, VP", "Sở Tài chính"]))
    assert context["recipients"] == ["- Như trên;", "- Sở Tài chính;", "- Lưu: VT, VP."]


def test_default_closing_names_the_plan_and_issuer() -> None:
    texts = _texts(_context(minimal_plan()))
    assert texts[-1].startswith(
        "Trên đây là Kế hoạch thực hiện công tác trẻ em năm 2024 của "
        "Ủy ban nhân dân xã Quang Thuận."
    )
    assert texts[-1].endswith("thực hiện./.")


@pytest.mark.parametrize(
    "closing", ["Đề nghị thực hiện", "Đề nghị thực hiện.", "Đề nghị thực hiện./."]
)
def test_end_mark_is_added_once(closing: str) -> None:
    assert _texts(_context(minimal_plan(closing=closing)))[-1] == "Đề nghị thực hiện./."


def test_letter_without_closing_ends_its_last_paragraph() -> None:
    texts = _texts(_context(minimal_letter(body={"items": ["Một", "Hai"]})))
    assert texts[-1] == "- Hai./."


def test_legal_bases_are_italic_and_punctuated() -> None:
    context = _context(
        minimal_plan(
            preamble=[
                "Căn cứ Luật Trẻ em năm 2016.",
                "Căn cứ Nghị định số 56/2017/NĐ-CP",
                "Thực hiện ...",
            ]
        )
    )
    blocks = [b for b in context["blocks"] if b.kind not in _HEAD][:3]
    assert [b.kind for b in blocks] == [Kind.BASIS, Kind.BASIS, Kind.BODY]
    # the author's own `.` stays (contract v1.1 §6); a missing mark is added
    assert [b.plain[-1] for b in blocks[:2]] == [".", "."]


def test_targets_and_values() -> None:
    context = _context(
        minimal_plan(
            targets={
                "general": ["Bảo vệ trẻ em."],
                "specific": [
                    {"text": "Giảm còn {value}.", "value": 1.2, "unit": "%"},
                    {"text": "{value} được hỗ trợ.", "value": 12500, "unit": "trẻ em"},
                ],
            }
        )
    )
    assert _texts(context)[:6] == [
        "I. MỤC TIÊU",
        "1. Mục tiêu chung",
        "Bảo vệ trẻ em.",
        "2. Mục tiêu cụ thể",
        "- Giảm còn 1,2%.",
        "- 12.500 trẻ em được hỗ trợ.",
    ]


def test_deadlines_print_only_without_text() -> None:
    reporting = {
        "deadlines": [
            {"report": "Báo cáo 6 tháng", "due": "2024-06-10", "submit_to": "Ủy ban nhân dân huyện"}
        ]
    }
    texts = _texts(_context(minimal_plan(reporting=reporting)))
    assert "- Báo cáo 6 tháng gửi Ủy ban nhân dân huyện trước ngày 10/6/2024." in texts
    reporting["text"] = ["Báo cáo định kỳ."]
    texts = _texts(_context(minimal_plan(reporting=reporting)))
    assert not any("trước ngày 10/6/2024" in t for t in texts)


def test_extra_sections_follow_their_anchor() -> None:
    texts = _texts(
        _context(
            minimal_plan(
                purpose={"purposes": ["Mục đích A."]},
                sections=[
                    {"heading": "Phạm vi", "after": "purpose", "text": ["Toàn xã."]},
                    {"heading": "Căn cứ", "after": "start", "text": ["Luật."]},
                ],
            )
        )
    )
    context = _context(
        minimal_plan(
            purpose={"purposes": ["Mục đích A."]},
            sections=[
                {"heading": "Phạm vi", "after": "purpose", "text": ["Toàn xã."]},
                {"heading": "Căn cứ", "after": "start", "text": ["Luật."]},
            ],
        )
    )
    headings = [b.plain for b in context["blocks"] if b.kind is Kind.H1]
    assert headings == [
        "I. CĂN CỨ",
        "II. MỤC ĐÍCH, YÊU CẦU",
        "III. PHẠM VI",
        "IV. NHIỆM VỤ VÀ GIẢI PHÁP",
    ]
    assert texts[texts.index("III. PHẠM VI") + 1] == "Toàn xã."


def test_appendix_reference_line_and_numbering() -> None:
    context = _context(
        minimal_plan(
            number="7",
            appendices=[
                {"title": "Biểu mẫu", "sections": [{"heading": "Số liệu", "numbered": ["Một"]}]},
                {"title": "Danh sách"},
            ],
        )
    )
    texts = _texts(context)
    assert "Phụ lục 01" in texts and "Phụ lục 02" in texts and "BIỂU MẪU" in texts
    assert (
        "(Kèm theo Kế hoạch số 07/KH-UBND ngày 06 tháng 5 năm 2024 của "
        "Ủy ban nhân dân xã Quang Thuận)"
    ) in texts
    assert texts[texts.index("BIỂU MẪU") + 2 :][:2] == ["I. Số liệu", "1. Một"]
    kinds = [b.kind for b in context["blocks"]]
    assert kinds.count(Kind.SECTION_BREAK) == 2


def test_issuer_lines_and_rule() -> None:
    context = _context(
        minimal_plan(
            issuer={
                "name": "ỦY BAN NHÂN DÂN XÃ QUANG THUẬN",
                "parent": "UBND HUYỆN BẮC QUANG",
                "abbreviation": "UBND",
            }
        )
    )
    assert context["parent_lines"] == ["UBND HUYỆN BẮC QUANG"]
    assert context["issuer_lines"] == ["ỦY BAN NHÂN DÂN", "XÃ QUANG THUẬN"]
    assert context["issuer_rule"].left == context["issuer_rule"].right > 0

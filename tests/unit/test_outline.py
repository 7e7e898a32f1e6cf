"""Numbering at every depth: I., 1., a), decimal 2.1., run-in headings, assignments, and
content in document order (contract v1.1 §2). Parts are written as contract JSON."""

from __future__ import annotations

from typing import Any

from schemas.content import PartSchema
from service.model import Part
from service.rendering.blocks import Block, Kind
from service.rendering.outline import TOP, Labels, Scheme, content_blocks

ARABIC = Labels(Scheme.ARABIC)


def _part(data: dict[str, Any]) -> Part:
    part: Part = PartSchema().load(data)
    return part


def _blocks(data: dict[str, Any], labels: Labels = ARABIC, depth: int = 1) -> list[Block]:
    return list(content_blocks(_part(data).content, labels, depth))


def _plain(data: dict[str, Any], labels: Labels = ARABIC, depth: int = 1) -> list[str]:
    return [b.plain for b in _blocks(data, labels, depth)]


def test_sections_then_letters_then_dashes() -> None:
    part = {
        "sections": [
            {
                "heading": "Một",
                "sections": [
                    {"heading": "Con", "sections": [{"heading": "Cháu"}]},
                    {"heading": "Con hai"},
                ],
            }
        ]
    }
    assert _plain(part) == ["1. Một", "a) Con", "- Cháu", "b) Con hai"]


def test_decimal_numbering_and_assignments_after_sections() -> None:
    part = {
        "sections": [
            {"heading": "Điều kiện:", "run_in": True, "text": ["Theo quy định.", "Thêm."]},
            {
                "heading": "Phân công",
                "numbering": "decimal",
                "assignments": [
                    {"agency": "Công an phường", "items": ["Làm tốt."]},
                    {"agency": "Đoàn thanh niên", "request": True, "text": ["Phối hợp."]},
                    {"agency": "Các tổ dân phố:", "run_in": True, "text": ["phối hợp."]},
                ],
            },
        ],
        "assignments": [{"agency": "Cuối"}],
    }
    blocks = _blocks(part)
    assert [b.plain for b in blocks] == [
        "1. Điều kiện: Theo quy định.",
        "Thêm.",
        "2. Phân công",
        "2.1. Công an phường",
        "- Làm tốt.",
        "2.2. Đề nghị Đoàn thanh niên",
        "Phối hợp.",
        "2.3. Các tổ dân phố: phối hợp.",
        "3. Cuối",
    ]
    assert blocks[0].kind is Kind.RUN_IN and blocks[0].heading is not None
    assert blocks[0].heading.text == "1. Điều kiện:"
    assert [b.kind for b in blocks[2:4]] == [Kind.H2, Kind.H3]


def test_numbered_entries_are_regular_and_sections_continue_the_count() -> None:
    part = {
        "numbered": [
            {"text": "Nội dung sau:", "lettered": [f"Tiêu chí {n}" for n in range(1, 8)]},
            "Hai",
        ],
        "sections": [{"heading": "Ba"}],
    }
    blocks = _blocks(part)
    assert [b.plain for b in blocks][:3] == ["1. Nội dung sau:", "a) Tiêu chí 1", "b) Tiêu chí 2"]
    assert [b.plain for b in blocks[5:8]] == ["đ) Tiêu chí 5", "e) Tiêu chí 6", "g) Tiêu chí 7"]
    assert [b.plain for b in blocks][-2:] == ["2. Hai", "3. Ba"]
    assert blocks[0].kind is Kind.BODY and blocks[-1].kind is Kind.H2


def test_top_level_is_roman() -> None:
    assert [TOP.label(n) for n in (1, 2, 4, 9)] == ["I.", "II.", "IV.", "IX."]


def test_content_prints_in_the_given_order_with_one_count_per_level() -> None:
    part = {
        "content": [
            {"paragraph": "Mở đầu."},
            {"numbered": "Một"},
            {"dash": "gạch"},
            {"plus": "cộng"},
            {"section": {"heading": "Hai", "content": [{"lettered": "x"}, {"paragraph": "sau"}]}},
            {"paragraph": "Đoạn chen giữa không ngắt số."},
            {"assignment": {"agency": "Sở Tài chính", "request": True}},
            {"lettered": "chữ"},
            {"numbered": {"text": "Bốn", "content": [{"lettered": "y"}, {"lettered": "z"}]}},
        ]
    }
    blocks = _blocks(part)
    assert [b.plain for b in blocks] == [
        "Mở đầu.",
        "1. Một",
        "- gạch",
        "+ cộng",
        "2. Hai",
        "a) x",
        "sau",
        "Đoạn chen giữa không ngắt số.",
        "3. Đề nghị Sở Tài chính",
        "a) chữ",
        "4. Bốn",
        "a) y",
        "b) z",
    ]
    kinds = [b.kind for b in blocks]
    assert kinds[3] is Kind.PLUS and kinds[4] is Kind.H2 and kinds[8] is Kind.H2
    assert kinds[10] is Kind.BODY  # a numbered entry is regular weight, not a heading


def test_lettered_sections_share_the_count_of_lettered_entries_at_depth_three() -> None:
    part = {"content": [{"lettered": "một"}, {"section": {"heading": "hai"}}, {"lettered": "ba"}]}
    assert _plain(part, Labels(Scheme.LETTER), 2) == ["a) một", "b) hai", "c) ba"]


def test_the_number_takes_the_marks_of_the_first_span() -> None:
    part = {"sections": [{"heading": [{"text": "Phạm vi", "italic": True, "bold": False}]}]}
    (block,) = _blocks(part)
    first = block.text.parts[0]
    assert block.text.text == "1. Phạm vi"
    assert getattr(first, "italic", None) is True and getattr(first, "bold", None) is False


def test_a_table_between_entries_keeps_the_count() -> None:
    table = {"columns": [{"title": "A"}], "rows": [["1"]]}
    part = {"content": [{"numbered": "Một"}, {"table": table}, {"numbered": "Hai"}]}
    blocks = _blocks(part)
    assert [b.kind for b in blocks] == [Kind.BODY, Kind.TABLE, Kind.BODY]
    assert blocks[2].plain == "2. Hai"

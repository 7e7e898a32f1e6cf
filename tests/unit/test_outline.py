"""Numbering at every depth: I., 1., a), decimal 2.1., run-in headings, assignments."""

from __future__ import annotations

from service.plan import Assignment, Entry, Numbering, Part, Section
from service.rendering.blocks import Kind
from service.rendering.outline import TOP, Labels, Scheme, content_blocks

ARABIC = Labels(Scheme.ARABIC)


def _plain(part: Part, labels: Labels = ARABIC, depth: int = 1) -> list[str]:
    return [b.plain for b in content_blocks(part, labels, depth)]


def test_sections_then_letters_then_dashes() -> None:
    part = Part(
        sections=(
            Section(
                heading="Một",
                sections=(
                    Section(heading="Con", sections=(Section(heading="Cháu"),)),
                    Section(heading="Con hai"),
                ),
            ),
        )
    )
    assert _plain(part) == ["1. Một", "a) Con", "- Cháu", "b) Con hai"]


def test_decimal_numbering_and_assignments_after_sections() -> None:
    part = Part(
        sections=(
            Section(heading="Điều kiện:", run_in=True, text=("Theo quy định.", "Thêm.")),
            Section(
                heading="Phân công",
                numbering=Numbering.DECIMAL,
                assignments=(
                    Assignment(agency="Công an phường", items=("Làm tốt.",)),
                    Assignment(agency="Đoàn thanh niên", request=True, text=("Phối hợp.",)),
                    Assignment(agency="Các tổ dân phố:", run_in=True, text=("phối hợp.",)),
                ),
            ),
        ),
        assignments=(Assignment(agency="Cuối"),),
    )
    blocks = list(content_blocks(part, Labels(Scheme.ARABIC), 1))
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
    assert blocks[0].kind is Kind.RUN_IN and blocks[0].heading == "1. Điều kiện:"
    assert [b.kind for b in blocks[2:4]] == [Kind.H2, Kind.H3]


def test_numbered_entries_are_regular_and_sections_continue_the_count() -> None:
    part = Part(
        numbered=(
            Entry(
                text="Nội dung sau:",
                lettered=tuple(Entry(text=f"Tiêu chí {n}") for n in range(1, 8)),
            ),
            Entry(text="Hai"),
        ),
        sections=(Section(heading="Ba"),),
    )
    blocks = list(content_blocks(part, Labels(Scheme.ARABIC), 1))
    assert [b.plain for b in blocks][:3] == ["1. Nội dung sau:", "a) Tiêu chí 1", "b) Tiêu chí 2"]
    assert [b.plain for b in blocks[5:8]] == ["đ) Tiêu chí 5", "e) Tiêu chí 6", "g) Tiêu chí 7"]
    assert [b.plain for b in blocks][-2:] == ["2. Hai", "3. Ba"]
    assert blocks[0].kind is Kind.BODY and blocks[-1].kind is Kind.H2


def test_top_level_is_roman() -> None:
    assert [TOP.label(n) for n in (1, 2, 4, 9)] == ["I.", "II.", "IV.", "IX."]

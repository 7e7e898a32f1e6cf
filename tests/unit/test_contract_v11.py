"""Contract v1.1 input: every malformed shape is a 422 at its exact dotted path; good shapes
load into the model (spans, footnotes, content, tables, appendices, decisions)."""

from __future__ import annotations

from typing import Any

import pytest

from schemas import InvalidDocument, load_document
from service.documents.decision import Decision
from service.model import Footnote, GroupRow, Orientation, Rich, Span, Table
from service.model.table import MAX_ROWS
from tests.builders import minimal_decision, minimal_plan


def _errors(data: dict[str, Any]) -> dict[str, list[str]]:
    with pytest.raises(InvalidDocument) as caught:
        load_document(data)
    return caught.value.errors


def _table(**overrides: Any) -> dict[str, Any]:
    table: dict[str, Any] = {
        "columns": [{"title": "STT", "width": 8}, {"title": "Nội dung", "width": 40}],
        "rows": [["1", "Một"]],
    }
    table.update(overrides)
    return table


def _with_content(*blocks: Any) -> dict[str, Any]:
    return minimal_plan(tasks={"content": list(blocks)})


def test_spans_load_with_their_marks_and_footnotes() -> None:
    plan = load_document(
        minimal_plan(
            preamble=[
                [
                    {"text": "Lưu ý: ", "bold": True},
                    "gửi trước ngày 15",
                    {"footnote": "Theo QĐ."},
                    ".",
                ]
            ]
        )
    )
    (rich,) = plan.preamble  # type: ignore[attr-defined]
    assert rich.text == "Lưu ý: gửi trước ngày 15."
    assert rich.parts[0] == Span("Lưu ý: ", bold=True)
    assert rich.parts[2] == Footnote(Rich.of("Theo QĐ."))


@pytest.mark.parametrize(
    ("blocks", "path", "message"),
    [
        ([{"heading": "x"}], "tasks.content.0", "unknown_block|"),
        ([{"paragraph": "a", "dash": "b"}], "tasks.content.0", "one_block_key|paragraph, dash"),
        (["text"], "tasks.content.0", "not_object"),
        (
            [{"paragraph": [{"text": "a", "bold": "yes"}]}],
            "tasks.content.0.paragraph.0.bold",
            "not_boolean",
        ),
        (
            [{"paragraph": [{"text": "a", "colour": "red"}]}],
            "tasks.content.0.paragraph.0.colour",
            "unknown_field",
        ),
        ([{"paragraph": [{"foot": "a"}]}], "tasks.content.0.paragraph.0.foot", "unknown_field"),
        ([{"paragraph": [3]}], "tasks.content.0.paragraph.0", "invalid_span"),
        ([{"paragraph": []}], "tasks.content.0.paragraph", "empty"),
        (
            [{"paragraph": ["a", {"footnote": ["b", {"footnote": "c"}]}]}],
            "tasks.content.0.paragraph.1.footnote.1.footnote",
            "footnote_in_footnote",
        ),
        ([{"dash": "a\nb"}], "tasks.content.0.dash", "line_break"),
        ([{"table": _table(columns=[])}], "tasks.content.0.table.columns", "too_few|1"),
        ([{"table": _table(rows=[])}], "tasks.content.0.table.rows", "too_few|1"),
        (
            [{"table": _table(columns=[{"title": str(n)} for n in range(31)], rows=[["x"] * 31])}],
            "tasks.content.0.table.columns",
            "too_many|30",
        ),
        (
            [{"table": _table(columns=[{"title": "a", "width": 0}])}],
            "tasks.content.0.table.columns.0.width",
            "width_range",
        ),
        ([{"table": _table(rows=[["1"]])}], "tasks.content.0.table.rows.0", "row_fill|2"),
        ([{"table": _table(rows=[["1", "2", "3"]])}], "tasks.content.0.table.rows.0", "row_fill|2"),
        (
            [{"table": _table(rows=[[{"text": "1", "rowspan": 2}, "a"]])}],
            "tasks.content.0.table.rows.0.0.rowspan",
            "rowspan_past",
        ),
        (
            [{"table": _table(rows=[[{"text": "1", "rowspan": 2}, "a"], {"group": "G"}])}],
            "tasks.content.0.table.rows.0.0.rowspan",
            "rowspan_past",
        ),
        ([{"table": _table(rows=[[]])}], "tasks.content.0.table.rows.0", "empty_row"),
        (
            [{"table": _table(rows=[["1", {"text": "a", "colspan": 0}]])}],
            "tasks.content.0.table.rows.0.1.colspan",
            "span_range|",
        ),
        (
            [{"table": _table(font_size=16)}],
            "tasks.content.0.table.font_size",
            "one_of|11, 12, 13, 14",
        ),
        ([{"table": _table(rows=[["1", 5]])}], "tasks.content.0.table.rows.0.1", "invalid_cell"),
    ],
)
def test_malformed_content_is_refused_at_its_path(blocks: Any, path: str, message: str) -> None:
    errors = _errors(_with_content(*blocks))
    assert path in errors, errors
    assert any(m.startswith(message) for m in errors[path]), errors[path]


def test_content_beside_the_v1_keys_names_the_conflict() -> None:
    errors = _errors(minimal_plan(tasks={"content": [{"paragraph": "a"}], "items": ["b"]}))
    assert errors["tasks.content"] == ["content_conflict|items"]
    entry = {"numbered": {"text": "a", "content": [], "lettered": ["x"]}}
    assert _errors(_with_content(entry))["tasks.content.0.numbered.content"] == [
        "content_conflict|lettered"
    ]


def test_a_table_over_the_row_limit_is_refused() -> None:
    rows = [["1", "x"]] * (MAX_ROWS + 1)
    errors = _errors(_with_content({"table": _table(rows=rows)}))
    assert errors["tasks.content.0.table.rows"] == [f"too_many|{MAX_ROWS}"]


def test_a_full_table_loads_with_spans_groups_and_merges() -> None:
    table = _table(
        columns=[
            {"title": "STT", "width": 8, "align": "center"},
            {"title": "X", "group": "Tọa độ"},
            {"title": "Y", "group": "Tọa độ"},
        ],
        rows=[
            {"group": "I. NHÓM"},
            [{"text": "1", "rowspan": 2}, "a", [{"text": "b", "italic": True}]],
            [{"text": "c\nd", "colspan": 2}],
            ["", "", ""],
        ],
        font_size=13,
    )
    plan = load_document(_with_content({"table": table}))
    (loaded,) = plan.tasks.content  # type: ignore[attr-defined]
    assert isinstance(loaded, Table) and loaded.font_size == 13
    assert isinstance(loaded.rows[0], GroupRow)
    assert loaded.rows[2][0].text.text == "c\nd" and loaded.rows[2][0].colspan == 2  # type: ignore[index]


def test_closing_false_and_true() -> None:
    assert load_document(minimal_plan(closing=False)).closing is False  # type: ignore[attr-defined]
    assert _errors(minimal_plan(closing=True))["closing"] == ["closing_true"]


def test_appendix_label_reference_and_orientation() -> None:
    appendix = {
        "title": "Nhiệm vụ",
        "label": "PHỤ LỤC I",
        "reference": "(Kèm theo Kế hoạch số 617/KH-UBND ngày 01/12/2025)",
        "orientation": "landscape",
        "content": [{"table": _table()}],
    }
    plan = load_document(minimal_plan(appendices=[appendix]))
    (loaded,) = plan.appendices
    assert loaded.label == "PHỤ LỤC I" and loaded.orientation is Orientation.LANDSCAPE
    assert _errors(minimal_plan(appendices=[{**appendix, "orientation": "sideways"}]))[
        "appendices.0.orientation"
    ] == ["one_of|portrait, landscape"]


def test_a_decision_loads_and_needs_its_articles() -> None:
    decision = load_document(minimal_decision())
    assert isinstance(decision, Decision) and decision.attachment is not None
    assert _errors(minimal_decision(articles=[]))["articles"] == ["too_few|1"]
    errors = _errors({k: v for k, v in minimal_decision().items() if k != "articles"})
    assert errors["articles"] == ["required"]
    assert _errors(minimal_decision(authority=""))["authority"] == ["empty"]
    assert _errors(minimal_decision(legal_basis=[]))["legal_basis"] == ["too_few|1"]


def test_an_attachment_must_be_a_plan_body() -> None:
    bad = minimal_decision(attachment={"title": "X", "addressees": ["Y"], "issuer": {}})
    errors = _errors(bad)
    assert errors["attachment.addressees"] == ["unknown_field"]
    assert errors["attachment.issuer"] == ["unknown_field"]
    assert _errors(minimal_decision(attachment={"tasks": {}}))["attachment.title"] == ["required"]


def test_a_decision_has_no_letter_fields() -> None:
    errors = _errors(minimal_decision(addressees=["A"]))
    assert errors["addressees"] == ["unknown_field"]

"""Cascading a plan to the level below: the implementing line, the new header, parts kept."""

from __future__ import annotations

from schemas import load_document
from service.cascade import cascade, implementing_line
from tests.conftest import plan_json

COMMUNE = {
    "issuer": {"name": "ỦY BAN NHÂN DÂN XÃ QUANG THUẬN", "abbreviation": "UBND"},
    "place": "Quang Thuận",
    "date": "2023-05",
    "signer": {"collective": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn An"},
    "recipients": ["UBND thành phố"],
}


def test_implementing_line_leaves_blanks_for_unknown_number_and_day() -> None:
    parent = load_document(plan_json("ke-hoach-bac-kan-2023"))
    assert implementing_line(parent) == (
        "Thực hiện Kế hoạch số .../KH-UBND ngày ... của Ủy ban nhân dân thành phố Bắc Kạn "
        "về thực hiện công tác trẻ em năm 2023."
    )


def test_implementing_line_with_number_and_date() -> None:
    data = plan_json("ke-hoach-bac-kan-2023") | {"number": "5", "date": "2023-04-03"}
    line = implementing_line(load_document(data))
    assert line.startswith("Thực hiện Kế hoạch số 05/KH-UBND ngày 3/4/2023 của Ủy ban nhân dân")


def test_cascade_keeps_parts_and_takes_the_lower_header() -> None:
    data = plan_json("ke-hoach-bac-kan-2023")
    child = load_document(cascade(data, load_document(data), COMMUNE))
    assert child.issuer.name == "ỦY BAN NHÂN DÂN XÃ QUANG THUẬN"
    assert child.number is None and child.closing is None
    assert child.preamble[0].startswith("Thực hiện Kế hoạch số .../KH-UBND")
    assert child.tasks == load_document(data).tasks
    assert data["issuer"]["name"] == "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN"  # parent untouched


def test_a_v11_plan_cascades_with_its_content_spans_and_tables() -> None:
    data = plan_json("ke-hoach-bac-kan-2023")
    data["tasks"] = {
        "content": [
            {"paragraph": [{"text": "Lưu ý: ", "bold": True}, "x", {"footnote": "y"}]},
            {"table": {"columns": [{"title": "STT"}], "rows": [["1"]]}},
        ]
    }
    parent = load_document(data)
    child = load_document(cascade(data, parent, COMMUNE))
    assert child.tasks == parent.tasks


def test_only_types_that_cascade_are_offered() -> None:
    from service.documents.registry import all_kinds

    assert {k.code for k in all_kinds() if k.cascades} == {"ke_hoach"}

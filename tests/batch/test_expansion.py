"""A commune's plan from the district's: cascade, header, deadlines, fields, paths, patch;
and every row validated before any work, all errors at once."""

from __future__ import annotations

from typing import Any

import pytest

from schemas import InvalidDocument
from service.batch.request import parse_request
from service.batch.validation import check
from service.documents.letter import Letter
from service.documents.plan import Plan
from service.model import Rich
from tests.batch.communes import commune_rows
from tests.builders import minimal_letter


def request(plan: dict[str, Any], rows: list[dict[str, Any]], **envelope: Any) -> Any:
    return parse_request({"plan": plan, "rows": rows, **envelope}, max_rows=100)


def errors_of(plan: dict[str, Any], rows: list[dict[str, Any]], **envelope: Any) -> Any:
    with pytest.raises(InvalidDocument) as caught:
        check(request(plan, rows, **envelope))
    return caught.value.errors


def test_a_commune_gets_the_cascade_line_its_header_and_its_values(plan: dict[str, Any]) -> None:
    plan["title"] = "Thực hiện công tác trẻ em năm 2023 trên địa bàn {ten_xa}"
    rows = commune_rows(2)
    expander, prepared = check(request(plan, rows, fields=["ten_xa"]))
    assert [p.label for p in prepared] == ["Xã Quang Thuận", "Xã Đồng Phúc"]
    document = expander.document(rows[1])
    assert isinstance(document, Plan)
    assert document.issuer.name == "ỦY BAN NHÂN DÂN XÃ ĐỒNG PHÚC"
    assert document.issuer.abbreviation == "UBND"  # from the district
    assert document.place == "Đồng Phúc" and document.date.isoformat() == "2023"
    assert (document.signer.mode, document.signer.title) == ("KT", "PHÓ CHỦ TỊCH")
    assert document.signer.name == rows[1]["signer.name"]
    assert document.title.endswith("trên địa bàn xã Đồng Phúc")
    assert tuple(p.text for p in document.preamble) == (
        "Thực hiện Kế hoạch số .../KH-UBND ngày ... của Ủy ban nhân dân thành phố Bắc Kạn về "
        "thực hiện công tác trẻ em năm 2023 trên địa bàn xã Đồng Phúc.",
    )
    assert document.recipients == ("Ủy ban nhân dân thành phố Bắc Kạn (để b/c)",)
    assert document.targets is not None
    assert str(document.targets.specific[1].value) == "1.1"
    assert document.number is None and document.closing is None


def test_deadlines_move_earlier_and_the_header_option_applies(plan: dict[str, Any]) -> None:
    header = {"date": "2023-05", "recipients": ["UBND thành phố (b/c)", "Lưu: VT"]}
    options = {"deadline_days_before": 5}
    rows = commune_rows(1)
    expander, _ = check(request(plan, rows, header=header, options=options, fields=["ten_xa"]))
    document = expander.document(rows[0])
    assert isinstance(document, Plan) and document.reporting is not None
    assert [d.due.isoformat() for d in document.reporting.deadlines] == ["2023-06-05", "2023-11-05"]
    assert document.date.isoformat() == "2023-05"
    assert document.recipients == ("UBND thành phố (b/c)", "Lưu: VT")


def test_a_merge_patch_per_row_json_or_text(plan: dict[str, Any]) -> None:
    rows = commune_rows(2)
    rows[0]["patch"] = {"signer": {"mode": None, "head": None, "title": "CHỦ TỊCH"}}
    rows[1]["patch"] = '{"funding": null, "closing": "Kế hoạch của {ten_xa}."}'
    expander, _ = check(request(plan, rows, fields=["ten_xa"]))
    first, second = (expander.document(row) for row in rows)
    assert (first.signer.mode, first.signer.title) == (None, "CHỦ TỊCH")
    assert isinstance(second, Plan) and second.funding is None
    assert isinstance(second.closing, Rich) and second.closing.text == "Kế hoạch của {ten_xa}."


def test_without_cascade_the_base_header_stays(plan: dict[str, Any]) -> None:
    rows = [{"place": "Đồng Phúc"}]
    expander, _ = check(request(plan, rows, options={"cascade": False}))
    document = expander.document(rows[0])
    assert document.issuer.name == "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN"
    assert isinstance(document, Plan) and document.preamble[0].startswith(
        "Thực hiện Kế hoạch số 231"
    )


def test_a_letter_is_sent_per_commune_without_cascade() -> None:
    rows = [{"addressees.0": "Ủy ban nhân dân xã Quang Thuận"}, {"addressees": ["UBND xã A"]}]
    expander, prepared = check(request(minimal_letter(), rows))
    letter = expander.document(rows[0])
    assert isinstance(letter, Letter) and letter.addressees == ("Ủy ban nhân dân xã Quang Thuận",)
    assert len(prepared) == 2
    assert errors_of(minimal_letter(), rows, options={"cascade": True}) == {
        "options.cascade": ["cascade_plan_only"]
    }


def test_every_error_of_every_row_at_once(plan: dict[str, Any]) -> None:
    plan["title"] = "Công tác trẻ em trên địa bàn {ten_xa}"
    rows = commune_rows(9)
    del rows[7]["signer.name"]
    rows[2]["ten_xa"] = ""
    rows[3]["ten_huyen"] = "Bạch Thông"
    rows[4]["targets.specific.9.value"] = 2
    rows[5]["patch"] = "{not json"
    rows[6]["targets.specific.1.value"] = "1,5"
    rows[8]["signer.mode"] = "XX"
    assert errors_of(plan, rows, fields=["ten_xa"]) == {
        "rows.2.ten_xa": ["required"],
        "rows.3.ten_huyen": ["undeclared_field"],
        "rows.4.targets.specific.9.value": ["no_such_path"],
        "rows.5.patch": ["invalid_patch"],
        "rows.6.targets.specific.1.value": ["not_number"],
        "rows.7.signer.name": ["required"],
        "rows.8.signer.mode": ["one_of|KT, TL, TUQ, Q"],
    }


def test_the_envelope_and_the_base_plan_are_checked_first(plan: dict[str, Any]) -> None:
    del plan["title"]
    assert errors_of(plan, commune_rows(1), fields=["place", "ok", "value"]) == {
        "plan.title": ["required"],
        "fields.0": ["invalid_field_name"],
        "fields.2": ["invalid_field_name"],
    }
    with pytest.raises(InvalidDocument) as caught:
        parse_request({"plan": [], "rows": [], "formats": ["odt"], "options": {"x": 1}}, 10)
    assert caught.value.errors == {
        "plan": ["not_object"],
        "formats.0": ["one_of|docx, pdf"],
        "options.x": ["unknown_field"],
    }
    with pytest.raises(InvalidDocument) as caught:
        parse_request({"plan": {}, "rows": [{}] * 11}, 10)
    assert caught.value.errors == {"rows": ["too_many|10"]}


def test_fingerprints_tell_requests_apart(plan: dict[str, Any]) -> None:
    rows = commune_rows(3)
    same = request(plan, list(reversed(list(reversed(rows)))))
    assert request(plan, rows).fingerprint() == same.fingerprint()
    assert request(plan, rows[:2]).fingerprint() != same.fingerprint()
    assert request(plan, rows, formats=["pdf"]).fingerprint() != same.fingerprint()

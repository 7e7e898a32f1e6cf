"""The contract's validation: every error at once, by dotted path, vi and en messages."""

from __future__ import annotations

import unicodedata
from typing import Any

import pytest

from schemas import InvalidDocument, load_document
from schemas.messages import MESSAGES
from service.documents.decision import Decision
from service.documents.letter import Letter
from service.documents.plan import Plan
from tests.builders import minimal_letter, minimal_plan
from tests.conftest import GOLDEN, plan_json


def _errors(data: Any) -> dict[str, list[str]]:
    with pytest.raises(InvalidDocument) as caught:
        load_document(data)
    return caught.value.errors


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_plans_are_valid(name: str) -> None:
    data = plan_json(name)
    document = load_document(data)
    models = {"ke_hoach": Plan, "cong_van": Letter, "quyet_dinh": Decision}
    assert type(document) is models[data["type"]]


def test_all_errors_at_once_by_dotted_path() -> None:
    data = minimal_plan(
        organization={
            "assignments": [
                {"agency": "A"},
                {"agency": "B"},
                {"agency": "C"},
                {"text": ["no agency"]},
            ]
        },
        signer={"mode": "KT", "title": "PHÓ CHỦ TỊCH", "name": "X"},
        date="2024-13",
        titel="typo",
    )
    errors = _errors(data)
    assert set(errors) == {"organization.assignments.3.agency", "signer.head", "date", "titel"}
    assert errors["organization.assignments.3.agency"] == ["required"]
    assert errors["titel"] == ["unknown_field"]


@pytest.mark.parametrize(
    ("signer", "path", "message"),
    [
        ({"mode": "TL", "title": "CVP", "name": "X"}, "signer.head", "head_required"),
        ({"mode": "TUQ", "title": "GĐ", "name": "X"}, "signer.head", "head_required"),
        (
            {"mode": "Q", "head": "CHỦ TỊCH", "title": "GĐ", "name": "X"},
            "signer.head",
            "head_not_allowed",
        ),
        ({"head": "CHỦ TỊCH", "title": "GĐ", "name": "X"}, "signer.head", "head_not_allowed"),
        (
            {"mode": "KTT", "head": "A", "title": "GĐ", "name": "X"},
            "signer.mode",
            "one_of|KT, TL, TUQ, Q",
        ),
        ({"title": "GĐ"}, "signer.name", "required"),
    ],
)
def test_signer_rules(signer: dict[str, str], path: str, message: str) -> None:
    assert _errors(minimal_plan(signer=signer))[path] == [message]


def test_strings_are_nfc_and_trimmed() -> None:
    decomposed = unicodedata.normalize("NFD", "  Thực hiện công tác trẻ em  ")
    document = load_document(minimal_plan(title=decomposed))
    assert document.title == "Thực hiện công tác trẻ em"


@pytest.mark.parametrize("bad", ["a\x00b", "a\x07b", "tab\there", "a\ud800b", "a\x85b", "\uffff"])
def test_control_characters_are_rejected(bad: str) -> None:
    assert _errors(minimal_plan(place=bad))["place"][0].startswith(
        ("control_character", "line_break")
    )


def test_line_breaks_only_where_they_mean_a_line() -> None:
    load_document(minimal_plan(title="Dòng một\nDòng hai"))
    assert _errors(minimal_plan(place="Quang\nThuận"))["place"] == ["line_break"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "x" * 20_001, "too_long|20000"),
        ("recipients", ["x"] * 101, "too_many|100"),
        ("number", "12a", "invalid_number"),
        ("number", "", "invalid_number"),
        ("date", 20240101, "invalid_date"),
        ("type", "bao_cao", "one_of|ke_hoach, cong_van, quyet_dinh"),
        ("place", "   ", "empty"),
        ("place", None, "null"),
    ],
)
def test_field_errors(field: str, value: Any, message: str) -> None:
    assert _errors(minimal_plan(**{field: value}))[field] == [message]


def test_numbers_may_be_integers_or_null() -> None:
    assert load_document(minimal_plan(number=5)).number == "5"
    assert load_document(minimal_plan(number=None)).number is None


def test_lettered_lists_stop_at_y() -> None:
    tasks = {"lettered": [f"Mục {n}" for n in range(24)]}
    assert _errors(minimal_plan(tasks=tasks))["tasks.lettered"] == ["too_many_letters|23"]


def test_target_placeholder_rules() -> None:
    targets = {"specific": [{"text": "Không có chỗ", "value": 3}, {"text": "Đạt {value}"}]}
    errors = _errors(minimal_plan(targets=targets))
    assert errors == {
        "targets.specific.0.text": ["value_placeholder_missing"],
        "targets.specific.1.value": ["value_missing"],
    }


def test_letter_needs_addressees_and_body() -> None:
    errors = _errors(minimal_letter(addressees=[], body=None))
    assert errors == {"addressees": ["too_few|1"], "body": ["null"]}


def test_unknown_type_still_reports_common_fields() -> None:
    errors = _errors({"type": "bao_cao", "title": ""})
    assert errors["type"] == ["one_of|ke_hoach, cong_van, quyet_dinh"]
    assert errors["title"] == ["empty"]


def test_not_an_object_and_too_deep() -> None:
    assert _errors([1, 2]) == {"_schema": ["not_object"]}
    deep: dict[str, Any] = {"heading": "x"}
    for _ in range(50):
        deep = {"heading": "x", "sections": [deep]}
    errors = _errors(minimal_plan(tasks={"sections": [deep]}))
    assert list(errors.values()) == [["too_deep|40"]]
    (path,) = errors
    assert path.startswith("tasks.sections.0.sections.0.sections.0.")
    assert path.count(".") == 40  # the path of the first object past the limit


def test_no_marshmallow_default_english_leaks_through() -> None:
    data = minimal_plan(tasks={"sections": "x", "text": [1]}, purpose=[], signer={"name": True})
    for messages in _errors(data).values():
        for message in messages:
            assert message.partition("|")[0] in MESSAGES, message

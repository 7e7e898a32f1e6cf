"""Named fields: plain replacement of declared names, never a template engine."""

from __future__ import annotations

from service.batch.placeholders import fill, invalid_names, used_names

PLAN = {
    "title": "Công tác trẻ em năm 2024 trên địa bàn {ten_xa}",
    "targets": {"specific": [{"text": "Đạt {value} tại {ten_xa}", "value": 90}]},
    "closing": "{chua_khai_bao} {{ 7*7 }} {ten_xa.__class__}",
}


def test_only_declared_names_are_replaced() -> None:
    filled = fill(PLAN, {"ten_xa": "xã Quang Thuận"})
    assert filled["title"] == "Công tác trẻ em năm 2024 trên địa bàn xã Quang Thuận"
    # `{value}` is the contract's own placeholder, undeclared names stay as typed.
    assert filled["targets"]["specific"][0]["text"] == "Đạt {value} tại xã Quang Thuận"
    assert filled["closing"] == "{chua_khai_bao} {{ 7*7 }} {ten_xa.__class__}"
    assert PLAN["title"].endswith("{ten_xa}")  # the base plan is untouched


def test_values_are_data_never_searched_again() -> None:
    values = {"a": "{b} {{ 7*7 }} {% raw %}", "b": "B"}
    assert fill({"x": "{a}|{b}"}, values) == {"x": "{b} {{ 7*7 }} {% raw %}|B"}


def test_used_names_and_declarable_names() -> None:
    assert used_names(PLAN, ["ten_xa", "ten_huyen"]) == {"ten_xa"}
    names = ["ten_xa", "value", "patch", "place", "1x", "xã", "ten_xa", "ten_huyen"]
    assert invalid_names(names, taken={"place"}) == [1, 2, 3, 4, 5, 6]

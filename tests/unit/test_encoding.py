"""Legacy Vietnamese encodings pasted as text are recognised; real Unicode text is not."""

from __future__ import annotations

import pytest

from schemas import InvalidDocument, load_document
from schemas.encoding import legacy_encoding
from tests.builders import minimal_plan
from tests.conftest import GOLDEN, plan_json

TCVN3 = "Thùc hiÖn c«ng t¸c trÎ em n¨m 2023 cña ñy ban nh©n d©n thµnh phè"
VNI = "Thöïc hieän coâng taùc treû em naêm 2023 cuûa uûy ban nhaân daân thaønh phoá"


def test_tcvn3_and_vni_are_recognised() -> None:
    assert legacy_encoding(TCVN3) == "TCVN3"
    assert legacy_encoding(VNI) == "VNI"


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện công tác trẻ em năm 2023",
        "Ông Müller và bà Noël",
        "Nhiệt độ 25°C ± 2",
        "«Toàn dân chăm sóc trẻ em»",
        "Hà Nội",
        "A & B",
    ],
)
def test_unicode_text_is_not_flagged(text: str) -> None:
    assert legacy_encoding(text) is None


@pytest.mark.parametrize("name", GOLDEN)
def test_no_golden_string_is_flagged(name: str) -> None:
    load_document(plan_json(name))


def test_schema_reports_the_encoding_by_field() -> None:
    with pytest.raises(InvalidDocument) as caught:
        load_document(minimal_plan(title=TCVN3, closing=VNI))
    assert caught.value.errors == {
        "title": ["legacy_encoding|TCVN3"],
        "closing": ["legacy_encoding|VNI"],
    }

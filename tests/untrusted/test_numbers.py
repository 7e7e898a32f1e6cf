"""Numbers Word never writes are refused on their text: no OverflowError, no infinity."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.untrusted import NumberOutOfRange, parse_decimal, parse_int


@pytest.mark.parametrize(
    ("text", "value"),
    [("120", 120), ("-240", -240), ("+5", 5), (" 12.7 ", 12), ("1e3", 1000), ("0.5e1", 5)],
)
def test_numbers_in_range_are_read(text: str, value: int) -> None:
    assert parse_int(text, -31680, 31680) == value


@pytest.mark.parametrize(
    "text",
    [
        "1e300",
        "1e308",
        "1e309",
        "-1e309",
        "inf",
        "-inf",
        "Infinity",
        "nan",
        "NaN",
        "1e99999",
        "0x10",
        "1_000",
        "",
        " ",
        ".",
        "e5",
        "12pt",
        "١٢",
        "9" * 41,
        "31681",
    ],
)
def test_what_word_never_writes_is_refused(text: str) -> None:
    with pytest.raises(NumberOutOfRange) as raised:
        parse_int(text, -31680, 31680)
    assert isinstance(raised.value, ValueError)
    assert raised.value.text == text[:40]


def test_decimals_keep_their_fraction() -> None:
    assert parse_decimal("13.5", 1, 1638) == Decimal("13.5")
    with pytest.raises(NumberOutOfRange):
        parse_decimal("1638.5", 1, 1638)


@given(st.text(max_size=60))
def test_any_text_is_a_number_in_range_or_refused(text: str) -> None:
    try:
        value = parse_int(text, -100, 100)
    except NumberOutOfRange:
        return
    assert -100 <= value <= 100

"""Vietnamese conventions of Decree 30: each rule, including where it could go wrong."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from service.vietnamese import (
    LETTERS,
    PartialDate,
    document_number,
    format_number,
    format_quantity,
    letter,
    letter_symbol,
    long_date,
    lowercase_first,
    name_in_text,
    nfc,
    plan_symbol,
    roman,
    short_date,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-04-03", "ngày 03 tháng 4 năm 2023"),
        ("2023-01-09", "ngày 09 tháng 01 năm 2023"),
        ("2024-02-29", "ngày 29 tháng 02 năm 2024"),
        ("2023-03-10", "ngày 10 tháng 3 năm 2023"),
        ("2023-12-31", "ngày 31 tháng 12 năm 2023"),
        ("2023-04", "ngày      tháng 4 năm 2023"),
        ("2023-02", "ngày      tháng 02 năm 2023"),
        ("2023", "ngày      tháng      năm 2023"),
    ],
)
def test_long_date_zero_rule(text: str, expected: str) -> None:
    assert long_date(PartialDate.parse(text)) == expected


@pytest.mark.parametrize("text", ["2023-13", "2023-02-30", "23-04-01", "2023/04/01", "", "2023-4"])
def test_partial_date_rejects_bad_input(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_partial_date_round_trips() -> None:
    for text in ("2023-04-03", "2023-04", "2023"):
        assert PartialDate.parse(text).isoformat() == text
    assert PartialDate.parse("2023-04").to_date() is None
    assert PartialDate.parse("2023-04-03").to_date() == dt.date(2023, 4, 3)


def test_short_date_is_not_padded() -> None:
    assert short_date(dt.date(2023, 6, 10)) == "10/6/2023"
    assert short_date(PartialDate.parse("2023-06")) == "6/2023"


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (Decimal("1.2"), "%", "1,2%"),
        (100, "%", "100%"),
        (12500, "trẻ em", "12.500 trẻ em"),
        (1500000, "đồng", "1.500.000 đồng"),
        (Decimal("0.75"), None, "0,75"),
        (Decimal("2.5"), "‰", "2,5‰"),
    ],
)
def test_quantities_in_vietnamese(value: Decimal | int, unit: str | None, expected: str) -> None:
    assert format_quantity(value, unit) == expected


def test_numbers_keep_their_precision() -> None:
    assert format_number(Decimal("98.125")) == "98,125"
    assert format_number(Decimal("1234567.5")) == "1.234.567,5"


def test_roman_numerals() -> None:
    assert [roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994)] == [
        "I",
        "IV",
        "IX",
        "XIV",
        "XL",
        "XC",
        "CD",
        "MCMXCIV",
    ]
    with pytest.raises(ValueError):
        roman(0)


def test_letters_follow_vietnamese_order() -> None:
    assert "".join(LETTERS) == "abcdđeghiklmnopqrstuvxy"
    assert [letter(n) for n in (1, 5, 6, 7, 23)] == ["a", "đ", "e", "g", "y"]
    assert not set("fjwz") & set(LETTERS)
    with pytest.raises(ValueError):
        letter(24)


@pytest.mark.parametrize(
    ("number", "expected"),
    [("5", "05"), ("05", "05"), ("10", "10"), ("231", "231"), (None, "     ")],
)
def test_document_number_padding(number: str | None, expected: str) -> None:
    assert document_number(number) == expected


def test_symbols() -> None:
    assert plan_symbol("KH", "UBND") == "KH-UBND"
    assert letter_symbol("UBND", "LĐTBXH") == "UBND-LĐTBXH"
    assert letter_symbol("UBND", None) == "UBND"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN", "Ủy ban nhân dân thành phố Bắc Kạn"),
        ("ỦY BAN NHÂN DÂN XÃ BẢO LINH", "Ủy ban nhân dân xã Bảo Linh"),
        ("ỦY BAN NHÂN DÂN PHƯỜNG 12", "Ủy ban nhân dân phường 12"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở lao động - thương binh và xã hội"),
        ("Ủy ban nhân dân huyện Định Hóa", "Ủy ban nhân dân huyện Định Hóa"),
    ],
)
def test_name_in_running_text(name: str, expected: str) -> None:
    assert name_in_text(name) == expected


def test_lowercase_first_keeps_acronyms() -> None:
    assert lowercase_first("Thực hiện công tác") == "thực hiện công tác"
    assert lowercase_first("UBND tỉnh") == "UBND tỉnh"


def test_nfc_composes_decomposed_vietnamese() -> None:
    decomposed = "Ho\u0302\u0323i đo\u0302\u0300ng"
    assert nfc(decomposed) == "Hội đồng"

"""Pure Vietnamese conventions of Decree 30: dates, numbers, numerals, letters, symbols, names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from babel.numbers import format_decimal

# Level-3 item letters: the Vietnamese alphabet without ă â ê ô ơ ư and without f j w z.
LETTERS = (
    "a",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "g",
    "h",
    "i",
    "k",
    "l",
    "m",
    "n",
    "o",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "v",
    "x",
    "y",
)

# Type abbreviations of Phụ lục III, keyed by our document type names.
TYPE_ABBREVIATIONS = {
    "ke_hoach": "KH",
    "quyet_dinh": "QĐ",
    "bao_cao": "BC",
    "to_trinh": "TTr",
    "thong_bao": "TB",
    "huong_dan": "HD",
    "chuong_trinh": "CTr",
    "giay_moi": "GM",
    "cong_dien": "CĐ",
    "bien_ban": "BB",
    "phuong_an": "PA",
    "de_an": "ĐA",
}

# The records office fills blanks in by hand: six spaces between the printed words,
# `Số:      /KH-UBND`, `ngày      tháng 4 năm 2023` (as DECREE30.md and the contract show).
BLANK = " " * 6

_ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date whose day, or day and month, may be left blank for the signing day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.day is not None and self.month is not None:
            dt.date(self.year, self.month, self.day)  # raises on 2023-02-30
        elif self.month is not None and not 1 <= self.month <= 12:
            raise ValueError("month out of range")

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; raise ValueError otherwise."""
        match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
        if not match:
            raise ValueError(f"not a date: {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    @property
    def is_complete(self) -> bool:
        """True when day, month and year are all known."""
        return self.day is not None

    def to_date(self) -> dt.date | None:
        """The calendar date, or None when the day or month is blank."""
        if self.day is None or self.month is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def isoformat(self) -> str:
        """The contract's own notation: `2023-04-03`, `2023-04` or `2023`."""
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
        if self.day is not None:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


def nfc(text: str) -> str:
    """Unicode NFC: Vietnamese typed on some systems arrives decomposed (NFD)."""
    return unicodedata.normalize("NFC", text)


def long_date(date: PartialDate) -> str:
    """`ngày 03 tháng 4 năm 2023`: days 1–9 and months 1–2 padded, months 3–12 not."""
    gap = BLANK[1:]  # the word's own following space completes the blank
    day = "ngày" + gap if date.day is None else f"ngày {date.day:02d}"
    if date.month is None:
        month = "tháng" + gap
    else:
        month = f"tháng {date.month:02d}" if date.month <= 2 else f"tháng {date.month}"
    return f"{day} {month} năm {date.year}"


def short_date(date: dt.date | PartialDate) -> str:
    """Running-text date as the documents write it: `10/6/2023`, `6/2023`, `2023`."""
    if isinstance(date, dt.date):
        return f"{date.day}/{date.month}/{date.year}"
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{date.month}/{date.year}"
    return f"{date.day}/{date.month}/{date.year}"


@lru_cache(maxsize=4096)  # Babel takes tens of microseconds a number; values repeat
def format_number(value: Decimal | int | float) -> str:
    """Babel's `vi` locale: decimal comma, dot for thousands (`1,2`, `12.500`)."""
    return str(format_decimal(value, locale="vi", decimal_quantization=False))


def format_quantity(value: Decimal | int | float, unit: str | None) -> str:
    """A value with its unit: `1,2%` (no space before % or ‰), `12.500 trẻ em`."""
    number = format_number(value)
    if not unit:
        return number
    if unit in ("%", "‰"):
        return number + unit
    return f"{number} {unit}"


@cache
def roman(n: int) -> str:
    """Roman numeral for level-1 headings: 1 → I, 14 → XIV."""
    if n < 1:
        raise ValueError("Roman numerals start at 1")
    out = []
    for value, glyph in _ROMAN:
        count, n = divmod(n, value)
        out.append(glyph * count)
    return "".join(out)


def letter(n: int) -> str:
    """The n-th (1-based) level-3 letter in Vietnamese order: a b c d đ e g h ... y."""
    if not 1 <= n <= len(LETTERS):
        raise ValueError(f"only {len(LETTERS)} letters exist for level-3 items")
    return LETTERS[n - 1]


def document_number(number: str | None) -> str:
    """The number after `Số: ` as given, a lone digit with its leading zero (`5` → `05`);
    blank (6 spaces in all) if unknown."""
    if number is None or number == "":
        return BLANK[1:]
    return f"0{number}" if len(number) == 1 else number  # `0129` stays as the office gave it


def plan_symbol(type_abbreviation: str, issuer_abbreviation: str) -> str:
    """Symbol of a typed document: `KH-UBND`."""
    return f"{type_abbreviation}-{issuer_abbreviation}"


def letter_symbol(issuer_abbreviation: str, drafting_unit: str | None) -> str:
    """Symbol of a công văn, which has no type abbreviation: `UBND-LĐTBXH`."""
    return f"{issuer_abbreviation}-{drafting_unit}" if drafting_unit else issuer_abbreviation


# Words after which a body's own name follows: the proper name keeps its capitals in text.
_UNIT_WORDS = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường")
_UNIT_RE = re.compile(r"\b(" + "|".join(_UNIT_WORDS) + r")\s+(?!hội\b)(\S.*)$", flags=re.IGNORECASE)


def name_in_text(name: str) -> str:
    """`ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN` → `Ủy ban nhân dân thành phố Bắc Kạn`."""
    flat = " ".join(name.split())
    if flat != flat.upper():
        return flat  # already written in mixed case: trust the author
    lower = flat.lower()
    match = _UNIT_RE.search(lower)
    if match:
        proper = " ".join(w[:1].upper() + w[1:] for w in match.group(2).split())
        lower = lower[: match.start(2)] + proper
    return lower[:1].upper() + lower[1:]


def lowercase_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym (`UBND`)."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]


def capitals(text: str) -> str:
    """Decree 30's CAPITALS for headings and appendix titles, keeping what the author
    already typed in capitals as typed (`HẠ TẦNG 5G, IoT` keeps its `IoT`)."""
    letters = [ch for ch in text if ch.isalpha()]
    lower = sum(1 for ch in letters if ch.islower())
    return text if letters and lower * 4 <= len(letters) else text.upper()

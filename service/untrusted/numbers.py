"""Numbers from attributes and cells, checked against the range the format allows.

`int(float(text))` turns "1e309" into an OverflowError, "inf" into one too, and "1e300"
into a value that loops forever downstream; here every such text is a NumberOutOfRange
(a ValueError the caller turns into a finding or a 422), decided on the text alone.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Optional sign, digits with an optional fraction, an optional exponent of at most three
# digits. "inf", "nan", hexadecimal, underscores and thousands separators do not match.
_NUMBER = re.compile(r"\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,3}))?\s*", re.ASCII)
_MAX_TEXT = 40  # characters: a longer "number" is refused before any arithmetic


class NumberOutOfRange(ValueError):
    """A number that is malformed or outside [low, high]; `text` is what was read."""

    def __init__(self, text: str, low: Decimal | int, high: Decimal | int) -> None:
        super().__init__(f"{text[:_MAX_TEXT]!r} is not a number from {low} to {high}")
        self.text, self.low, self.high = text[:_MAX_TEXT], low, high


def parse_decimal(text: str, low: Decimal | int, high: Decimal | int) -> Decimal:
    """`text` as a Decimal within [low, high]; NumberOutOfRange otherwise."""
    match = _NUMBER.fullmatch(text) if len(text) <= _MAX_TEXT else None
    if match is None or not (match.group(2) or match.group(3)):
        raise NumberOutOfRange(text, low, high)
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise NumberOutOfRange(text, low, high) from None
    if not low <= value <= high:
        raise NumberOutOfRange(text, low, high)
    return value


def parse_int(text: str, low: int, high: int) -> int:
    """`text` as an integer within [low, high] (a fraction is truncated, as Word reads
    "12.0"); NumberOutOfRange otherwise."""
    digits = text.lstrip("-")
    if (
        0 < len(digits) <= 12
        and digits.isascii()
        and digits.isdigit()
        and len(text) - len(digits) <= 1
    ):
        value = int(text)  # the common case, as Word writes them: plain digits
        if low <= value <= high:
            return value
        raise NumberOutOfRange(text, low, high)
    return int(parse_decimal(text, low, high))

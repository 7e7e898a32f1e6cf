"""The rules, one module per part of the document, and each rule's default severity."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Final

from ..anatomy import Anatomy
from ..report import Issue, Severity
from . import (
    appendix,
    body,
    closing,
    date,
    fonts,
    header,
    headings,
    number,
    page,
    page_numbers,
    structure,
    title,
)

Check = Callable[[Anatomy], Iterator[Issue]]

CHECKS: Final[tuple[Check, ...]] = (
    page.check,
    fonts.check,
    header.check,
    number.check,
    date.check,
    title.check,
    headings.check,
    body.check,
    closing.check,
    page_numbers.check,
    appendix.check,
    structure.check,
)

_WARNINGS: Final = frozenset(
    {"font.color", "list.dash", "recipients.first", "structure.line_break"}
)


def severity(rule: str) -> Severity:
    """The severity of `rule` when a finding does not set its own."""
    return "warning" if rule in _WARNINGS else "error"

"""check() on an upload from anyone: its own process, a wall-clock and a memory budget.

A legacy .doc is converted first, in the caller (LibreOffice needs more address space
than a check is allowed); the check itself runs in a process forked from a warm fork
server and is killed at its deadline, so one file never holds a request thread longer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from service.untrusted import Budget, preload, run_bounded

from .legacy import legacy_format, to_docx
from .report import Report

preload("service.checker", "service.checker.warmup")


def check_upload(
    data: bytes,
    *,
    budget: Budget | None = None,
    convert_seconds: float = 30.0,
    count_pages: Callable[[bytes], int] | None = None,
    **options: Any,
) -> Report:
    """The report of `data` (see check() for `options`), within `budget` (8 s by default).

    `count_pages`, when given, lays the document out (LibreOffice) for its exact page
    count; it only sees a file that the bounded check has already read without trouble.
    """
    budget = budget or Budget()
    source = legacy_format(data)
    if source is not None:
        data = to_docx(data, timeout=convert_seconds)
    options = {**options, "source": source}
    report: Report = run_bounded(_check, data, options, budget=budget)
    if count_pages is not None:  # checked again: page rules depend on the count
        options["pages"] = count_pages(data)
        report = run_bounded(_check, data, options, budget=budget)
    return report


def _check(data: bytes, options: dict[str, Any]) -> Report:
    from . import check  # the fork server imported it already: this is a lookup

    return check(data, **options)

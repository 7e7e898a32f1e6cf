"""Decree 30/2020 checker: read any DOCX and report every formatting departure, located
and explained in Vietnamese (or English). Pure: python-docx and lxml, no web framework.

    report = check(data)                      # bytes or a binary stream
    report = check(data, kind="ke_hoach", locale="en")
    report.errors, report.warnings, report.to_dict()
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import BinaryIO

from service.errors import UnreadableDocumentError

from .anatomy import dissect
from .catalog import RULE_IDS
from .extract import build
from .kinds import KIND_IDS
from .legacy import legacy_format, to_docx
from .messages import DEFAULT_LOCALE, LOCALES, check_locale, render, t
from .ooxml import collecting
from .package import open_package
from .pages import assign_pages
from .report import Finding, Issue, Report, Where
from .rules import CHECKS, severity
from .spec import PROFILES

__all__ = [
    "KINDS",
    "LOCALES",
    "PROFILES",
    "RULE_IDS",
    "Finding",
    "Report",
    "UnreadableDocumentError",
    "Where",
    "check",
]

KINDS = KIND_IDS
MAX_FINDINGS = 1000  # a real document with more is not worth reading finding by finding
_PART_ORDER = {"document": 0, "header": 1, "footer": 2, "body": 3}


def check(
    docx: bytes | BinaryIO,
    *,
    kind: str | None = None,
    locale: str = DEFAULT_LOCALE,
    profile: str = "decree",
    pages: int | None = None,
    source: str | None = None,
) -> Report:
    """Check `docx` against Decree 30.

    `kind` (an id of KINDS: "quyet_dinh", "cong_van"...) skips detection; `profile`
    "decree" judges by the decree's ranges, "house" also by the values our renderer uses;
    `pages` is the page count when the caller has it exactly (from LibreOffice's layout).
    A .doc or RTF is converted by LibreOffice first; `source` names the format a DOCX was
    converted from, when the caller converted it.

    Raises UnreadableDocumentError when `docx` is not a Word document, UploadTooLarge or
    UploadTooComplex beyond the reader's limits, ValueError for an unknown `kind`,
    `profile` or `locale`.
    """
    if kind is not None and kind not in KIND_IDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(KIND_IDS)}")
    if profile not in PROFILES:
        raise ValueError(f"unknown profile {profile!r}; use one of {', '.join(PROFILES)}")
    check_locale(locale)
    data = docx if isinstance(docx, bytes) else docx.read()
    legacy = legacy_format(data)
    if legacy is not None:
        data, source = to_docx(data), legacy
    with collecting() as anomalies:
        package = open_package(data)
        doc = build(package)
    doc.anomalies = list(anomalies.values())
    words = sum(len(para.text.split()) for para in doc.paragraphs)
    assign_pages(doc, package.statistics.pages_for(words), pages)
    anatomy = dissect(doc, kind)
    wanted = (
        issue
        for rule_check in CHECKS
        for issue in rule_check(anatomy)
        if profile == "house" or issue.basis != "house"
    )
    # A file made to produce findings by the hundred thousand is stopped, not reported:
    # the first MAX_FINDINGS in document order are kept.
    issues = _unique(islice(wanted, 4 * MAX_FINDINGS))
    issues.sort(key=_position)
    return Report(
        findings=tuple(_finding(issue, locale) for issue in issues[:MAX_FINDINGS]),
        truncated=len(issues) > MAX_FINDINGS,
        kind=anatomy.kind,
        pages=doc.pages,
        pages_known=doc.pages_known,
        locale=locale,
        paragraphs=tuple(para.text for para in doc.paragraphs),
        source=source,
        profile=profile,
        pages_source=doc.pages_source,
    )


def _unique(issues: Iterable[Issue]) -> list[Issue]:
    # A line split into columns can yield the same issue twice from its pieces.
    seen: set[tuple[object, ...]] = set()
    kept = []
    for issue in issues:
        identity = (issue.rule, issue.where, repr(issue.found), repr(issue.expected))
        if identity not in seen:
            seen.add(identity)
            kept.append(issue)
    return kept


def _position(issue: Issue) -> tuple[int, int]:
    paragraph = issue.where.paragraph
    return _PART_ORDER[issue.where.part], -1 if paragraph is None else paragraph


def _finding(issue: Issue, locale: str) -> Finding:
    hint = issue.hint if issue.hint is not None else t(f"{issue.rule}.hint")
    # An error is only a departure from the decree: our own choices are warnings.
    level = "warning" if issue.basis == "house" else issue.severity or severity(issue.rule)
    return Finding(
        rule=issue.rule,
        severity=level,
        where=issue.where,
        message=render(t(issue.rule), locale),
        found=render(issue.found, locale),
        expected=render(issue.expected, locale),
        hint=render(hint, locale),
        basis=issue.basis,
    )

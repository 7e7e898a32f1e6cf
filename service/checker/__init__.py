"""Decree 30/2020 checker: read any DOCX and report every formatting departure, located
and explained in Vietnamese (or English). Pure: python-docx and lxml, no web framework.

    report = check(data)                      # bytes or a binary stream
    report = check(data, kind="ke_hoach", locale="en")
    report.errors, report.warnings, report.to_dict()
"""

from __future__ import annotations

from typing import BinaryIO

from service.errors import UnreadableDocumentError

from . import spec
from .anatomy import dissect
from .catalog import RULE_IDS
from .extract import build
from .legacy import legacy_format, to_docx
from .messages import DEFAULT_LOCALE, LOCALES, check_locale, render, t
from .ooxml import collecting
from .package import open_package
from .pages import assign_pages
from .report import Finding, Issue, Report, Where
from .rules import CHECKS, severity

__all__ = [
    "KINDS",
    "LOCALES",
    "RULE_IDS",
    "Finding",
    "Report",
    "UnreadableDocumentError",
    "Where",
    "check",
]

KINDS = tuple(spec.KINDS)
_PART_ORDER = {"document": 0, "header": 1, "footer": 2, "body": 3}


def check(
    docx: bytes | BinaryIO,
    *,
    kind: str | None = None,
    locale: str = DEFAULT_LOCALE,
    source: str | None = None,
) -> Report:
    """Check `docx` against Decree 30; `kind` ("ke_hoach", "cong_van") skips detection.
    A .doc or RTF is converted by LibreOffice first; `source` names the format a DOCX was
    converted from, when the caller converted it.

    Raises UnreadableDocumentError when `docx` is not a Word document, UploadTooLarge or
    UploadTooComplex beyond the reader's limits, ValueError for an unknown `kind` or `locale`.
    """
    if kind is not None and kind not in spec.KINDS:
        raise ValueError(f"unknown kind {kind!r}; use one of {', '.join(spec.KINDS)}")
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
    assign_pages(doc, package.statistics.pages_for(words))
    anatomy = dissect(doc, kind)
    issues = [issue for rule_check in CHECKS for issue in rule_check(anatomy)]
    issues.sort(key=_position)
    findings = tuple(_finding(issue, locale) for issue in issues)
    return Report(
        findings=findings,
        kind=anatomy.kind,
        pages=doc.pages,
        pages_known=doc.pages_known,
        locale=locale,
        paragraphs=tuple(para.text for para in doc.paragraphs),
        source=source,
    )


def _position(issue: Issue) -> tuple[int, int]:
    paragraph = issue.where.paragraph
    return _PART_ORDER[issue.where.part], -1 if paragraph is None else paragraph


def _finding(issue: Issue, locale: str) -> Finding:
    hint = issue.hint if issue.hint is not None else t(f"{issue.rule}.hint")
    return Finding(
        rule=issue.rule,
        severity=issue.severity or severity(issue.rule),
        where=issue.where,
        message=render(t(issue.rule), locale),
        found=render(issue.found, locale),
        expected=render(issue.expected, locale),
        hint=render(hint, locale),
    )

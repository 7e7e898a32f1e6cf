"""What a check returns: located findings, each with what was found and what the decree asks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .messages import Text

Severity = Literal["error", "warning"]
# What a finding departs from: the decree itself, the value this project chose inside the
# decree's range (reported in the `house` profile only), or a file Word could not have made.
Basis = Literal["decree", "house", "file"]


@dataclass(frozen=True, slots=True)
class Where:
    """Where a finding is: part, paragraph index and first words, page and section."""

    part: str = "document"  # "body", "header", "footer", or "document" for page set-up
    paragraph: int | None = None  # number among the part's paragraphs, tables included, from 1
    text: str = ""  # the paragraph's first words
    page: int | None = None  # estimated unless Report.pages_known
    section: int | None = None  # from 1

    def to_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "part": self.part,
            "paragraph": self.paragraph,
            "text": self.text,
            "page": self.page,
            "section": self.section,
        }


@dataclass(frozen=True, slots=True)
class Issue:
    """A rule's raw finding, before its texts are put in a language."""

    rule: str
    where: Where
    found: Text
    expected: Text
    severity: Severity | None = None  # None: the rule's own severity
    hint: Text | None = None  # None: the rule's own hint
    basis: Basis = "decree"


@dataclass(frozen=True, slots=True)
class Finding:
    """One departure from the decree, explained in the report's language."""

    rule: str
    severity: Severity
    where: Where
    message: str  # what the rule checks, in a few words
    found: str
    expected: str
    hint: str
    basis: Basis = "decree"

    def to_dict(self) -> dict[str, object]:
        """The JSON form."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "basis": self.basis,
            "message": self.message,
            "where": self.where.to_dict(),
            "found": self.found,
            "expected": self.expected,
            "hint": self.hint,
        }


@dataclass(frozen=True, slots=True)
class Report:
    """Every finding of one check, in document order, with the document's kind and length."""

    findings: tuple[Finding, ...]
    kind: str | None  # an id of kinds.KINDS ("quyet_dinh", "cong_van"...), None if unknown
    pages: int
    pages_known: bool  # False: the page count is an estimate from the text's length
    locale: str
    paragraphs: tuple[str, ...] = ()  # every body paragraph's text; Where.paragraph - 1
    source: str | None = None  # "doc" or "rtf" when LibreOffice converted the file first
    profile: str = "decree"  # "decree" (the decree's ranges) or "house" (our values too)
    pages_source: str = "estimate"  # "layout", "word", "breaks" or "estimate"
    truncated: bool = False  # True when there were more findings than MAX_FINDINGS

    @property
    def errors(self) -> int:
        """How many findings are errors."""
        return sum(1 for finding in self.findings if finding.severity == "error")

    @property
    def warnings(self) -> int:
        """How many findings are warnings."""
        return sum(1 for finding in self.findings if finding.severity == "warning")

    @property
    def ok(self) -> bool:
        """True when nothing is an error (warnings allowed)."""
        return self.errors == 0

    def rules(self) -> list[str]:
        """The rule ids of the findings, in order (handy in tests)."""
        return [finding.rule for finding in self.findings]

    def to_dict(self, with_text: bool = False) -> dict[str, object]:
        """The JSON form served by the API; `with_text` adds the paragraphs (to highlight)."""
        shape: dict[str, object] = {
            "errors": self.errors,
            "warnings": self.warnings,
            "kind": self.kind,
            "pages": self.pages,
            "pages_known": self.pages_known,
            "pages_source": self.pages_source,
            "profile": self.profile,
            "locale": self.locale,
            "converted_from": self.source,
            "truncated": self.truncated,
            "findings": [finding.to_dict() for finding in self.findings],
        }
        if with_text:
            shape["paragraphs"] = list(self.paragraphs)
        return shape

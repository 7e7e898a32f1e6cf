"""Every defect of the corpus yields exactly its findings; correct documents yield none."""

from __future__ import annotations

from collections import Counter

import pytest

from service.checker import Report, check

from . import corpus
from .defects import DEFECTS, Defect


def _findings(report: Report) -> Counter[tuple[str, str]]:
    return Counter((finding.rule, finding.severity) for finding in report.findings)


def _describe(report: Report) -> str:
    return "\n".join(
        f"{f.rule} {f.severity} #{f.where.paragraph} {f.where.text!r}: {f.found} -> {f.expected}"
        for f in report.findings
    )


@pytest.mark.parametrize("carrier", ["styles", "direct"])
@pytest.mark.parametrize("make", [corpus.plan, corpus.letter], ids=["plan", "letter"])
def test_correct_documents_have_no_findings(make, carrier):
    report = check(corpus.to_bytes(make(carrier=carrier)))
    assert report.findings == (), _describe(report)


@pytest.mark.parametrize("defect", DEFECTS, ids=[d.name for d in DEFECTS])
def test_each_defect_yields_exactly_its_findings(defect: Defect):
    report = check(corpus.to_bytes(defect.build()))
    assert _findings(report) == Counter(defect.expected), _describe(report)

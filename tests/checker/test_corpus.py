"""Every defect of the corpus yields exactly its findings; correct documents yield none."""

from __future__ import annotations

from collections import Counter

import pytest

from service.checker import PROFILES, Report, check

from . import corpus
from .defects import DEFECTS, Defect


def _findings(report: Report) -> Counter[tuple[str, str]]:
    return Counter((finding.rule, finding.severity) for finding in report.findings)


def _describe(report: Report) -> str:
    return "\n".join(
        f"{f.rule} {f.severity} #{f.where.paragraph} {f.where.text!r}: {f.found} -> {f.expected}"
        for f in report.findings
    )


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("carrier", ["styles", "direct"])
@pytest.mark.parametrize("make", [corpus.plan, corpus.letter], ids=["plan", "letter"])
def test_correct_documents_have_no_findings(make, carrier, profile):
    report = check(corpus.to_bytes(make(carrier=carrier)), profile=profile)
    assert report.findings == (), _describe(report)


@pytest.mark.parametrize("defect", DEFECTS, ids=[d.name for d in DEFECTS])
def test_each_defect_yields_exactly_its_findings(defect: Defect):
    data = corpus.to_bytes(defect.build())
    decree = check(data)
    assert _findings(decree) == Counter(defect.expected), _describe(decree)
    # The house profile reports the same departures from the decree, and ours on top.
    house = check(data, profile="house")
    assert _findings(house) == Counter(defect.expected + defect.house), _describe(house)

"""Formatting carried entirely by styles or entirely by direct run formatting is judged
alike: both correct documents pass, and both break the same way when a look is wrong."""

from __future__ import annotations

from collections import Counter

import pytest

from service.checker import Report, check

from . import corpus
from .defects import BY_LOOK, Defect


def _summary(report: Report) -> list[tuple[object, ...]]:
    return [
        (f.rule, f.severity, f.where.paragraph, f.where.text, f.found, f.expected)
        for f in report.findings
    ]


def test_the_pair_really_differs_in_where_formatting_lives():
    styled = corpus.plan(carrier="styles")
    direct = corpus.plan(carrier="direct")
    body_styled = styled.paragraphs[-1]
    body_direct = direct.paragraphs[-1]
    assert body_styled.style.name == "Body Text"
    assert body_styled.runs[0]._r.rPr is None
    assert body_direct.style.name == "Normal"
    assert body_direct.runs[0].font.name == corpus.FONT


@pytest.mark.parametrize("defect", BY_LOOK, ids=[d.name for d in BY_LOOK])
def test_a_wrong_look_is_found_alike_in_styles_and_in_runs(defect: Defect):
    styled = check(corpus.to_bytes(defect.build("styles")))
    direct = check(corpus.to_bytes(defect.build("direct")))
    assert Counter((f.rule, f.severity) for f in styled.findings) == Counter(defect.expected)
    assert _summary(styled) == _summary(direct)

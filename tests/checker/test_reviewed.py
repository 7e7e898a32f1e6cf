"""Twelve real documents from provincial offices, every finding of the first checker read
against the decree: each real one (T) is still reported, each false alarm (F) is gone,
each debatable one (D) as decided in reviews.D_DECISIONS, and nothing else is reported
but the misses listed in reviews.NEW_TRUE."""

from __future__ import annotations

import pytest

from . import reviews

ROWS = reviews.reviews()


def _id(number: int) -> str:
    row = ROWS[number]
    return f"{row.verdict}-{row.file[:6]}-{row.rule}-{row.paragraph or 'doc'}-{number}"


@pytest.fixture(scope="module")
def matched() -> dict[int, object]:
    return reviews.match()[0]  # type: ignore[return-value]


@pytest.mark.parametrize("number", range(len(ROWS)), ids=_id)
def test_each_reviewed_finding_is_reported_as_judged(number: int, matched: dict[int, object]):
    review = ROWS[number]
    wanted = review.verdict == "T" or (review.verdict == "D" and reviews.decision(review))
    assert (number in matched) is wanted, f"{review.reason}: {review.text!r} {review.found!r}"


def test_nothing_else_is_reported_but_the_misses_now_found():
    _, left = reviews.match()
    extra = {
        (name, finding.rule, finding.found)
        for name, findings in left.items()
        for finding in findings
    }
    assert extra == reviews.NEW_TRUE


def test_every_debatable_finding_has_a_decision():
    for review in ROWS:
        if review.verdict == "D":
            assert isinstance(reviews.decision(review), bool)

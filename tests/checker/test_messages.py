"""Every rule speaks Vietnamese and English; Vietnamese is the default."""

from __future__ import annotations

import pytest

from service.checker import RULE_IDS, check
from service.checker.catalog import CATALOG
from service.checker.messages import render, t

from .corpus import to_bytes
from .defects import DEFECTS


@pytest.mark.parametrize("rule", RULE_IDS)
def test_each_rule_has_a_title_and_a_hint_in_both_languages(rule):
    for key in (rule, f"{rule}.hint"):
        vietnamese, english = CATALOG[key]
        assert vietnamese.strip() and english.strip() and vietnamese != english


def test_the_corpus_exercises_every_rule():
    exercised = {rule for defect in DEFECTS for rule, _ in defect.expected}
    assert set(RULE_IDS) - exercised == set()


def test_numbers_take_a_decimal_comma_in_vietnamese():
    message = t("cm", value=1.27)
    assert (render(message), render(message, "en")) == ("1,27 cm", "1.27 cm")


def test_reports_are_vietnamese_by_default_and_english_on_request():
    defect = next(d for d in DEFECTS if d.name == "date-month-zero")
    data = to_bytes(defect.build())
    (vietnamese,) = check(data).findings
    (english,) = check(data, locale="en").findings
    assert vietnamese.message == "Số 0 trong ngày, tháng"
    assert english.message == "Leading zero in the date"
    assert (vietnamese.found, vietnamese.expected) == ("“tháng 04”", "“tháng 4”")
    assert english.hint.startswith("Days 1–9")


def test_an_unknown_locale_or_message_is_refused():
    with pytest.raises(ValueError, match="locale"):
        check(b"", locale="fr")
    with pytest.raises(KeyError):
        t("no.such.message")

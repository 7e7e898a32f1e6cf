"""Every rule speaks Vietnamese and English through the one gettext catalogue; Vietnamese is
the default."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from service.checker import RULE_IDS, check
from service.checker.catalog import CATALOG, CONTEXT
from service.checker.messages import quote, render, t
from service.i18n import CATALOGUES

from .corpus import to_bytes
from .defects import DEFECTS

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _vietnamese() -> dict[str, str]:
    """The checker's entries of the Vietnamese catalogue: English id -> Vietnamese text."""
    with (CATALOGUES / "vi" / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        catalogue = read_po(stream, locale="vi")
    return {m.id: m.string for m in catalogue if m.context == CONTEXT and m.id and not m.fuzzy}


def test_every_checker_text_has_its_vietnamese_in_the_catalogue():
    vietnamese = _vietnamese()
    missing = []
    for key, english in CATALOG.items():
        if not vietnamese.get(english):
            missing.append(f'{key}: add msgctxt "checker" msgid {english!r} and its msgstr')
        elif set(PLACEHOLDER.findall(english)) != set(PLACEHOLDER.findall(vietnamese[english])):
            missing.append(f"{key}: the placeholders differ between English and Vietnamese")
    assert missing == []
    assert sorted(set(vietnamese) - set(CATALOG.values())) == []  # no dead checker entries


def test_no_two_keys_share_an_english_text():
    # Two keys with one msgid would silently share one Vietnamese translation.
    assert len(set(CATALOG.values())) == len(CATALOG)


@pytest.mark.parametrize("rule", RULE_IDS)
def test_each_rule_has_a_title_and_a_hint_in_both_languages(rule):
    for key in (rule, f"{rule}.hint"):
        vietnamese, english = render(t(key)), render(t(key), "en")
        assert vietnamese.strip() and english.strip() and vietnamese != english


def test_the_corpus_exercises_every_rule():
    exercised = {rule for defect in DEFECTS for rule, _ in defect.expected}
    assert set(RULE_IDS) - exercised == set()


def test_numbers_take_a_decimal_comma_in_vietnamese():
    message = t("cm", value=1.27)
    assert (render(message), render(message, "en")) == ("1,27 cm", "1.27 cm")


def test_document_text_is_never_read_as_a_placeholder():
    message = t("margin", side=quote("{value} {side}"), value=t("mm", value=25))
    assert render(message) == "“{value} {side}” 25 mm"
    assert render(t("value_range", low=1, high="{low}"), "en") == "a number from 1 to {low}"


def test_reports_are_vietnamese_by_default_and_english_on_request():
    defect = next(d for d in DEFECTS if d.name == "date-month-zero")
    data = to_bytes(defect.build())
    (vietnamese,) = check(data).findings
    (english,) = check(data, locale="en").findings
    assert vietnamese.message == "Số 0 trong ngày, tháng"
    assert english.message == "Leading zero in the date"
    assert (vietnamese.found, vietnamese.expected) == ("“tháng 04”", "“tháng 4”")
    assert vietnamese.hint.startswith("Ngày 1–9 và tháng 1, 2 thêm số 0")
    assert english.hint.startswith("Days 1–9")


def test_an_unknown_locale_or_message_is_refused():
    with pytest.raises(ValueError, match="locale"):
        check(b"", locale="fr")
    with pytest.raises(KeyError):
        t("no.such.message")

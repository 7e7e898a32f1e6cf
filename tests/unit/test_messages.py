"""Message codes: every code has its English and Vietnamese text in the one catalogue."""

from __future__ import annotations

import subprocess
import sys

from babel.messages.pofile import read_po

from schemas.messages import MESSAGES, localize
from service.i18n import CATALOGUES


def _catalogue(locale: str) -> dict[str, str]:
    with (CATALOGUES / locale / "LC_MESSAGES" / "messages.po").open("rb") as stream:
        catalogue = read_po(stream, locale=locale)
    return {m.id: m.string for m in catalogue if m.id and m.string and not m.fuzzy}


def test_every_code_has_english_and_vietnamese_text() -> None:
    vietnamese = _catalogue("vi")
    missing = []
    for key, english in MESSAGES.items():
        if not isinstance(english, str) or not english.strip():
            missing.append(f'{key}: write it as "{key}": msg("<English text>")')
        elif english not in vietnamese:
            missing.append(f"{key}: add its Vietnamese to translations/vi/.../messages.po")
        elif ("{arg}" in english) != ("{arg}" in vietnamese[english]):
            missing.append(f"{key}: {{arg}} in one language only")
    assert missing == []


def test_codes_localise_in_both_languages() -> None:
    for key in MESSAGES:
        for locale in ("vi", "en"):
            assert "{arg}" not in localize(f"{key}|7", locale)
            assert localize(key, locale)  # messages that quote braces must not break
        assert localize(key, "vi") != localize(key, "en"), key
    assert localize("too_long|200", "en") == "Too long: at most 200 characters."
    assert localize("too_long|200") == "Quá dài: tối đa 200 ký tự."
    assert localize("value_missing") == "Nội dung có {value} nhưng không có giá trị (value)."
    assert localize("some other text") == "some other text"


def test_translating_needs_no_flask() -> None:
    script = (
        "import sys\nfrom schemas import localize\n"
        "print(localize('too_many|3', 'vi'))\n"
        "print(','.join(m for m in ('flask', 'flask_babel', 'werkzeug') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True)  # fmt: skip
    assert result.stdout.splitlines() == ["Quá nhiều: tối đa 3 mục.", ""]

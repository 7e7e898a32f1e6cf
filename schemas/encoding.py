"""Detecting Vietnamese typed in the legacy TCVN3 (ABC) or VNI encodings and pasted as text.

Text typed with `.VnTime` (TCVN3) or `VNI-Times` fonts turns into look-alike Latin-1
letters when pasted into Unicode (`Thùc hiÖn c«ng t¸c`, `Thöïc hieän coâng taùc`). We
report it with a clear message rather than guess a conversion: a wrong guess would put
wrong words in a signed document, while Unikey converts such text reliably in one step.
"""

from __future__ import annotations

import re

# Latin-1 characters that TCVN3 uses for Vietnamese letters and Unicode Vietnamese never has.
_TCVN3 = "¨©ª«¬®µ¶·¸¹»¼½¾ÆÇËÎÏÐÑÖ×ØÜÞßäåæçëîïñö÷øûüþ\u00ad"
# The tone and vowel marks VNI writes after the base letter (`aø` for à, `ö` for ư).
_VNI = "öïäûøëÑ"
LEGACY_LETTERS = _TCVN3 + _VNI
MARKERS = re.escape(LEGACY_LETTERS)  # for a character class
_MARKERS = re.compile(f"[{MARKERS}]")
_UNICODE_VIETNAMESE = re.compile("[ăĂđĐĩĨũŨơƠưƯ\u1ea0-\u1ef9]")
MIN_MARKERS = 3  # one or two could be a foreign name (Müller, Noël)


def legacy_encoding(text: str) -> str | None:
    """`"TCVN3"` or `"VNI"` when the text looks typed in that legacy encoding, else None."""
    if _MARKERS.search(text) is None:
        return None
    markers = _MARKERS.findall(text)
    if len(markers) < MIN_MARKERS or len(markers) <= len(_UNICODE_VIETNAMESE.findall(text)):
        return None
    vni = sum(1 for ch in markers if ch in _VNI)
    tcvn3 = sum(1 for ch in markers if ch in _TCVN3 and ch not in _VNI)
    return "VNI" if vni > tcvn3 else "TCVN3"

"""The shipped advance widths match Liberation Serif, Times New Roman's metric twin."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from service.checker.metrics import advance, text_width
from service.checker.widths import CHARS

FONTS = Path("/usr/share/fonts/truetype/liberation2")
VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_table_matches_the_installed_font(bold):
    ttlib = pytest.importorskip("fontTools.ttLib")
    path = FONTS / f"LiberationSerif-{'Bold' if bold else 'Regular'}.ttf"
    if not path.exists():
        pytest.skip("fonts-liberation2 is not installed (scripts/setup.sh installs it)")
    font = ttlib.TTFont(str(path))
    cmap, metrics = font.getBestCmap(), font["hmtx"]
    letters = CHARS + VIETNAMESE + VIETNAMESE.upper()
    wrong = {
        char: (advance(char, bold), metrics[cmap[ord(char)]][0])
        for char in letters
        if advance(char, bold) != metrics[cmap[ord(char)]][0]
    }
    assert wrong == {}


def test_toned_letters_advance_like_their_base_and_horns_are_wider():
    assert advance("ạ", False) == advance("a", False)
    assert advance("ự", False) == advance("ư", False) > advance("u", False)
    assert advance(unicodedata.normalize("NFD", "ế")[0], True) == advance("ế", True)


def test_width_scales_with_size_and_weight():
    regular = text_width("Độc lập - Tự do - Hạnh phúc", 14)
    assert text_width("Độc lập - Tự do - Hạnh phúc", 28) == pytest.approx(2 * regular)
    assert text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True) > regular
    # 14 pt bold Tiêu ngữ: about 6 cm (3428 twips) in LibreOffice and Word alike.
    assert text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True) == pytest.approx(3428, abs=2)

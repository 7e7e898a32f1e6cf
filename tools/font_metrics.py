"""Regenerate service/rendering/font_widths.json from Liberation Serif (Times New Roman metrics).

Run once on a machine with fonts-liberation2; the service reads the JSON, never the fonts.
"""

import json
from pathlib import Path

from fontTools.ttLib import TTFont

FONT_DIR = Path("/usr/share/fonts/truetype/liberation2")
FACES = {"regular": "LiberationSerif-Regular.ttf", "bold": "LiberationSerif-Bold.ttf"}
RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x1A0, 0x1B0), (0x1EA0, 0x1EF9), (0x2010, 0x2026)]
OUT = Path(__file__).resolve().parent.parent / "service" / "rendering" / "font_widths.json"


def widths(path: Path) -> dict[str, int]:
    """Advance widths in thousandths of an em for every character we may print."""
    font = TTFont(path)
    cmap, hmtx, upm = font.getBestCmap(), font["hmtx"], font["head"].unitsPerEm
    return {
        chr(cp): round(hmtx[cmap[cp]][0] * 1000 / upm)
        for start, end in RANGES
        for cp in range(start, end + 1)
        if cp in cmap
    }


if __name__ == "__main__":
    table = {face: widths(FONT_DIR / file) for face, file in FACES.items()}
    OUT.write_text(json.dumps(table, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    print(f"wrote {OUT} ({sum(len(t) for t in table.values())} widths)")

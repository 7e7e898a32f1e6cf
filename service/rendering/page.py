"""Page geometry of Decree 30 (A4, margins) and of our header and closing tables."""

from __future__ import annotations

TWIPS_PER_MM = 1440 / 25.4


def twips(mm: float) -> int:
    """Millimetres to twips (1/20 pt), Word's unit for widths and indents."""
    return round(mm * TWIPS_PER_MM)


PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGIN_TOP_MM, MARGIN_BOTTOM_MM, MARGIN_LEFT_MM, MARGIN_RIGHT_MM = 20, 20, 30, 15
HEADER_DISTANCE_MM = 10  # page number sits in the top margin
TEXT_WIDTH_MM = PAGE_WIDTH_MM - MARGIN_LEFT_MM - MARGIN_RIGHT_MM  # 165

# Header table: the right column must hold the Quốc hiệu (≈ 96 mm at 13 pt bold) on one line,
# the left one `SỞ LAO ĐỘNG - THƯƠNG BINH` (≈ 70 mm): 175 mm in all, centred on the 165 mm text
# width, so it reaches 5 mm into each side margin as the usual Word templates do.
HEADER_LEFT_MM, HEADER_RIGHT_MM = 74, 101
# Closing table: recipients left, signature right.
CLOSING_LEFT_MM, CLOSING_RIGHT_MM = 80, 85
CELL_MARGIN_MM = 1.9  # Word's default left/right cell margin (108 twips)

FIRST_LINE_INDENT_MM = 12.7  # 1.27 cm
BODY_PT, HEADER_PT, RECIPIENT_PT, RECIPIENTS_LABEL_PT = 14, 13, 11, 12


def cell_text_width_mm(cell_mm: float) -> float:
    """Usable width inside a table cell."""
    return cell_mm - 2 * CELL_MARGIN_MM

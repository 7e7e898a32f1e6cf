"""The figures of Decree 30/2020 the checker holds documents to (see ../shared/DECREE30.md).

A document someone else wrote is judged by the decree's own ranges (the `decree`
profile): only a departure from them is an error. The `house` profile also holds it to
the value this project chose inside each range (the bold values of DECREE30.md), which is
what our renderer prints. Sizes in points, lengths in millimetres or centimetres as the
decree states them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

FONT: Final = "Times New Roman"
PROFILES: Final = ("decree", "house")


@dataclass(frozen=True)
class Size:
    """A size the decree allows (a range, in points) and the one our renderer prints."""

    low: float
    high: float
    house: float

    @property
    def decree(self) -> tuple[float, float]:
        """The decree's range."""
        return self.low, self.high


# Phụ lục I of the decree; the Tiêu ngữ steps with the Quốc hiệu (12 -> 13, 13 -> 14).
SIZES: Final = {
    "issuer": Size(12, 13, 13),
    "national": Size(12, 13, 13),
    "motto": Size(13, 14, 14),
    "number": Size(13, 13, 13),
    "date": Size(13, 14, 14),
    "subject": Size(12, 13, 13),  # a công văn's V/v lines
    "type_name": Size(13, 14, 14),
    "title": Size(13, 14, 14),
    "authority": Size(13, 14, 14),  # a decision's "CHỦ TỊCH ỦY BAN NHÂN DÂN ..." line
    "addressee": Size(13, 14, 14),
    "body": Size(13, 14, 14),
    "recipients_label": Size(12, 12, 12),
    "recipient": Size(11, 11, 11),
    "signature": Size(13, 14, 14),
    "appendix_label": Size(14, 14, 14),
    "appendix_title": Size(13, 14, 14),
    "page_number": Size(13, 14, 14),
}
STEP_PT: Final = 1.0

PAGE_MM: Final = (210.0, 297.0)
PAGE_TOLERANCE_MM: Final = 1.0
MARGINS_MM: Final = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
HOUSE_MARGINS_MM: Final = {"top": 20, "bottom": 20, "left": 30, "right": 15}
MARGIN_TOLERANCE_MM: Final = 0.3  # Word stores millimetres rounded to whole twips

FIRST_LINE_CM: Final = (1.0, 1.27)
HOUSE_FIRST_LINE_CM: Final = 1.27
FIRST_LINE_TOLERANCE_CM: Final = 0.05
MIN_GAP_PT: Final = 6.0
LINE_SPACING: Final = (1.0, 1.5)  # in lines
LINE_SPACING_TOLERANCE: Final = 0.02

SHORT_RULE: Final = (1 / 3, 1 / 2)  # of the text above it
SHORT_RULE_SLACK: Final = 0.04  # line lengths are estimated from font metrics
LONG_TITLE_RULE: Final = 1 / 4  # under a title of several lines, of its longest line
MOTTO_RULE: Final = (0.9, 1.15)  # "as long as the text"

NATIONAL_NAME: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"
END_MARK: Final = "./."

# Level-3 headings: the Vietnamese alphabet without f, j, w, z and without ă â ê ô ơ ư.
LETTERS: Final = "abcdđeghiklmnopqrstuvxy"
FOREIGN_LETTERS: Final = "fjwz"

AUTHORITY_PREFIXES: Final = ("TM.", "KT.", "TL.", "TUQ.", "Q.")

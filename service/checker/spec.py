"""The figures of Decree 30/2020 the checker holds documents to (see ../shared/DECREE30.md).

Ranges are the decree's: a value inside a range passes, the project's own choice (the
bold value in DECREE30.md) is only what our renderer prints. Sizes in points, lengths
in millimetres or centimetres as the decree states them.
"""

from __future__ import annotations

from typing import Final

FONT: Final = "Times New Roman"

PAGE_MM: Final = (210.0, 297.0)
PAGE_TOLERANCE_MM: Final = 1.0
MARGINS_MM: Final = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}
MARGIN_TOLERANCE_MM: Final = 0.3  # Word stores millimetres rounded to whole twips

# The decree allows Quốc hiệu and the issuer's name at 12-13 pt; the Tiêu ngữ and the
# date line step with the Quốc hiệu (13 -> 14, 12 -> 13).
ISSUER_PT: Final = (12.0, 13.0)
NATIONAL_PT: Final = (12.0, 13.0)
STEP_PT: Final = 1.0
NUMBER_PT: Final = (13.0, 13.0)
SUBJECT_PT: Final = (13.0, 13.0)  # a công văn's V/v lines
TYPE_NAME_PT: Final = (14.0, 14.0)
TITLE_PT: Final = (14.0, 14.0)
ADDRESSEE_PT: Final = (14.0, 14.0)
BODY_PT: Final = (13.0, 14.0)
RECIPIENTS_LABEL_PT: Final = (12.0, 12.0)
RECIPIENT_PT: Final = (11.0, 11.0)
SIGNATURE_PT: Final = (14.0, 14.0)
APPENDIX_PT: Final = (14.0, 14.0)
PAGE_NUMBER_PT: Final = (13.0, 14.0)

FIRST_LINE_CM: Final = (1.0, 1.27)
FIRST_LINE_TOLERANCE_CM: Final = 0.05
MIN_GAP_PT: Final = 6.0
LINE_SPACING: Final = (1.0, 1.5)  # in lines
LINE_SPACING_TOLERANCE: Final = 0.02

SHORT_RULE: Final = (1 / 3, 1 / 2)  # of the text above it
SHORT_RULE_SLACK: Final = 0.04  # line lengths are estimated from font metrics
MOTTO_RULE: Final = (0.9, 1.15)  # "as long as the text"

NATIONAL_NAME: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO: Final = "Độc lập - Tự do - Hạnh phúc"
END_MARK: Final = "./."

# Type names with the abbreviation used in the symbol (Phụ lục III of the decree).
TYPE_ABBREVIATIONS: Final = {
    "KẾ HOẠCH": "KH",
    "QUYẾT ĐỊNH": "QĐ",
    "BÁO CÁO": "BC",
    "TỜ TRÌNH": "TTr",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "GIẤY MỜI": "GM",
    "CÔNG ĐIỆN": "CĐ",
    "BIÊN BẢN": "BB",
    "PHƯƠNG ÁN": "PA",
    "ĐỀ ÁN": "ĐA",
}
KINDS: Final = {"ke_hoach": "KẾ HOẠCH", "cong_van": None}

# Level-3 headings: the Vietnamese alphabet without f, j, w, z and without ă â ê ô ơ ư.
LETTERS: Final = "abcdđeghiklmnopqrstuvxy"
FOREIGN_LETTERS: Final = "fjwz"

AUTHORITY_PREFIXES: Final = ("TM.", "KT.", "TL.", "TUQ.", "Q.")

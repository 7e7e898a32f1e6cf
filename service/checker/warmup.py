"""Imported by the checks' fork server only: one check of a small document built here, so
that every check forked from the server starts with warm caches (character widths,
compiled patterns) instead of paying for them each time."""

from __future__ import annotations

import io
import zipfile

from . import check

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LINES = (
    "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Số: 01/KH-UBND",
    "Lâm Đồng, ngày 01 tháng 01 năm 2026",
    "KẾ HOẠCH",
    "Thực hiện nhiệm vụ năm 2026",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Ăn ắn ằn ẳn ẵn ặn âm ấm ầm ẩm ẫm ậm ê ế ề ể ễ ệ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ ư ứ ừ ử ữ ự"
    " á à ả ã ạ é è ẻ ẽ ẹ í ì ỉ ĩ ị ó ò ỏ õ ọ ú ù ủ ũ ụ ý ỳ ỷ ỹ ỵ đ Đ./.",
    "Nơi nhận:",
    "- Lưu: VT, NC.",
    "KT. CHỦ TỊCH",
    "Nguyễn Văn An",
)


def _document() -> bytes:
    runs = "".join(
        f'<w:p><w:r><w:rPr><w:b/><w:sz w:val="28"/></w:rPr><w:t>{line}</w:t></w:r>'
        f'<w:r><w:rPr><w:sz w:val="28"/></w:rPr><w:t>{line.lower()}</w:t></w:r></w:p>'
        for line in _LINES
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        )
        package.writestr(
            "word/document.xml", f'<w:document xmlns:w="{_W}"><w:body>{runs}</w:body></w:document>'
        )
    return out.getvalue()


check(_document(), profile="house")

"""Every administrative type of Decree 30's Phụ lục III, recognised by its type line, with
the structure each one has. A công văn and a thư công have no type line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from .text import key


@dataclass(frozen=True)
class Kind:
    """One document type: its id, type line, symbol abbreviation and structure."""

    id: str
    name: str | None  # the type line in capitals; None for a công văn
    abbreviation: str | None  # in the symbol (231/KH-UBND); None: the type has none
    decision: str | None = None  # the line that opens the articles: "QUYẾT ĐỊNH:"
    articles: bool = False  # content in Điều 1., Điều 2.: khoản numbering restarts in each
    title: bool = True  # a trích yếu under the type line is required
    addressees: bool = False  # `Kính gửi:` is required (a công văn); others may have one


KINDS: Final = {
    kind.id: kind
    for kind in (
        Kind("nghi_quyet", "NGHỊ QUYẾT", "NQ", decision="QUYẾT NGHỊ:", articles=True),
        Kind("quyet_dinh", "QUYẾT ĐỊNH", "QĐ", decision="QUYẾT ĐỊNH:", articles=True),
        Kind("chi_thi", "CHỈ THỊ", "CT"),
        Kind("quy_che", "QUY CHẾ", "QC", articles=True),
        Kind("quy_dinh", "QUY ĐỊNH", "QyĐ", articles=True),
        Kind("thong_cao", "THÔNG CÁO", "TC"),
        Kind("thong_bao", "THÔNG BÁO", "TB"),
        Kind("huong_dan", "HƯỚNG DẪN", "HD"),
        Kind("chuong_trinh", "CHƯƠNG TRÌNH", "CTr"),
        Kind("ke_hoach", "KẾ HOẠCH", "KH"),
        Kind("phuong_an", "PHƯƠNG ÁN", "PA"),
        Kind("de_an", "ĐỀ ÁN", "ĐA"),
        Kind("du_an", "DỰ ÁN", "DA"),
        Kind("bao_cao", "BÁO CÁO", "BC"),
        Kind("bien_ban", "BIÊN BẢN", "BB"),
        Kind("to_trinh", "TỜ TRÌNH", "TTr"),
        Kind("hop_dong", "HỢP ĐỒNG", "HĐ"),
        Kind("cong_van", None, None, addressees=True),
        Kind("cong_dien", "CÔNG ĐIỆN", "CĐ"),
        Kind("ban_ghi_nho", "BẢN GHI NHỚ", "GN"),
        Kind("ban_thoa_thuan", "BẢN THỎA THUẬN", "TTh"),
        Kind("giay_uy_quyen", "GIẤY ỦY QUYỀN", "GUQ", title=False),
        Kind("giay_moi", "GIẤY MỜI", "GM"),
        Kind("giay_gioi_thieu", "GIẤY GIỚI THIỆU", "GGT", title=False),
        Kind("giay_nghi_phep", "GIẤY NGHỈ PHÉP", "GNP", title=False),
        Kind("phieu_gui", "PHIẾU GỬI", "PG", title=False),
        Kind("phieu_chuyen", "PHIẾU CHUYỂN", "PC", title=False),
        Kind("phieu_bao", "PHIẾU BÁO", "PB", title=False),
        Kind("thu_cong", "THƯ CÔNG", None, title=False),
    )
}
KIND_IDS: Final = tuple(KINDS)
_BY_NAME: Final = {kind.name: kind for kind in KINDS.values() if kind.name}
ABBREVIATIONS: Final = frozenset(k.abbreviation for k in KINDS.values() if k.abbreviation)


def by_type_line(text: str) -> Kind | None:
    """The kind whose type line `text` is (case, spacing, old tone marks and a trailing
    colon do not matter), or None."""
    folded = key(text).rstrip(" :.")
    return _BY_NAME.get(folded) or _BY_NAME.get(folded.replace("THOẢ", "THỎA"))


def get(kind_id: str | None) -> Kind | None:
    """The kind `kind_id` names, or None."""
    return KINDS.get(kind_id or "")

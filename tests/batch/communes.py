"""Communes for batch tests: real-looking names, rows for a table, and checks of the output."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from tests.readback import printed_lines

NAMES = [
    "Quang Thuận", "Đồng Phúc", "Dương Quang", "Nông Thượng", "Xuất Hóa", "Huyền Tụng",
    "Đôn Phong", "Cẩm Giàng", "Hà Hiệu", "Bành Trạch", "Phúc Lộc", "Thượng Giáo",
    "Địa Linh", "Yến Dương", "Chu Hương", "Mỹ Phương", "Khang Ninh", "Cao Thượng",
    "Nam Mẫu", "Quảng Khê", "Đồng Lạc", "Lương Bằng", "Bằng Lũng", "Đại Sảo",
    "Yên Thịnh", "Bản Thi", "Xuân Lạc", "Ngọc Phái", "Phương Viên", "Bằng Lãng",
    "Nghĩa Tá", "Lương Thượng", "Văn Lăng", "Hòa Mục", "Côn Minh", "Cư Lễ",
    "Vi Hương", "Tú Trĩ", "Lục Bình", "Quân Bình", "Cốc Đán", "Thượng Quan",
    "Bằng Vân", "Đức Vân", "Thuần Mang", "Hương Nê", "Lãng Ngâm", "Kim Lư",
    "Quảng Bạch", "Bằng Thành",
]  # fmt: skip
SIGNERS = ["Lê Văn An", "Hoàng Thị Bích", "Nông Văn Chung", "Triệu Thị Dung", "Mã Văn Én"]


def commune_rows(count: int, **extra: Any) -> list[dict[str, Any]]:
    """`count` table rows: issuing body, place, signer, named field and a target value."""
    assert count <= len(NAMES)
    return [
        {
            "issuer.name": f"ỦY BAN NHÂN DÂN XÃ {name.upper()}",
            "place": name,
            "signer.name": f"{SIGNERS[i % len(SIGNERS)]} {i}",
            "ten_xa": f"xã {name}",
            "targets.specific.1.value": round(1.0 + i / 10, 1),
            **extra,
        }
        for i, name in enumerate(NAMES[:count])
    ]


def check_archive(data: bytes, rows: list[dict[str, Any]], extension: str = "docx") -> None:
    """Every commune exactly once, in table order, its own header, place, signer and the
    implementing line of the district's plan."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist() if n.endswith(f".{extension}")]
        assert len(names) == len(set(names)) == len(rows)
        for index, (name, row) in enumerate(zip(names, rows, strict=True)):
            commune = row["place"]
            assert name == f"{index + 1:02d} Xã {commune}.{extension}"
            info = archive.getinfo(name)
            assert info.flag_bits & 0x800  # the UTF-8 flag: the Vietnamese name as is
            if extension == "docx":
                check_commune(archive.read(name), row)


def check_commune(docx: bytes, row: dict[str, Any]) -> None:
    """One commune's plan: its header, date line, signer and the cascade line."""
    lines = printed_lines(docx)
    commune = row["place"]
    assert lines[:2] == ["ỦY BAN NHÂN DÂN", f"XÃ {commune.upper()}"]
    assert any(line.startswith(f"{commune}, ngày") for line in lines)
    assert lines[-1] == row["signer.name"]
    assert sum(line.startswith("Thực hiện Kế hoạch số .../KH-UBND") for line in lines) == 1
    assert f"Kế hoạch thực hiện công tác trẻ em năm 2023 của Ủy ban nhân dân xã {commune}" in (
        " ".join(lines)
    )

"""Small valid plan JSON for tests that need one, changed per test."""

from __future__ import annotations

from typing import Any


def minimal_plan(**overrides: Any) -> dict[str, Any]:
    """The smallest valid KẾ HOẠCH."""
    plan: dict[str, Any] = {
        "type": "ke_hoach",
        "issuer": {"name": "ỦY BAN NHÂN DÂN XÃ QUANG THUẬN", "abbreviation": "UBND"},
        "place": "Quang Thuận",
        "date": "2024-05-06",
        "title": "Thực hiện công tác trẻ em năm 2024",
        "tasks": {"sections": [{"heading": "Tuyên truyền", "items": ["Tổ chức truyền thông."]}]},
        "recipients": ["UBND huyện"],
        "signer": {"collective": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Lê Văn An"},
    }
    plan.update(overrides)
    return plan


def minimal_letter(**overrides: Any) -> dict[str, Any]:
    """The smallest valid công văn."""
    letter: dict[str, Any] = {
        "type": "cong_van",
        "issuer": {"name": "ỦY BAN NHÂN DÂN HUYỆN ĐỊNH HÓA", "abbreviation": "UBND"},
        "drafting_unit": "LĐTBXH",
        "number": "12",
        "place": "Định Hóa",
        "date": "2024-03-15",
        "title": "triển khai Tháng hành động vì trẻ em",
        "addressees": ["Ủy ban nhân dân các xã, thị trấn"],
        "body": {"text": ["Ủy ban nhân dân huyện đề nghị các xã triển khai thực hiện."]},
        "recipients": [],
        "signer": {
            "mode": "KT",
            "head": "CHỦ TỊCH",
            "title": "PHÓ CHỦ TỊCH",
            "name": "Hoàng Thị B",
        },
    }
    letter.update(overrides)
    return letter


def minimal_decision(**overrides: Any) -> dict[str, Any]:
    """The smallest valid QUYẾT ĐỊNH, issuing a small plan."""
    decision: dict[str, Any] = {
        "type": "quyet_dinh",
        "issuer": {"name": "ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "abbreviation": "UBND"},
        "number": "12",
        "place": "Đồng Tháp",
        "date": "2025-11-20",
        "title": "Về việc ban hành Kế hoạch chuyển đổi số năm 2026",
        "authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP",
        "legal_basis": ["Căn cứ Luật Tổ chức chính quyền địa phương năm 2025"],
        "proposal": "Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ",
        "articles": [
            "Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.",
            "Quyết định này có hiệu lực kể từ ngày ký.",
            "Chánh Văn phòng UBND tỉnh và Thủ trưởng các cơ quan chịu trách nhiệm thi hành.",
        ],
        "recipients": ["Như Điều 3"],
        "signer": {
            "mode": "KT",
            "head": "CHỦ TỊCH",
            "title": "PHÓ CHỦ TỊCH",
            "name": "Trần Trí Quang",
        },
        "attachment": {
            "title": "Chuyển đổi số năm 2026",
            "tasks": {"sections": [{"heading": "Hạ tầng số", "items": ["Phủ sóng 5G."]}]},
        },
    }
    decision.update(overrides)
    return decision

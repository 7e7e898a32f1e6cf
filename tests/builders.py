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

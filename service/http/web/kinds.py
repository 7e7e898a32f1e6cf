"""The document types the pages offer, from the registry of document types (the core's).

Until the registry (`service.documents.registry`, contract v1.1) is on this branch, the
three types of the contract stand in for it, so the pages work before and after it lands.
"""

from __future__ import annotations

import importlib
from typing import Any

CONTRACT_TYPES = (  # contract v1 and v1.1: code, name, whether a plan of it cascades down
    ("ke_hoach", "Kế hoạch", True),
    ("cong_van", "Công văn", False),
    ("quyet_dinh", "Quyết định", False),
)


def document_types() -> list[dict[str, Any]]:
    """`[{"type", "name", "cascades"}]`, as `GET /api/v1/document-types` lists them."""
    try:
        registry = importlib.import_module("service.documents.registry")
    except ModuleNotFoundError:
        return [{"type": c, "name": n, "cascades": k} for c, n, k in CONTRACT_TYPES]
    return [{"type": k.code, "name": k.name, "cascades": k.cascades} for k in registry.all_kinds()]


def type_name(code: object) -> str | None:
    """The type's name (`Kế hoạch`), or None for a code no registered type has."""
    return next((t["name"] for t in document_types() if t["type"] == code), None)

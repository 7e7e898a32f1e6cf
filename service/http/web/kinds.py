"""The document types the pages offer, as the registry of document types lists them."""

from __future__ import annotations

from typing import Any

from service.documents.registry import all_kinds


def document_types() -> list[dict[str, Any]]:
    """`[{"type", "name", "cascades"}]`, as `GET /api/v1/document-types` lists them."""
    return [kind.describe() for kind in all_kinds()]


def type_name(code: object) -> str | None:
    """The type's name (`Kế hoạch`), or None for a code no registered type has."""
    return next((k.name for k in all_kinds() if k.code == code), None)

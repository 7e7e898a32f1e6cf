"""The columns of a communes' table as officers see them: one table, shared by the template
writer and the reader, from a Vietnamese header to the row key (a contract path, a
declared field, or `patch`) and back.

The fixed columns are the commune's own header fields; then one column per target with
a value (`Chỉ tiêu: <the target's text>`) and one per declared field (`{ten_xa}`). A
table may use these headers, their aliases, or the keys themselves (`signer.name`):
headers are compared without case, accents kept, spaces collapsed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

PATCH = "patch"
TARGETS = "targets.specific"
VALUE_MARK = "…"  # where a target's {value} stands in its column's header


@dataclass(frozen=True)
class Column:
    """One column: its row key, its header, other headers accepted, what to write in it,
    and the base plan's own value (the example)."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    hint: str = ""
    example: Any = None


FIXED = (
    Column(
        "issuer.name", "Tên xã (cơ quan ban hành)", ("Tên xã", "Cơ quan ban hành"),
        "Tên cơ quan ban hành, viết hoa: ỦY BAN NHÂN DÂN XÃ QUANG THUẬN",
    ),
    Column("place", "Địa danh", ("Địa điểm",), "Địa danh ở dòng ngày tháng: Quang Thuận"),
    Column(
        "signer.name", "Chủ tịch (người ký)", ("Chủ tịch", "Người ký", "Họ tên người ký"),
        "Họ và tên người ký văn bản của xã",
    ),
    Column(
        "signer.title", "Chức vụ người ký", ("Chức vụ",),
        "Để trống: theo kế hoạch gốc; hoặc CHỦ TỊCH, PHÓ CHỦ TỊCH",
    ),
    Column("number", "Số văn bản", ("Số",), "Để trống: điền số khi ký"),
    Column("date", "Ngày ban hành", ("Ngày",), "Để trống: chỉ có năm; hoặc một ngày"),
)  # fmt: skip
PATCH_COLUMN = Column(PATCH, "Bổ sung (JSON)", ("Bổ sung",), "Nâng cao: JSON Merge Patch")


def normalized(header: str) -> str:
    """How headers are compared: NFC, spaces collapsed, case folded."""
    return " ".join(unicodedata.normalize("NFC", header).split()).casefold()


def plain(text: Any) -> str:
    """A rich text (a string, or a list of spans) as plain text, footnotes left out."""
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(
            span if isinstance(span, str) else str(span.get("text", ""))
            for span in text
            if isinstance(span, str) or (isinstance(span, dict) and "text" in span)
        )
    return ""


def target_columns(plan: dict[str, Any]) -> list[Column]:
    """`Chỉ tiêu: <text>` for each target of the plan that has a value."""
    targets = plan.get("targets")
    specific = targets.get("specific") if isinstance(targets, dict) else None
    columns: list[Column] = []
    seen: set[str] = set()
    for position, target in enumerate(specific if isinstance(specific, list) else []):
        if not isinstance(target, dict) or "value" not in target:
            continue
        unit = target.get("unit")
        mark = VALUE_MARK + (f"{'' if unit in ('%', '‰') else ' '}{unit}" if unit else "")
        text = " ".join(plain(target.get("text")).split())
        header = "Chỉ tiêu: " + (
            text.replace("{value}", mark) if "{value}" in text else f"{text} ({mark})"
        )
        if normalized(header) in seen:  # two targets worded alike: tell them apart
            header = f"{header} [{position + 1}]"
        seen.add(normalized(header))
        hint = f"Giá trị thay cho {VALUE_MARK}" + (f", đơn vị {unit}" if unit else "")
        columns.append(Column(f"{TARGETS}.{position}.value", header, (), hint, target["value"]))
    return columns


def field_columns(fields: Iterable[str]) -> list[Column]:
    """`{ten_xa}` for each declared field: the name as the plan's text writes it."""
    return [
        Column(name, f"{{{name}}}", (), f"Thay cho {{{name}}} trong kế hoạch gốc")
        for name in fields
    ]


def columns(plan: dict[str, Any], fields: Sequence[str]) -> list[Column]:
    """Every column of the plan's template, in order, with the plan's own values."""
    fixed = [Column(c.key, c.header, c.aliases, c.hint, _get(plan, c.key)) for c in FIXED]
    return [*fixed, *target_columns(plan), *field_columns(fields)]


def header_keys(plan: dict[str, Any], fields: Sequence[str]) -> dict[str, str]:
    """Normalized header or alias -> row key, for every column a table of this plan may have."""
    keys: dict[str, str] = {}
    for column in [*columns(plan, fields), PATCH_COLUMN]:
        for header in (column.header, *column.aliases, column.key):
            keys.setdefault(normalized(header), column.key)
    return keys


def key_headers(plan: dict[str, Any], fields: Sequence[str]) -> dict[str, str]:
    """Row key -> the template's header, to name a column an error is about."""
    return {c.key: c.header for c in [*columns(plan, fields), PATCH_COLUMN]}


def _get(data: Any, path: str) -> Any:
    for key in path.split("."):
        data = data.get(key) if isinstance(data, dict) else None
    return data

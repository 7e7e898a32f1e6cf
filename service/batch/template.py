"""The Excel template officers fill: one line per commune, Vietnamese headers
(`columns.py`, the same table the reader maps back), prefilled from the base plan.

Sheet "Danh sách xã" (the first: the one read back) holds the header line, then a line
per commune given (its issuing body, place, and the plan's target values), or, when none
is given, one line with the plan's target values for the first commune to complete.
Sheet "Hướng dẫn" explains each column with the plan's own value and its JSON key.
Every text is written as text, never as a formula, whatever it starts with.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from service.batch.columns import Column, columns

SHEET = "Danh sách xã"
GUIDE = "Hướng dẫn"
COMMITTEE = "ỦY BAN NHÂN DÂN"
KINDS = ("xã", "phường", "thị trấn")  # a commune-level unit's kinds, as names start
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_INSTRUCTIONS = (
    "Mỗi dòng của trang “Danh sách xã” là một xã; ô để trống giữ giá trị của kế hoạch gốc.",
    "Giữ nguyên tên cột ở dòng đầu (có thể bỏ cột không dùng, thêm cột là đường dẫn JSON).",
    "Ngày: gõ như một ngày trong Excel; số: chỉ chữ số (dấu thập phân là dấu chấm hoặc để "
    "Excel tự định dạng).",
)


def commune_values(name: str) -> dict[str, str]:
    """`Phường Sông Cầu` -> its issuing body and place (a name without a kind is a xã)."""
    words = " ".join(name.split())
    kind = next((k for k in KINDS if words.lower().startswith(f"{k} ")), "xã")
    place = words[len(kind) + 1 :] if words.lower().startswith(f"{kind} ") else words
    return {"issuer.name": f"{COMMITTEE} {kind} {place}".upper(), "place": place}


def template_xlsx(plan: dict[str, Any], fields: Sequence[str], communes: Sequence[str]) -> bytes:
    """The .xlsx template of `plan` for `communes` (or one line to complete)."""
    wanted = columns(plan, fields)
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = SHEET
    _header(sheet, wanted)
    for line, values in enumerate(_lines(wanted, communes), start=2):
        for position, column in enumerate(wanted, start=1):
            _write(sheet.cell(line, position), values.get(column.key))
    _guide(workbook.create_sheet(GUIDE), wanted)
    workbook.properties.title = f"Mẫu danh sách xã - {plan.get('title', '')}"[:250]
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _lines(wanted: list[Column], communes: Sequence[str]) -> list[dict[str, Any]]:
    """Each commune's prefilled values; the targets keep the plan's value until changed."""
    targets = {c.key: c.example for c in wanted if c.key.startswith("targets.")}
    if not communes:
        return [targets]
    return [{**commune_values(name), **targets} for name in communes]


def _header(sheet: Worksheet, wanted: list[Column]) -> None:
    for position, column in enumerate(wanted, start=1):
        cell = sheet.cell(1, position)
        _write(cell, column.header)
        cell.font, cell.fill, cell.alignment = Font(bold=True), _HEADER_FILL, _WRAP
        width = 45 if column.key.startswith("targets.") else 26
        sheet.column_dimensions[get_column_letter(position)].width = width
    sheet.freeze_panes = "A2"
    sheet.row_dimensions[1].height = 60


def _guide(sheet: Worksheet, wanted: list[Column]) -> None:
    for line, text in enumerate(_INSTRUCTIONS, start=1):
        _write(sheet.cell(line, 1), text)
    top = len(_INSTRUCTIONS) + 2
    for position, title in enumerate(
        ("Cột", "Điền gì", "Trong kế hoạch gốc", "Khóa JSON (cũng dùng được làm tên cột)"),
        start=1,
    ):
        cell = sheet.cell(top, position)
        _write(cell, title)
        cell.font, cell.fill = Font(bold=True), _HEADER_FILL
    for line, column in enumerate(wanted, start=top + 1):
        for position, value in enumerate(
            (column.header, column.hint, column.example, column.key), start=1
        ):
            cell = sheet.cell(line, position)
            _write(cell, value)
            cell.alignment = _WRAP
    for letter, width in zip("ABCD", (45, 45, 45, 30), strict=True):
        sheet.column_dimensions[letter].width = width


def _write(cell: Cell, value: Any) -> None:
    """A value as data: text stays text (`=...` is no formula), structures as JSON text."""
    if value is None:
        return
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"

"""The first sheet of an uploaded .xlsx, line by line, read within bounds.

`service.untrusted` inflates each part counting the bytes it actually produces (never
the sizes the zip declares) and parses it with DTDs and entities refused; this module
reads only what a table needs from the parts (the first sheet, shared strings, the date
formats) as a stream, dropping each element once read. The sheet's declared `dimension`
is ignored (a 5 kB file may declare 1,048,576 rows by 16,384 columns): only the cells
that exist are read, and a value past `max_columns` is refused before any list is made.

Cells come out as the contract wants them: text; whole numbers as int, others as float;
date cells as `YYYY-MM-DD`; booleans; formulas as their cached values.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

from schemas.messages import code
from service.errors import MalformedUpload, UploadTooComplex
from service.untrusted import Archive, Limits
from service.untrusted.limits import MIB
from service.untrusted.xml import Element

# A table of 5,000 communes by 30 columns is about 1 MB of XML and 600,000 tags.
LIMITS = Limits(max_upload=32 * MIB, max_part=32 * MIB, max_total=48 * MIB, max_markup=4_000_000)
MAX_SHARED = 1_000_000  # distinct strings (an honest table has at most one per cell)
MAX_SERIAL = 2_958_465  # 9999-12-31, Excel's last day
_REFERENCE = re.compile(r"([A-Z]{1,3})([0-9]{0,7})")
_PACKAGE_RELS = "xl/_rels/workbook.xml.rels"


class CellError(ValueError):
    """A cell the contract cannot take: `message` is a message code, at (line, column)."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message, line, column)
        self.message, self.line, self.column = message, line, column


class CellProblem:
    """A value that cannot be taken (kept apart from None, which is an empty cell)."""

    def __init__(self, message: str) -> None:
        self.message = message


def xlsx_lines(data: bytes, max_columns: int) -> Iterator[tuple[int, list[Any]]]:
    """(line number, cells) of every `<row>` of the first sheet, empty ones included."""
    with Archive(data, LIMITS) as archive:
        sheet, epoch = _first_sheet(archive)
        shared = _shared_strings(archive)
        dates = _date_styles(archive)
        line = 0
        for _event, row in archive.iterparse(sheet, tag="{*}row"):
            line = _number(row.get("r"), line + 1)
            yield line, _cells(row, line, shared, dates, epoch, max_columns)
            _drop(row)


def _cells(
    row: Element, line: int, shared: list[str], dates: set[int], epoch: Any, max_columns: int
) -> list[Any]:
    values: dict[int, Any] = {}
    column = 0
    for cell in row.iterchildren("{*}c"):
        column = _column(cell.get("r"), column + 1)
        value = _value(cell, shared, dates, epoch)
        if value is None:
            continue
        if column > max_columns:
            raise CellError(code("too_many_columns", max_columns), line, column)
        if isinstance(value, CellProblem):
            raise CellError(value.message, line, column)
        values[column] = value
    return [values.get(n) for n in range(1, max(values, default=0) + 1)]


def _value(cell: Element, shared: list[str], dates: set[int], epoch: Any) -> Any:
    kind = cell.get("t", "n")
    if kind == "inlineStr":
        inline = cell.find("{*}is")
        return None if inline is None else _text(inline)
    raw = cell.findtext("{*}v")
    if raw is None or raw == "":
        return None
    if kind == "s":
        index = _number(raw, -1)
        if not 0 <= index < len(shared):
            raise MalformedUpload(f"a cell refers to shared string {raw!r}, which does not exist")
        return shared[index]
    if kind in ("str", "e"):  # a formula's text result, an error shown as text (#N/A)
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "d":  # an ISO 8601 date cell (rare; Excel writes serial numbers)
        return raw[:10]
    return _numeric(raw, _number(cell.get("s"), 0) in dates, epoch)


def _numeric(raw: str, is_date: bool, epoch: Any) -> Any:
    try:
        number = float(raw)
    except ValueError:
        return CellProblem(code("not_number"))
    if not math.isfinite(number):
        return CellProblem(code("not_number"))
    if is_date:
        if not 0 <= number <= MAX_SERIAL:
            return CellProblem(code("invalid_date"))
        moment = from_excel(number, epoch)
        return moment.strftime("%Y-%m-%d") if hasattr(moment, "year") else str(moment)
    if number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


def _text(element: Element) -> str:
    """A string item's text: its `t`, or its runs' `t`s; phonetic guides (`rPh`) left out."""
    parts = []
    for child in element:
        name = etree.QName(child).localname
        if name == "t":
            parts.append(child.text or "")
        elif name == "r":
            parts.extend(t.text or "" for t in child.iterchildren("{*}t"))
    return "".join(parts)


def _first_sheet(archive: Archive) -> tuple[str, Any]:
    """The first sheet's part name, and the workbook's date epoch (1900, or 1904 on old Macs)."""
    epoch, target_id = CALENDAR_WINDOWS_1900, None
    for _event, element in archive.iterparse("xl/workbook.xml"):
        name = etree.QName(element).localname
        if name == "workbookPr" and element.get("date1904") in ("1", "true"):
            epoch = CALENDAR_MAC_1904
        elif name == "sheet":
            target_id = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
            break
        _drop(element)
    if target_id is None:
        raise MalformedUpload("the workbook has no sheet")
    if archive.has(_PACKAGE_RELS):
        for _event, element in archive.iterparse(_PACKAGE_RELS, tag="{*}Relationship"):
            if element.get("Id") == target_id:
                target = str(element.get("Target", ""))
                path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
                return posixpath.normpath(path), epoch
            _drop(element)
    return "xl/worksheets/sheet1.xml", epoch


def _shared_strings(archive: Archive) -> list[str]:
    strings: list[str] = []
    if not archive.has("xl/sharedStrings.xml"):
        return strings
    for _event, item in archive.iterparse("xl/sharedStrings.xml", tag="{*}si"):
        if len(strings) == MAX_SHARED:
            raise UploadTooComplex(f"more than {MAX_SHARED} shared strings")
        strings.append(_text(item))
        _drop(item)
    return strings


def _date_styles(archive: Archive) -> set[int]:
    """The positions of the cell formats that show a date."""
    if not archive.has("xl/styles.xml"):
        return set()
    custom: dict[int, str] = {}
    formats: list[int] = []
    for _event, element in archive.iterparse("xl/styles.xml"):
        name = etree.QName(element).localname
        if name == "numFmt":
            custom[_number(element.get("numFmtId"), -1)] = str(element.get("formatCode", ""))
        elif name == "xf" and etree.QName(element.getparent()).localname == "cellXfs":
            formats.append(_number(element.get("numFmtId"), 0))
        _drop(element)
    return {
        position
        for position, number in enumerate(formats)
        if is_date_format(custom.get(number, BUILTIN_FORMATS.get(number, "General")))
    }


def _column(reference: str | None, following: int) -> int:
    """`AB12` -> 28; the next column when a cell has no reference."""
    if not reference:
        return following
    match = _REFERENCE.fullmatch(reference)
    if match is None:
        raise MalformedUpload(f"a cell reference {reference[:20]!r} is not a cell")
    column = 0
    for letter in match.group(1):
        column = column * 26 + ord(letter) - 64
    return column


def _number(raw: str | None, default: int) -> int:
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
        raise MalformedUpload(f"{raw[:20]!r} where a whole number should be")
    return int(raw)


def _drop(element: Element) -> None:
    """Forget an element once read, and what came before it: memory stays flat."""
    element.clear()
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]

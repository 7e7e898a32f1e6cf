"""The communes' table as rows of {column: value}: JSON, CSV (UTF-8 or Windows-1258) or .xlsx.

Readers stream: CSV line by line, Excel through openpyxl's read-only mode, so a large
sheet is never loaded whole. Empty cells are left out of a row (the base plan's value
stays); fully empty lines are skipped. Column names are trimmed and NFC-normalised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import zipfile
from collections.abc import Iterable, Iterator
from typing import IO, Any

from openpyxl import load_workbook

from schemas.messages import code
from service.vietnamese import nfc

SUFFIXES = (".xlsx", ".csv", ".json")


class TableError(ValueError):
    """The table cannot be read; `errors` is keyed like validation errors (`table`)."""

    def __init__(self, message: str, key: str = "table") -> None:
        super().__init__(message)
        self.errors = {key: [message]}


def read_table(filename: str, stream: IO[bytes], max_rows: int) -> list[dict[str, Any]]:
    """Every row of the table, by the file's extension; TableError past `max_rows` rows."""
    suffix = next((s for s in SUFFIXES if filename.lower().endswith(s)), None)
    readers = {".xlsx": xlsx_rows, ".csv": csv_rows, ".json": json_rows}
    if suffix is None:
        raise TableError(code("unsupported_table", ", ".join(SUFFIXES)))
    rows: list[dict[str, Any]] = []
    for row in readers[suffix](stream):
        if len(rows) == max_rows:
            raise TableError(code("too_many", max_rows), "rows")
        rows.append(row)
    return rows


def json_rows(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """A JSON list of row objects, or `{"rows": [...]}`."""
    try:
        data = json.load(stream)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise TableError(code("invalid_json")) from error
    rows = data.get("rows") if isinstance(data, dict) else data
    if not isinstance(rows, list):
        raise TableError(code("not_list"), "rows")
    yield from rows


def csv_rows(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """A CSV with a header line; `,`, `;` or tab; UTF-8 (BOM or not), else Windows-1258."""
    text = io.TextIOWrapper(stream, encoding=_encoding(stream), newline="")
    try:
        sample = text.read(8192)
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        lines = csv.reader(itertools.chain(io.StringIO(sample + text.readline()), text), dialect)
        yield from _records(lines)
    except (csv.Error, UnicodeDecodeError) as error:
        raise TableError(code("unreadable_table")) from error
    finally:
        text.detach()


def _encoding(stream: IO[bytes]) -> str:
    """UTF-8 if the first 64 kB decode as UTF-8; else Excel's Vietnamese ANSI code page."""
    start = stream.tell()
    head = stream.read(65536)
    stream.seek(start)
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not merely a character cut at the sample's end
            return "cp1258"  # NFC (in the schemas) then composes its separate tone marks
    return "utf-8-sig"


def xlsx_rows(stream: IO[bytes]) -> Iterator[dict[str, Any]]:
    """The first sheet of a workbook, its first non-empty line as the header."""
    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise TableError(code("unreadable_table")) from error
    try:
        sheet = workbook.worksheets[0]
        lines = ([_cell(value) for value in line] for line in sheet.iter_rows(values_only=True))
        yield from _records(lines)
    finally:
        workbook.close()


def _cell(value: Any) -> Any:
    """Excel's types as the contract wants them: whole numbers as int, dates as YYYY-MM-DD."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.time | dt.timedelta):
        return str(value)
    return value


def _records(lines: Iterable[list[Any]]) -> Iterator[dict[str, Any]]:
    """Header line first, then one dict per non-empty line with its non-empty cells."""
    header: list[str] | None = None
    for line in lines:
        cells = [nfc(v.strip()) if isinstance(v, str) else v for v in line]
        if all(c is None or c == "" for c in cells):
            continue
        if header is None:
            header = _header(cells)
            continue
        row = {}
        for position, value in enumerate(cells):
            if value is None or value == "":
                continue
            if position >= len(header) or not header[position]:
                raise TableError(code("empty_column_name", position + 1))
            row[header[position]] = value
        yield row


def _header(cells: list[Any]) -> list[str]:
    names = ["" if c is None else str(c) for c in cells]
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise TableError(code("duplicate_column", name))
        seen.add(name)
    return names

"""The communes' table as rows of {key: value}: JSON, CSV (UTF-8 or Windows-1258) or .xlsx.

A table is a stranger's file: it is read in a separate process with a wall-clock and a
memory budget (`service.untrusted.run_bounded`), so a bomb costs this process neither
time nor memory, and within bounds of its own (lines, columns, a cell's and the whole
table's text; the .xlsx through `xlsx.py`'s bounded reader). Empty cells are left out of
a row (the base plan's value stays); fully empty lines are skipped. Headers are trimmed,
NFC-normalised and mapped to row keys by `columns.header_keys` (Vietnamese headers);
each row keeps its line in the sheet and each key its header, so that errors can name
the row and the column as the officer sees them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from schemas.messages import code
from service.batch.columns import normalized
from service.batch.xlsx import LIMITS, CellError, xlsx_lines
from service.errors import ServiceError, UploadTooComplex
from service.untrusted import Budget, preload, run_bounded
from service.untrusted.limits import MIB
from service.vietnamese import nfc

SUFFIXES = (".xlsx", ".csv", ".json")
MAX_COLUMNS = 200
MAX_CELL = 32_767  # characters: Excel's own limit for a cell
MAX_TEXT = 16_000_000  # characters in all the cells of a table (5,000 rows of 3 kB)
EXTRA_LINES = 10_000  # empty or formatted lines read beyond the rows allowed
HEADER_SEARCH = 10  # non-empty lines looked at for the header (titles may come first)
BUDGET = Budget(seconds=6.0, memory=384 * MIB)
_PATH = re.compile(r"[a-z_]+(\.[a-z0-9_]+)+")  # a contract path: `targets.specific.1.value`
preload(__name__)  # jobs start warm in the fork server


def table_limits(max_rows: int = 5000) -> str:
    """The bounds of a table, for messages: `32 MB, 5000 × 200, 6 s`."""
    return f"{LIMITS.max_upload // MIB} MB, {max_rows} × {MAX_COLUMNS}, {BUDGET.seconds:g} s"


class TableError(ServiceError):
    """The table cannot be read: a message code, under `key`, at a line and column if known."""

    def __init__(
        self, message: str, key: str = "table", line: int | None = None, column: str | None = None
    ) -> None:
        super().__init__(message)
        self.message, self.key, self.line, self.column = message, key, line, column

    def __reduce__(self) -> tuple[Any, ...]:  # raised in the reading process, pickled back
        return type(self), (self.message, self.key, self.line, self.column)

    @property
    def errors(self) -> dict[str, list[str]]:
        """`{"table": [code]}` (the position is added in the caller's language: `at`)."""
        return {self.key: [self.message]}


@dataclass(frozen=True)
class Table:
    """Rows by key; each row's line in the sheet (none for JSON); each key's header."""

    rows: list[dict[str, Any]]
    lines: list[int] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)


def read_table(
    filename: str, data: bytes, max_rows: int, headers: Mapping[str, str] | None = None,
    budget: Budget = BUDGET,
) -> Table:  # fmt: skip
    """The table, by the file's extension; `headers` maps normalized headers to row keys.
    TableError, or UnsafeUpload (too large, too complex or too slow, or malformed)."""
    suffix = next((s for s in SUFFIXES if filename.lower().endswith(s)), None)
    if suffix is None:
        raise TableError(code("unsupported_table", ", ".join(SUFFIXES)))
    return run_bounded(_read, data, suffix, max_rows, dict(headers or {}), budget=budget)


def _read(data: bytes, suffix: str, max_rows: int, headers: dict[str, str]) -> Table:
    """In the bounded process: parse, map headers, keep within the table's bounds."""
    if suffix == ".json":
        rows = json_rows(data)
        if len(rows) > max_rows:
            raise TableError(code("too_many", max_rows), "rows")
        return Table(rows)
    lines = csv_lines(data) if suffix == ".csv" else xlsx_lines(data, MAX_COLUMNS)
    return Records(headers, max_rows).read(lines)


def json_rows(data: bytes) -> list[dict[str, Any]]:
    """A JSON list of row objects, or `{"rows": [...]}`."""
    try:
        parsed = json.loads(data)
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise TableError(code("invalid_json")) from error
    rows = parsed.get("rows") if isinstance(parsed, dict) else parsed
    if not isinstance(rows, list):
        raise TableError(code("not_list"), "rows")
    return rows


def csv_lines(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    """(line, cells) of a CSV; `,`, `;` or tab; UTF-8 (BOM or not), else Windows-1258."""
    try:
        text = data.decode(_encoding(data))
        sample = text[:8192]
        try:
            dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(io.StringIO(text, newline=""), dialect)
        start = 1
        for cells in reader:
            if len(cells) > MAX_COLUMNS and any(cells[MAX_COLUMNS:]):
                raise TableError(code("too_many_columns", MAX_COLUMNS), line=start)
            yield start, cells
            start = reader.line_num + 1
    except (csv.Error, UnicodeDecodeError) as error:
        raise TableError(code("unreadable_table")) from error


def _encoding(data: bytes) -> str:
    """UTF-8 if the first 64 kB decode as UTF-8; else Excel's Vietnamese ANSI code page."""
    head = data[:65536]
    try:
        head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 3:  # not merely a character cut at the sample's end
            return "cp1258"  # NFC (in the schemas) then composes its separate tone marks
    return "utf-8-sig"


class Records:
    """The header line first, then one row per non-empty line with its non-empty cells."""

    def __init__(self, headers: Mapping[str, str], max_rows: int) -> None:
        self.headers, self.max_rows = headers, max_rows
        self.names: list[str] = []  # the header line's cells, as written
        self.keys: list[str] | None = None  # each column's row key, once the header is read
        self.written: dict[str, str] = {}  # row key -> its header, as written
        self.rows: list[dict[str, Any]] = []
        self.numbers: list[int] = []  # each row's line
        self.text = 0

    def read(self, lines: Iterable[tuple[int, list[Any]]]) -> Table:
        """Every row within the bounds; TableError at the first line or cell out of them."""
        try:
            return self._read(lines)
        except CellError as error:
            column = self.column(error.column - 1)
            raise TableError(error.message, line=error.line, column=column) from None

    def column(self, position: int) -> str:
        """A column as the officer sees it: its header, or its letters when it has none."""
        name = self.names[position] if position < len(self.names) else ""
        return name or _letters(position)

    def _read(self, lines: Iterable[tuple[int, list[Any]]]) -> Table:
        before: list[tuple[int, list[Any]]] = []  # non-empty lines while no header is known
        for count, (line, raw) in enumerate(lines, start=1):
            if count > self.max_rows + EXTRA_LINES:
                raise UploadTooComplex(f"more than {count - 1} lines")
            cells = [self._cell(value, line, n) for n, value in enumerate(raw)]
            if all(c is None or c == "" for c in cells):
                continue
            if self.keys is not None:
                self._add(cells, line)
            elif self._names_columns(cells):  # the header; lines above it are titles
                self._header(cells, line)
            else:
                before.append((line, cells))
                if len(before) == HEADER_SEARCH:
                    self._first_is_header(before)
        if self.keys is None and before:
            self._first_is_header(before)
        return Table(self.rows, self.numbers, self.written)

    def _first_is_header(self, lines: list[tuple[int, list[Any]]]) -> None:
        """No line names a known column: the first names them (its unknown names are errors)."""
        self._header(lines[0][1], lines[0][0])
        for line, cells in lines[1:]:
            self._add(cells, line)

    def _add(self, cells: list[Any], line: int) -> None:
        if len(self.rows) == self.max_rows:
            raise TableError(code("too_many", self.max_rows), "rows")
        self.rows.append(self._row(cells, line))
        self.numbers.append(line)

    def _names_columns(self, cells: list[Any]) -> bool:
        """Whether a line names a known column: the header line, not a title above it."""
        return any(
            isinstance(c, str) and (_PATH.fullmatch(c) or normalized(c) in self.headers)
            for c in cells
        )

    def _cell(self, value: Any, line: int, position: int) -> Any:
        if isinstance(value, str):
            value = nfc(value.strip())
            if len(value) > MAX_CELL:
                column = self.column(position)
                raise TableError(code("too_long", MAX_CELL), line=line, column=column)
            self.text += len(value)
            if self.text > MAX_TEXT:
                raise UploadTooComplex(f"more than {MAX_TEXT} characters of text")
        return value

    def _header(self, cells: list[Any], line: int) -> None:
        """Each column's row key (a known header's, or the header itself) and key -> header."""
        self.keys, self.written = [], {}
        self.names = ["" if cell is None else str(cell) for cell in cells]
        for header in self.names:
            key = self.headers.get(normalized(header), header) if header else ""
            if key and key in self.written:
                raise TableError(code("duplicate_column", header), line=line)
            self.keys.append(key)
            if key:
                self.written[key] = header

    def _row(self, cells: list[Any], line: int) -> dict[str, Any]:
        keys = self.keys or []
        row = {}
        for position, value in enumerate(cells):
            if value is None or value == "":
                continue
            if position >= len(keys) or not keys[position]:
                raise TableError(code("empty_column_name", _letters(position)), line=line)
            row[keys[position]] = value
        return row


def _letters(position: int) -> str:
    """A column's letters as a spreadsheet shows them: 0 -> A, 27 -> AB."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters

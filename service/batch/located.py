"""A table's errors named as the officer sees the sheet: `Dòng 9, cột "Chủ tịch (người
ký)": Trường này là bắt buộc.` The keys stay dotted paths (`rows.7.signer.name`, rows
counted from 0); only the messages say the line and the column."""

from __future__ import annotations

import re
from collections.abc import Mapping

from schemas.messages import code, localize
from service.batch.tables import Table, TableError

_ROW_KEY = re.compile(r"rows\.(\d+)(?:\.(.+))?")


def at(message: str, locale: str, line: int | None = None, column: str | None = None) -> str:
    """A message code in `locale`, after its line and column when they are known."""
    place = []
    if line is not None:
        place.append(localize(code("table_line", line), locale))
    if column:
        place.append(localize(code("table_column", column), locale))
    text = localize(message, locale)
    return f"{', '.join(place)}: {text}" if place else text


def table_error(error: TableError, locale: str) -> dict[str, list[str]]:
    """A table that could not be read, its position in the message."""
    return {error.key: [at(error.message, locale, error.line, error.column)]}


def located(
    errors: Mapping[str, list[str]], table: Table, template: Mapping[str, str], locale: str
) -> dict[str, list[str]]:
    """Row errors with the sheet's line and the column's header (the table's own, else the
    template's for a column the table lacks); other errors as they are."""
    result: dict[str, list[str]] = {}
    for key, messages in errors.items():
        match = _ROW_KEY.fullmatch(key)
        position = int(match.group(1)) if match else len(table.lines)
        if match is None or position >= len(table.lines):
            result[key] = list(messages)
            continue
        column = _column(match.group(2) or "", table.headers, template)
        line = table.lines[position]
        result[key] = [at(message, locale, line, column) for message in messages]
    return result


def _column(path: str, headers: Mapping[str, str], template: Mapping[str, str]) -> str | None:
    """The header of the column a path is about: the path's own, or a parent path's."""
    if not path or path == "_schema":
        return None
    keys = path.split(".")
    for end in range(len(keys), 0, -1):
        key = ".".join(keys[:end])
        header = headers.get(key) or template.get(key)
        if header:
            return header
    return path

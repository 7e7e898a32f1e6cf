"""Tables (contract v1.1 §3): columns, rows of cells with spans, group rows, and their grid."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import NamedTuple

from service.model.text import Rich

MAX_COLUMNS = 30
MAX_ROWS = 5_000  # a 2,000-row table renders in about a second; see docs/contract-extensions.md
FONT_SIZES = (11, 12, 13, 14)


class Align(enum.StrEnum):
    """Horizontal alignment of a column's cells."""

    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


@dataclass(frozen=True, kw_only=True)
class Column:
    """A column: its title, relative width, alignment and optional group."""

    title: Rich
    width: float = 1.0
    align: Align = Align.LEFT
    group: str | None = None  # consecutive columns with one group share a second header row


class Cell(NamedTuple):
    """A cell: its text (a `\\n` starts a new paragraph in the cell) and its spans. A named
    tuple, as immutable as a frozen dataclass and made in a third of the time: a task
    table has thousands of cells."""

    text: Rich
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One bold cell spanning every column."""

    text: Rich


Row = tuple[Cell, ...] | GroupRow


@dataclass(frozen=True, kw_only=True)
class Table:
    """A table printed with fixed column widths filling the text width of its page."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    font_size: int = 12


class Placed(NamedTuple):
    """A cell at its grid column; `merged` marks the continuation of a rowspan above. (A
    named tuple: a task table places thousands, see Cell.)"""

    cell: Cell
    column: int
    merged: bool = False


def layout(table: Table) -> list[list[Placed] | GroupRow]:
    """Each row's cells at their grid columns, with the continuation cells of rowspans
    inserted where they fall; assumes a valid table (see `problems`)."""
    out: list[list[Placed] | GroupRow] = []
    covered: dict[int, tuple[Cell, int]] = {}  # grid column -> (cell above, rows left)
    for row in table.rows:
        if isinstance(row, GroupRow):
            out.append(row)
            continue
        placed: list[Placed] = []
        cells = iter(row)
        column = 0
        while column < len(table.columns):
            if column in covered:
                cell, left = covered[column]
                placed.append(Placed(cell, column, merged=True))
                if left > 1:
                    covered[column] = (cell, left - 1)
                else:
                    del covered[column]
                column += cell.colspan
                continue
            cell = next(cells)
            placed.append(Placed(cell, column))
            if cell.rowspan > 1:
                covered[column] = (cell, cell.rowspan - 1)
            column += cell.colspan
        out.append(placed)
    return out


def problems(width: int, rows: list[list[tuple[int, int]] | None]) -> dict[str, str]:
    """What keeps rows from filling the grid, keyed by the path under `rows`: `"7"` with
    `fill` (its cells and the rowspans from above do not make `width` columns), or
    `"7.2.rowspan"` with `rowspan` (it runs past the last row or into a group row).
    `rows` gives each row's cells as (colspan, rowspan), None for a group row."""
    found: dict[str, str] = {}
    covered: dict[int, tuple[int, int, str]] = {}  # grid column -> (colspan, rows left, origin)
    for index, row in enumerate(rows):
        if row is None:
            for _span, _left, origin in covered.values():
                found[origin] = "rowspan"
            covered = {}
            continue
        column, position, ok = 0, 0, True
        next_covered: dict[int, tuple[int, int, str]] = {}
        while column < width:
            if column in covered:
                span, left, origin = covered[column]
                if left > 1:
                    next_covered[column] = (span, left - 1, origin)
                column += span
                continue
            if position >= len(row):
                ok = False
                break
            colspan, rowspan = row[position]
            if rowspan > 1:
                next_covered[column] = (colspan, rowspan - 1, f"{index}.{position}.rowspan")
            column += colspan
            position += 1
        if not ok or column != width or position != len(row):
            found[str(index)] = "fill"
        covered = next_covered
    for _span, _left, origin in covered.values():
        found[origin] = "rowspan"
    return found

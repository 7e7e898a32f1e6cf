"""Lines laid out in two columns with tabs or runs of spaces instead of a table.

Some offices type the header as `ỦY BAN NHÂN DÂN<spaces>CỘNG HÒA XÃ HỘI ...` and the
closing as `Nơi nhận:<tab>TL. CHỦ TỊCH`. What prints is two columns: each such paragraph
is split where the text jumps to the right-hand column, and each piece becomes a Para of
its own in a virtual two-column table (same paragraph number, its own runs).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .metrics import advance
from .model import Cell, Para, Run
from .ooxml import TWIPS_PER_PT
from .widths import UNITS_PER_EM

VIRTUAL_TABLE = -2  # the `table` of every virtual cell
_GAP = re.compile(r"\t[\t \u00a0]*|[ \u00a0]{4,}\t*[\t \u00a0]*")
_LABEL_ONLY = re.compile(r"^\s*s[ốoô]\s*[:.]?\s*$", re.IGNORECASE)
RIGHT_COLUMN = 0.3  # a piece starting this far across the line is in the right column
_DEFAULT_TAB = 720  # twips: Word's default tab stop, 1.27 cm


def columns(para: Para) -> list[Para]:
    """`para` as the pieces that print in each column, each in a virtual cell (col 0 or 1)."""
    text = "".join(run.text for run in para.runs)
    positions = _positions(para, text)
    room = max(para.width, 1)
    spans = [(0, len(text))]
    for gap in _GAP.finditer(text):
        before, after = text[: gap.start()], text[gap.end() :]
        if not before.strip() or not after.strip():
            continue
        if _LABEL_ONLY.match(before):
            continue  # "Số:      /UBND-NC": the number's own blank
        if positions[gap.end()] >= RIGHT_COLUMN * room:
            spans = [(0, gap.start()), (gap.end(), len(text))]
            break  # two columns at most
    pieces = []
    for number, (start, end) in enumerate(spans):
        # A piece is its text: the spaces and tabs around it are layout.
        segment = text[start:end]
        if not segment.strip():
            continue
        start += len(segment) - len(segment.lstrip())
        end = start + len(segment.strip())
        runs = _slice(para.runs, start, end)
        piece = "".join(run.text for run in runs)
        col = 1 if number > 0 or _starts_right(para, positions[start], piece, room) else 0
        cell = Cell(
            table=VIRTUAL_TABLE,
            row=para.index,
            col=col,
            width=room // 2,
            nest=VIRTUAL_TABLE,
            inner_row=para.index,
        )
        pieces.append(
            replace(
                para,
                runs=tuple(runs),
                text=(para.label if number == 0 else "") + piece,
                label=para.label if number == 0 else "",
                cell=cell,
                line_breaks=piece.count("\n"),
            )
        )
    return pieces


def _starts_right(para: Para, lead: float, piece: str, room: float) -> bool:
    """True when a single piece prints in the right-hand column."""
    if lead >= RIGHT_COLUMN * room:
        return True
    width = _width(para.runs, piece.strip())
    align = para.fmt.align
    if align in ("right", "end"):
        return room - width >= RIGHT_COLUMN * room
    if align == "center":
        return (room - width) / 2 + lead >= RIGHT_COLUMN * room
    return False


def _positions(para: Para, text: str) -> list[float]:
    """The x position (twips from the margin) before each character, and after the last."""
    x = float(max(para.fmt.left + para.fmt.first_line, 0))
    positions = [x]
    index = 0
    for run in para.runs:
        size = run.fmt.size * TWIPS_PER_PT / UNITS_PER_EM
        for char in run.text:
            if char == "\t":
                x = next_tab(x, para.fmt.tabs)
            else:
                x += advance(char, run.fmt.bold) * size
            positions.append(x)
            index += 1
    return positions


def next_tab(x: float, stops: tuple[int, ...], default: int = _DEFAULT_TAB) -> float:
    """Where a tab at `x` jumps to: the next custom stop, else the next default stop."""
    custom = next((stop for stop in stops if stop > x), None)
    return float(custom) if custom is not None else (int(x) // default + 1) * default


def _width(runs: tuple[Run, ...], text: str) -> float:
    size = max((run.fmt.size for run in runs), default=14.0)
    return sum(advance(char, False) for char in text) * size * TWIPS_PER_PT / UNITS_PER_EM


def _slice(runs: tuple[Run, ...], start: int, end: int) -> list[Run]:
    """The runs between character offsets `start` and `end`, cut at both ends."""
    found: list[Run] = []
    offset = 0
    for run in runs:
        stop = offset + len(run.text)
        low, high = max(start, offset), min(end, stop)
        if low < high:
            found.append(Run(run.text[low - offset : high - offset], run.fmt))
        offset = stop
    return found


def is_laid_out(para: Para) -> bool:
    """True when `para` holds a gap wide enough to be a column jump."""
    return para.cell is None and _GAP.search(para.text.strip()) is not None

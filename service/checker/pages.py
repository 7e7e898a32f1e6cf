"""Which page each paragraph starts on: Word's recorded page breaks when the file has them,
otherwise an estimate from a simple line-filling model (explicit breaks are exact)."""

from __future__ import annotations

import math
from itertools import groupby

from .metrics import text_width
from .model import Doc, Para
from .ooxml import TWIPS_PER_PT

# Times New Roman's single line is about 1.15 times its size (ascent + descent + gap).
SINGLE_LINE = 1.15


def assign_pages(doc: Doc) -> None:
    """Set `page` on every body paragraph and `pages` on the Doc."""
    if any(para.rendered_breaks for para in doc.paragraphs):
        _recorded(doc)
    else:
        _estimated(doc)


def _recorded(doc: Doc) -> None:
    page = 1
    for para in doc.paragraphs:
        para.page = page + para.rendered_lead
        page += para.rendered_breaks
    doc.pages, doc.pages_known = page, True


def _estimated(doc: Doc) -> None:
    page, used = 1, 0.0
    for _, group in groupby(doc.paragraphs, key=_block_key):
        block = list(group)
        section = doc.sections[min(block[0].section, len(doc.sections) - 1)]
        room = max(section.height - section.margins["top"] - section.margins["bottom"], 1)
        first = block[0]
        starts_section = first.index == section.first and section.starts_new_page
        after_break = first.index > 0 and doc.paragraphs[first.index - 1].break_after
        if used > 0 and (first.break_before or starts_section or after_break):
            page, used = page + 1, 0.0
        cells: dict[int, float] = {}
        for para in block:
            column = para.cell.col if para.cell else 0
            cells[column] = cells.get(column, 0.0) + _height(para)
        height = max(cells.values())
        if used > 0 and used + height > room and height <= room:
            page, used = page + 1, 0.0
        for para in block:
            para.page = page
        used += height
        if used > room:  # a block taller than a page runs on: whole pages at once
            overflow = math.ceil(used / room) - 1
            page, used = page + overflow, used - overflow * room
    doc.pages, doc.pages_known = page, False


def _block_key(para: Para) -> tuple[int, int]:
    # Paragraphs of one table row move together; each other paragraph is its own block.
    return (para.cell.table, para.cell.row) if para.cell else (-1, para.index)


def _height(para: Para) -> float:
    if para.floating:
        return 0.0
    fmt = para.fmt
    size = para.max_size()
    single = size * SINGLE_LINE * TWIPS_PER_PT
    if fmt.line_rule == "exact":
        line = float(fmt.line)
    elif fmt.line_rule == "atLeast":
        line = max(float(fmt.line), single)
    else:
        line = single * fmt.line / 240
    room = max(para.width - fmt.left - fmt.right, 1)
    if para.line_breaks:
        widths = [text_width(piece, size) for piece in para.text.split("\n")]
    else:
        widths = [sum(text_width(run.text, run.fmt.size, run.fmt.bold) for run in para.runs)]
    indent = max(fmt.first_line, 0)
    lines = sum(max(1, math.ceil((width + indent) / room)) for width in widths)
    return lines * line + fmt.before + fmt.after

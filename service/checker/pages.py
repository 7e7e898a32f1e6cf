"""How many pages the document has and which page each paragraph starts on.

The total comes, in order of trust, from LibreOffice's layout (when the caller asked for
it), from the page count Word records in docProps/app.xml on every save, from the page
breaks Word left in the text (w:lastRenderedPageBreak), or from a line-filling estimate.
Paragraph pages come from the recorded breaks or the estimate, scaled to a known total.
"""

from __future__ import annotations

import math
from itertools import groupby

from .metrics import text_width
from .model import Doc, Para
from .ooxml import TWIPS_PER_PT

# Times New Roman's single line is about 1.15 times its size (ascent + descent + gap).
SINGLE_LINE = 1.15


def assign_pages(doc: Doc, word_pages: int | None = None, layout_pages: int | None = None) -> None:
    """Set `page` on every body paragraph and `pages`, `pages_source` on the Doc."""
    if any(para.rendered_breaks for para in doc.paragraphs):
        counted, source = _recorded(doc), "breaks"
    else:
        counted, source = _estimated(doc), "estimate"
    total = layout_pages or word_pages
    if total is not None:
        source = "layout" if layout_pages else "word"
        if total != counted:
            for para in doc.paragraphs:
                if para.page is not None:
                    para.page = min(total, max(1, math.ceil(para.page * total / counted)))
    doc.pages = total or counted
    doc.pages_source = source
    doc.pages_known = source != "estimate"


def _recorded(doc: Doc) -> int:
    page = 1
    for _, group in groupby(doc.paragraphs, key=_block_key):
        block = list(group)
        # The cells of a row break across a page together: count the row's breaks once,
        # by its column that breaks most.
        start, most = page, 0
        columns: dict[int, int] = {}
        for para in block:
            column = para.cell.col if para.cell else 0
            before = columns.get(column, 0)
            para.page = start + before + para.rendered_lead
            columns[column] = before + para.rendered_breaks
            most = max(most, columns[column])
        page = start + most
    return page


def _estimated(doc: Doc) -> int:
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
    return page


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

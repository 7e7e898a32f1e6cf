"""The preview's half of the context: blocks as HTML, exactly as the DOCX prints them.

User text is escaped here and nowhere evaluated; marks become `<strong>`, `<em>`, `<u>`,
footnote marks `<sup>` numbered through the document, tables `<table>` with their spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from markupsafe import Markup

from service.model import Cell, GroupRow, Orientation, Rich, Span, Table
from service.model.table import layout
from service.rendering.blocks import Block, Kind
from service.rendering.wordml.tables import split_lines

_PREFIX = {Kind.DASH: "- ", Kind.PLUS: "+ "}


@dataclass(frozen=True)
class HtmlBlock:
    """A block as the preview prints it."""

    kind: str
    html: Markup
    landscape: bool = False


class _Notes:
    def __init__(self) -> None:
        self.texts: list[Markup] = []

    def mark(self, content: Rich) -> str:
        self.texts.append(Markup(rich_html(content, self)))
        n = len(self.texts)
        link = f'<a href="#footnote-{n}" id="footnote-ref-{n}">{n}</a>'
        return f'<sup class="footnote-mark">{link}</sup>'


def _span(span: Span) -> str:
    html = escape(span.text, quote=False)
    if span.underline:
        html = f"<u>{html}</u>"
    if span.italic:
        html = f"<em>{html}</em>"
    elif span.italic is False:
        html = f'<span class="upright">{html}</span>'
    if span.bold:
        html = f"<strong>{html}</strong>"
    elif span.bold is False:
        html = f'<span class="regular">{html}</span>'
    return html


def rich_html(rich: Rich, notes: _Notes) -> str:
    """A paragraph's spans and footnote marks as HTML."""
    return "".join(_span(p) if isinstance(p, Span) else notes.mark(p.content) for p in rich.parts)


def table_html(table: Table, notes: _Notes) -> str:
    """A table with its column widths, header rows, group rows and merged cells."""
    total = sum(c.width for c in table.columns)
    # widths as data: the page's CSP forbids style attributes; the preview script sets them
    cols = "".join(f'<col data-width="{100 * c.width / total:.2f}%">' for c in table.columns)
    head = "".join(f"<th>{_cell_html(c.title, notes)}</th>" for c in table.columns)
    if any(c.group for c in table.columns):
        head = _grouped_head(table, notes)
    else:
        head = f"<tr>{head}</tr>"
    rows = []
    for row in layout(table):
        if isinstance(row, GroupRow):
            group = f'<td colspan="{len(table.columns)}">{_cell_html(row.text, notes)}</td>'
            rows.append(f'<tr class="group">{group}</tr>')
            continue
        cells = []
        for placed in row:
            if placed.merged:
                continue
            cell: Cell = placed.cell
            spans = (f' colspan="{cell.colspan}"' if cell.colspan > 1 else "") + (
                f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
            )
            align = table.columns[placed.column].align.value
            cells.append(f'<td class="{align}"{spans}>{_cell_html(cell.text, notes)}</td>')
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<table class="doc-table size-{table.font_size}"><colgroup>{cols}</colgroup>'
        f"<thead>{head}</thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _grouped_head(table: Table, notes: _Notes) -> str:
    top, bottom, columns, i = [], [], table.columns, 0
    while i < len(columns):
        group = columns[i].group
        if not group:
            top.append(f'<th rowspan="2">{_cell_html(columns[i].title, notes)}</th>')
            i += 1
            continue
        j = i
        while j < len(columns) and columns[j].group == group:
            bottom.append(f"<th>{_cell_html(columns[j].title, notes)}</th>")
            j += 1
        top.append(f'<th colspan="{j - i}"><p>{escape(group, quote=False)}</p></th>')
        i = j
    return f"<tr>{''.join(top)}</tr><tr>{''.join(bottom)}</tr>"


def _cell_html(text: Rich, notes: _Notes) -> str:
    return "".join(f"<p>{rich_html(line, notes)}</p>" for line in split_lines(text))


def html_context(context: dict[str, Any]) -> dict[str, Any]:
    """`build_context`'s variables with blocks and footnotes as HTML."""
    notes = _Notes()
    blocks, landscape = [], False
    for block in context["blocks"]:
        if block.kind is Kind.SECTION_BREAK:
            landscape = block.orientation is Orientation.LANDSCAPE
        blocks.append(HtmlBlock(block.kind.value, Markup(_block_html(block, notes)), landscape))
    return {**context, "blocks": blocks, "footnotes": notes.texts}


def _block_html(block: Block, notes: _Notes) -> str:
    if block.kind is Kind.TABLE:
        assert block.table is not None
        return table_html(block.table, notes)
    text = block.text
    if block.kind in _PREFIX:
        text = Rich((Span(_PREFIX[block.kind]), *text.parts))
    html = rich_html(text, notes)
    if block.kind is Kind.RUN_IN and block.heading is not None:
        html = f"<strong>{rich_html(block.heading, notes)}</strong> {html}"
    return html

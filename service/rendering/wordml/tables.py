"""A contract table as a WordprocessingML table: fixed layout, widths in the grid and on
every cell (LibreOffice reads the grid only), header rows repeated on each page, rows
that do not split, single borders, `gridSpan`/`vMerge` for merged cells."""

from __future__ import annotations

from itertools import groupby

from service.model import Align, Cell, GroupRow, Rich, Span, Table
from service.model.table import Placed, layout
from service.rendering.page import CELL_MARGIN_MM, twips
from service.rendering.wordml.runs import Notes, runs

TEXT_STYLE, HEADER_STYLE, GROUP_STYLE = "TableText", "TableHeader", "TableGroup"
DEFAULT_SIZE = 12  # the styles' size; other sizes are set on the runs
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
_JC = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right"}


_EMPTY = Rich(())


def split_lines(rich: Rich) -> list[Rich]:
    """A cell's text as paragraphs: each `\\n` starts a new one."""
    if all(isinstance(p, Span) and "\n" not in p.text for p in rich.parts):
        return [rich]  # most cells: one paragraph
    paragraphs: list[list[Span | object]] = [[]]
    for part in rich.parts:
        if isinstance(part, Span) and "\n" in part.text:
            pieces = part.text.split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    paragraphs.append([])
                if piece:
                    paragraphs[-1].append(Span(piece, part.bold, part.italic, part.underline))
        else:
            paragraphs[-1].append(part)
    return [Rich(tuple(p)) for p in paragraphs]  # type: ignore[arg-type]


class TableWriter:
    """Writes one table at a given width; shares the document's footnotes."""

    def __init__(self, table: Table, width_mm: float, notes: Notes) -> None:
        self.table, self.notes = table, notes
        total = sum(c.width for c in table.columns)
        self.widths = [twips(width_mm * c.width / total) for c in table.columns]
        self.size = None if table.font_size == DEFAULT_SIZE else table.font_size
        self._openings: dict[tuple[int, int, str, str | None], str] = {}
        self._plain: dict[tuple[int, int, bool, str], str] = {}  # cells of plain text, written
        size = f'<w:rPr><w:sz w:val="{self.size * 2}"/></w:rPr>' if self.size else ""
        self._ppr = {
            (style, column): f'<w:pPr><w:pStyle w:val="{style}"/>'
            f"{self._align(column, style)}{size}</w:pPr>"
            for style in (TEXT_STYLE, HEADER_STYLE, GROUP_STYLE)
            for column in range(len(self.widths))
        }

    def xml(self) -> str:
        """The whole `<w:tbl>`."""
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in self.widths)
        margin = twips(CELL_MARGIN_MM)
        props = (
            f'<w:tblPr><w:tblW w:w="{sum(self.widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/>'
            f'<w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000" w:firstRow="1" w:lastRow="0" w:firstColumn="0" '
            'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
        )
        header = self._header()  # first: footnote ids follow the marks' order in the table
        body = "".join(self._row(row) for row in layout(self.table))
        return f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>{header}{body}</w:tbl>"

    def _header(self) -> str:
        columns = self.table.columns
        if not any(c.group for c in columns):
            cells = "".join(
                self._cell(i, 1, [c.title], HEADER_STYLE) for i, c in enumerate(columns)
            )
            return _tr(cells, header=True)
        top: list[str] = []
        bottom: list[str] = []
        start = 0
        for group, members in groupby(columns, key=lambda c: c.group):
            span = len(list(members))
            if group:
                top.append(self._cell(start, span, [Rich.of(group)], HEADER_STYLE))
                bottom.extend(
                    self._cell(start + i, 1, [columns[start + i].title], HEADER_STYLE)
                    for i in range(span)
                )
            else:
                for i in range(span):
                    title = [columns[start + i].title]
                    top.append(self._cell(start + i, 1, title, HEADER_STYLE, merge="restart"))
                    bottom.append(
                        self._cell(start + i, 1, [Rich(())], HEADER_STYLE, merge="continue")
                    )
            start += span
        return _tr("".join(top), header=True) + _tr("".join(bottom), header=True)

    def _row(self, row: list[Placed] | GroupRow) -> str:
        if isinstance(row, GroupRow):
            return _tr(self._cell(0, len(self.widths), split_lines(row.text), GROUP_STYLE))
        cells = []
        for placed in row:
            cell: Cell = placed.cell
            plain = _plain_text(cell.text)
            if plain is not None and not placed.merged:  # agencies and dates repeat down a table
                key = (placed.column, cell.colspan, cell.rowspan > 1, plain)
                xml = self._plain.get(key)
                if xml is None:
                    merge = "restart" if cell.rowspan > 1 else None
                    xml = self._plain[key] = self._cell(
                        placed.column, cell.colspan, [cell.text], TEXT_STYLE, merge=merge
                    )
                cells.append(xml)
            elif placed.merged:
                cells.append(
                    self._cell(
                        placed.column, cell.colspan, [Rich(())], TEXT_STYLE, merge="continue"
                    )
                )
            else:
                merge = "restart" if cell.rowspan > 1 else None
                paragraphs = split_lines(cell.text)
                cells.append(
                    self._cell(placed.column, cell.colspan, paragraphs, TEXT_STYLE, merge=merge)
                )
        return _tr("".join(cells))

    def _cell(
        self, column: int, span: int, paragraphs: list[Rich], style: str, merge: str | None = None
    ) -> str:
        opening = self._openings.get((column, span, style, merge))
        if opening is None:  # one cell's properties, built once per kind of cell of a table
            width = sum(self.widths[column : column + span])
            props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if span > 1:
                props += f'<w:gridSpan w:val="{span}"/>'
            if merge == "restart":
                props += '<w:vMerge w:val="restart"/>'
            elif merge == "continue":
                props += "<w:vMerge/>"
            props += '<w:vAlign w:val="center"/>'
            opening = self._openings[(column, span, style, merge)] = (
                f"<w:tc><w:tcPr>{props}</w:tcPr>"
            )
        ppr = self._ppr[(style, column)]
        body = "".join(
            f"<w:p>{ppr}{runs(text, self.notes, size=self.size)}</w:p>"
            for text in paragraphs or [_EMPTY]
        )
        return f"{opening}{body}</w:tc>"

    def _align(self, column: int, style: str) -> str:
        if style != TEXT_STYLE:
            return ""  # header rows are centred and group rows left by their styles
        align: Align = self.table.columns[column].align
        return f'<w:jc w:val="{_JC[align]}"/>'


def _plain_text(rich: Rich) -> str | None:
    """The text of a cell that is one unmarked span on one line, else None."""
    text = rich.plain_text
    return text if text is not None and "\n" not in text else None


def _tr(cells: str, *, header: bool = False) -> str:
    head = "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr><w:cantSplit/>{head}</w:trPr>{cells}</w:tr>"


def table_xml(table: Table, width_mm: float, notes: Notes) -> str:
    """The table filling `width_mm` in its columns' proportions."""
    return TableWriter(table, width_mm, notes).xml()

"""Walk the body, headers and footers once and build the Doc the rules read."""

from __future__ import annotations

import unicodedata

from service.errors import UploadTooComplex

from .model import Cell, Doc, Para, Run, Section
from .numbering import Lists
from .ooxml import COUNT, PAGE, Element, attr, child, int_attr, local, on_off, w
from .package import Package
from .resolve import StyleSheet, parse_ppr, parse_rpr
from .shapes import line_shapes, text_boxes

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
# Containers whose runs print as part of the paragraph (deleted text, w:del, does not).
_RUN_CONTAINERS = frozenset(
    {"hyperlink", "ins", "smartTag", "fldSimple", "customXml", "moveTo", "dir", "bdo", "sdt"}
)
_BLOCK_CONTAINERS = frozenset({"sdt", "customXml", "sdtContent"})
_DEFAULT_CELL_MARGIN = 108  # twips, Word's "Normal Table"
_A4 = (11906, 16838)
# About 900 pages of ordinary text (our longest real document, 35 pages, has 941).
MAX_PARAGRAPHS = 25_000
_WIDTH = (0, 31680)  # twips: a column or a cell
_SPAN = (1, 63)  # Word tables have at most 63 columns


def build(package: Package) -> Doc:
    """Read `package` into a Doc (paragraphs, sections and header/footer parts)."""
    styles = StyleSheet(package.styles, package.theme)
    style_num = _numbering_styles(package.styles, styles)
    walker = _Walker(styles, Lists(package.numbering, style_num))
    paragraphs, sections = walker.body(package.body)
    parts = {rel_id: walker.part(root) for rel_id, root in package.parts.items()}
    return Doc(
        paragraphs=paragraphs,
        sections=sections,
        parts=parts,
        even_and_odd_headers=package.even_and_odd_headers,
        default_tab=package.default_tab,
    )


def _numbering_styles(root: Element | None, styles: StyleSheet) -> dict[str, str]:
    found: dict[str, str] = {}
    if root is None:
        return found
    for style in root.iterfind(w("style")):
        if attr(style, "type") == "numbering":
            style_id = attr(style, "styleId") or ""
            num = styles.style_ppr(style_id).get("num")
            if num:
                found[style_id] = num[0]
    return found


class _Walker:
    def __init__(self, styles: StyleSheet, lists: Lists) -> None:
        self.styles = styles
        self.lists = lists
        self.paras: list[Para] = []
        self.part_name = "body"
        self.section = 0
        self.text_width = _A4[0] - 1701 - 850
        self.tables = 0  # top-level tables
        self.nests = 0  # every table, nested ones included
        self.floating = False
        self.count = 0  # paragraphs read in every part

    def body(self, body: Element) -> tuple[list[Para], list[Section]]:
        breaks = body.findall(f"{w('p')}/{w('pPr')}/{w('sectPr')}")
        self.all_props: list[Element | None] = [*breaks, child(body, "sectPr")]
        self._set_width(self.all_props[0])
        self._blocks(body, None)
        return self.paras, self._sections(self.all_props)

    def part(self, root: Element) -> list[Para]:
        saved = self.paras, self.part_name, self.section
        self.paras, self.part_name = [], "header" if local(root.tag) == "hdr" else "footer"
        self._blocks(root, None)
        paras = self.paras
        self.paras, self.part_name, self.section = saved
        return paras

    def _set_width(self, sect_pr: Element | None) -> None:
        width = int_attr(child(sect_pr, "pgSz"), "w", PAGE) or _A4[0]
        margins = child(sect_pr, "pgMar")
        left, right = int_attr(margins, "left") or 0, int_attr(margins, "right") or 0
        self.text_width = width - left - right

    def _blocks(self, container: Element, cell: Cell | None) -> None:
        for element in container:
            tag = local(element.tag)
            if tag == "p":
                self._paragraph(element, cell)
            elif tag == "tbl":
                self._table(element, cell)
            elif tag in _BLOCK_CONTAINERS:
                content = child(element, "sdtContent") if tag == "sdt" else element
                if content is not None:
                    self._blocks(content, cell)

    def _table(self, table: Element, outer: Cell | None) -> None:
        rows = table.findall(w("tr"))
        if len(rows) == 1 and len(rows[0].findall(w("tc"))) == 1:
            # A one-cell table is a frame around what it holds: read it as the flow around
            # it (a boxed title, or a closing table nested in a frame).
            self._blocks(rows[0].find(w("tc")), outer)
            return
        self.nests += 1
        nest = self.nests - 1
        if outer is None:
            self.tables += 1
        number = self.tables - 1 if outer is None else outer.table
        grid = [
            int_attr(col, "w", _WIDTH) or 0
            for col in table.iterfind(f"{w('tblGrid')}/{w('gridCol')}")
        ]
        # Table styles' cell margins are not read: Word's default (108 twips) stands in.
        default = (_DEFAULT_CELL_MARGIN, _DEFAULT_CELL_MARGIN)
        margins = _cell_margins(child(child(table, "tblPr"), "tblCellMar"), default)
        for row_index, row in enumerate(rows):
            # A row may start some grid columns in (w:gridBefore), as header tables often do.
            column = int_attr(child(child(row, "trPr"), "gridBefore"), "val", (0, 63)) or 0
            for cell in row.iterfind(w("tc")):
                tc_pr = child(cell, "tcPr")
                span = int_attr(child(tc_pr, "gridSpan"), "val", _SPAN) or 1
                width = sum(grid[column : column + span]) or (
                    int_attr(child(tc_pr, "tcW"), "w", _WIDTH) or 0
                )
                left, right = _cell_margins(child(tc_pr, "tcMar"), margins)
                place = Cell(
                    table=number,
                    row=row_index if outer is None else outer.row,
                    col=column,
                    width=max(width - left - right, 0),
                    nest=nest,
                    inner_row=row_index,
                )
                self._blocks(cell, place)
                column += span

    def _paragraph(self, p: Element, cell: Cell | None) -> None:
        self.count += 1
        if self.count > MAX_PARAGRAPHS:
            raise UploadTooComplex(f"more than {MAX_PARAGRAPHS} paragraphs")
        ppr = p.find(w("pPr"))
        style_id = self.styles.paragraph_style(attr(child(ppr, "pStyle"), "val"))
        direct = parse_ppr(ppr)
        num = direct.get("num") or self.styles.style_ppr(style_id).get("num")
        level = self.lists.level(num[0], num[1]) if num else None
        fmt = self.styles.para_format(style_id, direct, level.ppr if level else {}, "num" in direct)
        label = self.lists.label(num[0], num[1]) if num and level else ""
        para = Para(
            index=len(self.paras),
            part=self.part_name,
            text="",
            label=label,
            runs=(),
            fmt=fmt,
            section=self.section,
            cell=cell,
            width=cell.width if cell else self.text_width,
            break_before=fmt.page_break_before,
            opens_section=bool(self.paras) and self.paras[-1].ends_section and cell is None,
        )
        reader = _Runs(self.styles, style_id, para)
        reader.read(p)
        para.floating = self.floating
        self.paras.append(para)
        if reader.boxes:
            # Text boxes (headers drawn by hand often are) follow their anchor paragraph.
            outer, self.floating = self.floating, True
            for box in reader.boxes:
                self._blocks(box, cell)
            self.floating = outer
        sect_pr = child(ppr, "sectPr")
        if sect_pr is not None and self.part_name == "body" and cell is None:
            para.ends_section = True
            self.section += 1
            if self.section < len(self.all_props):
                self._set_width(self.all_props[self.section])

    def _sections(self, all_props: list[Element | None]) -> list[Section]:
        sections = []
        bounds: list[int] = [p.index for p in self.paras if p.ends_section]
        start = 0
        for index, props in enumerate(all_props):
            last = bounds[index] if index < len(bounds) else len(self.paras) - 1
            sections.append(_section(index, props, start, last))
            start = last + 1
        return sections


def _cell_margins(mar: Element | None, default: tuple[int, int]) -> tuple[int, int]:
    left = int_attr(child(mar, "left"), "w") if mar is not None else None
    if left is None and mar is not None:
        left = int_attr(child(mar, "start"), "w")
    right = int_attr(child(mar, "right"), "w") if mar is not None else None
    if right is None and mar is not None:
        right = int_attr(child(mar, "end"), "w")
    return (default[0] if left is None else left, default[1] if right is None else right)


def _section(index: int, props: Element | None, first: int, last: int) -> Section:
    size = child(props, "pgSz")
    margins = child(props, "pgMar")
    number = child(props, "pgNumType")
    title_pg = child(props, "titlePg")
    kind = attr(child(props, "type"), "val") or "nextPage"
    references: dict[str, dict[str, str]] = {"headerReference": {}, "footerReference": {}}
    if props is not None:
        for tag, found in references.items():
            for ref in props.iterfind(w(tag)):
                rel_id = ref.get(_R_ID)
                if rel_id:
                    found[attr(ref, "type") or "default"] = rel_id
    return Section(
        index=index,
        width=int_attr(size, "w", PAGE) or _A4[0],
        height=int_attr(size, "h", PAGE) or _A4[1],
        orient=attr(size, "orient") or "portrait",
        margins={side: int_attr(margins, side) or 0 for side in ("top", "bottom", "left", "right")},
        title_page=title_pg is not None and on_off(title_pg),
        restart=int_attr(number, "start", COUNT),
        number_format=attr(number, "fmt"),
        starts_new_page=index > 0 and kind not in ("continuous", "nextColumn"),
        headers=references["headerReference"],
        footers=references["footerReference"],
        first=first,
        last=last,
    )


class _Runs:
    """Reads the runs of one paragraph into its Para."""

    def __init__(self, styles: StyleSheet, style_id: str, para: Para) -> None:
        self.styles = styles
        self.style_id = style_id
        self.para = para
        self.runs: list[Run] = []
        self.fields: list[str] = []
        self.instruction: list[str] | None = None
        self.shapes: list[int] = []
        self.boxes: list[Element] = []
        self.seen_text = False

    def read(self, p: Element) -> None:
        self._container(p)
        para = self.para
        para.runs = tuple(self.runs)
        body = unicodedata.normalize("NFC", "".join(run.text for run in self.runs))
        para.text = para.label + body
        para.fields = tuple(self.fields)
        para.shapes = tuple(self.shapes)

    def _container(self, element: Element) -> None:
        for node in element:
            tag = local(node.tag)
            if tag == "r":
                self._run(node)
            elif tag in _RUN_CONTAINERS:
                if tag == "fldSimple":
                    self.fields.append((attr(node, "instr") or "").strip())
                self._container(child(node, "sdtContent") if tag == "sdt" else node)

    def _run(self, r: Element) -> None:
        rpr = r.find(w("rPr"))
        fmt = self.styles.run_format(
            self.style_id, attr(child(rpr, "rStyle"), "val"), parse_rpr(rpr)
        )
        pieces: list[str] = []
        for node in r:
            tag = local(node.tag)
            if tag == "t":
                text = node.text or ""
                pieces.append(text)
                if text.strip() and not fmt.hidden:
                    self.seen_text = True
                    self.para.break_after = False
            elif tag == "tab":
                pieces.append("\t")
            elif tag in ("br", "cr"):
                self._break(node, pieces)
            elif tag == "noBreakHyphen":
                pieces.append("-")
            elif tag == "instrText" and self.instruction is not None:
                self.instruction.append(node.text or "")
            elif tag == "fldChar":
                self._field_char(attr(node, "fldCharType"))
            elif tag == "lastRenderedPageBreak":
                self.para.rendered_breaks += 1
                if not self.seen_text:
                    self.para.rendered_lead += 1
            elif tag in ("drawing", "pict", "AlternateContent"):
                self.shapes.extend(line_shapes(node))
                self.boxes.extend(text_boxes(node))
        text = unicodedata.normalize("NFC", "".join(pieces))
        if text and not fmt.hidden:
            self.runs.append(Run(text, fmt))

    def _break(self, node: Element, pieces: list[str]) -> None:
        kind = attr(node, "type")
        if kind == "page":
            if self.seen_text:
                self.para.break_after = True
            else:
                self.para.break_before = True
        elif kind != "column":
            pieces.append("\n")
            self.para.line_breaks += 1

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self.instruction = []
        elif self.instruction is not None and kind in ("separate", "end"):
            self.fields.append("".join(self.instruction).strip())
            self.instruction = None

"""Builds the documents the checker is tested on, with python-docx and lxml: a correct
KẾ HOẠCH or công văn laid out the way our renderer lays it out, and variants of it with
one defect each. Formatting is carried either by styles or by direct run formatting.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips

from service.checker.metrics import text_width

from .content import APPENDIX_CONTENT, FONT, LOOKS, Look, Texts, letter_texts, plan_content
from .wordml import border, field_part, fonts, indents, line_run, mm, paragraph_look

ROOT = str(Path(__file__).resolve().parents[2])
CELL_MARGINS = 216  # Word's default 108 twips each side


@dataclass
class Layout:
    """What to build; every field has the correct value by default."""

    kind: str = "ke_hoach"
    carrier: str = "styles"  # "styles" or "direct"
    repeat: int = 1  # times the task part is repeated (about 1.3 pages each)
    texts: Texts | None = None
    looks: dict[str, Look] = field(default_factory=dict)
    margins_mm: tuple[float, float, float, float] = (20, 20, 30, 15)  # top bottom left right
    page_mm: tuple[float, float] = (210, 297)
    issuer_rule: str | None = "border"  # "border", "shape", "vml" or None
    issuer_ratio: float = 0.4
    title_ratio: float = 0.4
    motto_rule: bool = True
    title_rule: bool = True
    page_numbers: str | None = "header"  # "header", "footer" or None
    first_page_number: bool = False
    appendix_section: bool = True
    appendix_restart: bool = True


def plan(**options: Any) -> Document:
    """A KẾ HOẠCH (with one appendix) built as our renderer would."""
    return _Builder(Layout(**options)).build()


def letter(**options: Any) -> Document:
    """A công văn built as our renderer would."""
    options.setdefault("kind", "cong_van")
    return _Builder(Layout(**options)).build()


def to_bytes(document: Document) -> bytes:
    """The document saved as DOCX bytes."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _Builder:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.looks = {**LOOKS, **layout.looks}
        self.texts = layout.texts or (letter_texts() if layout.kind == "cong_van" else Texts())
        if not self.texts.content:
            self.texts.content = plan_content(layout.repeat)
        self.doc = docx.Document()
        self.styled = layout.carrier == "styles"
        self.style_ids: dict[str, str] = {}
        left, right = layout.margins_mm[2:]
        self.text_width = mm(layout.page_mm[0]) - mm(left) - mm(right)

    def build(self) -> Document:
        self._page()
        if self.styled:
            for name, look in self.looks.items():
                self._style(name, look)
        self._header_table()
        self._title()
        for line in self.texts.addressees:
            self.para(self.doc, "Addressee", line)
        for name, text in self.texts.content:
            self.para(self.doc, name, text)
        self._closing()
        self._page_numbers(self.doc.sections[0])
        self._appendices()
        return self.doc

    def _page(self) -> None:
        section = self.doc.sections[0]
        top, bottom, left, right = self.layout.margins_mm
        section.page_width, section.page_height = (Twips(mm(v)) for v in self.layout.page_mm)
        if section.page_width > section.page_height:
            section.orientation = WD_ORIENT.LANDSCAPE
        section.top_margin, section.bottom_margin = Twips(mm(top)), Twips(mm(bottom))
        section.left_margin, section.right_margin = Twips(mm(left)), Twips(mm(right))

    def _style(self, name: str, look: Look) -> None:
        styles = self.doc.styles
        try:
            style = styles[name]
        except KeyError:
            style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
        fonts(style.element.get_or_add_rPr(), look.font)
        rpr = style.element.get_or_add_rPr()
        for tag in ("w:color",):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
        style.font.size = Pt(look.size)
        style.font.bold = look.bold
        style.font.italic = look.italic
        paragraph_look(style.element.get_or_add_pPr(), look)
        self.style_ids[name] = style.style_id

    def para(self, container: Any, name: str, text: str = "", first: bool = False) -> Any:
        """Add a paragraph of look `name` (the cell's own first paragraph when `first`)."""
        paragraph = container.paragraphs[0] if first else container.add_paragraph()
        look = self.looks[name]
        if self.styled:
            # Set w:pStyle directly: python-docx's style setter searches all styles each time.
            paragraph._p.get_or_add_pPr().style = self.style_ids[name]
        else:
            paragraph_look(paragraph._p.get_or_add_pPr(), look)
        if text:
            self.run(paragraph, text, look)
        return paragraph

    def run(self, paragraph: Any, text: str, look: Look) -> Any:
        """Add a run, formatted directly unless styles carry the formatting."""
        run = paragraph.add_run(text)
        if not self.styled:
            fonts(run._r.get_or_add_rPr(), look.font)
            run.font.size = Pt(look.size)
            run.font.bold = look.bold
            run.font.italic = look.italic
        return run

    def _table(self, widths: list[int]) -> Any:
        table = self.doc.add_table(rows=2, cols=len(widths))
        table.autofit = False  # w:tblLayout fixed
        for index, width in enumerate(widths):
            table.columns[index].width = Twips(width)
            for cell in table.columns[index].cells:
                cell.width = Twips(width)
        return table

    def _header_table(self) -> None:
        texts = self.texts
        left_width = 3402  # 6 cm; the right column then holds the Quốc hiệu on one line
        table = self._table([left_width, self.text_width - left_width])
        issuer_cell, national_cell = table.cell(0, 0), table.cell(0, 1)
        first = True
        for line in texts.parent:
            self.para(issuer_cell, "Issuer Parent", line, first=first)
            first = False
        for line in texts.issuer:
            self.para(issuer_cell, "Issuer", line, first=first)
            first = False
        avail = left_width - CELL_MARGINS
        if self.layout.issuer_rule:
            longest = max(text_width(line, 13, bold=True) for line in texts.issuer)
            length = int(longest * self.layout.issuer_ratio)
            self._rule(issuer_cell, avail, length, self.layout.issuer_rule)
        self.para(national_cell, "National", texts.national, first=True)
        motto = self.para(national_cell, "Motto", texts.motto)
        right_avail = self.text_width - left_width - CELL_MARGINS
        if self.layout.motto_rule:
            width = text_width(texts.motto, 14, bold=True) * 1.04
            indents(motto, int((right_avail - width) / 2))
            border(motto, "bottom")
        number_cell, date_cell = table.cell(1, 0), table.cell(1, 1)
        self.para(number_cell, "Number", texts.number, first=True)
        for line in texts.subject:
            self.para(number_cell, "Subject", line)
        self.para(date_cell, "Date Line", texts.date, first=True)

    def _rule(self, cell: Any, avail: int, length: int, kind: str) -> None:
        paragraph = self.para(cell, "Rule Line")
        if kind == "border":
            indents(paragraph, (avail - length) // 2)
            border(paragraph, "top")
        else:
            paragraph._p.append(line_run(length, vml=kind == "vml"))

    def _title(self) -> None:
        texts = self.texts
        if texts.type_name:
            self.para(self.doc, "Type Name", texts.type_name)
        for line in texts.title:
            self.para(self.doc, "Plan Title", line)
        if texts.title and self.layout.title_rule:
            longest = max(text_width(line, 14, bold=True) for line in texts.title)
            length = int(min(longest, self.text_width) * self.layout.title_ratio)
            paragraph = self.para(self.doc, "Rule Line")
            indents(paragraph, (self.text_width - length) // 2)
            border(paragraph, "top")

    def _closing(self) -> None:
        texts = self.texts
        self.doc.add_paragraph()
        table = self._table([4253, self.text_width - 4253])
        table._tbl.remove(table.rows[1]._tr)
        left, right = table.cell(0, 0), table.cell(0, 1)
        self.para(left, "Recipients Label", texts.recipients_label, first=True)
        for line in texts.recipients:
            self.para(left, "Recipient", line)
        first = True
        for line in texts.authority:
            self.para(right, "Authority", line, first=first)
            first = False
        for _ in range(4):
            self.para(right, "Signer")
        self.para(right, "Signer", texts.signer)

    def _page_numbers(self, section: Any) -> None:
        layout = self.layout
        section.different_first_page_header_footer = not layout.first_page_number
        sect_pr = section._sectPr
        for old in sect_pr.findall(qn("w:pgNumType")):
            sect_pr.remove(old)
        start = OxmlElement("w:pgNumType")
        start.set(qn("w:start"), "1")
        following = sect_pr.find(qn("w:cols"))
        if following is None:
            following = sect_pr.find(qn("w:docGrid"))
        if following is not None:
            following.addprevious(start)
        else:
            sect_pr.append(start)
        if layout.page_numbers is None:
            return
        part = section.header if layout.page_numbers == "header" else section.footer
        part.is_linked_to_previous = False
        paragraph = self.para(part, "Page Number", first=True)
        for kind, text in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "2")):
            run = self.run(paragraph, "", self.looks["Page Number"])
            field_part(run._r, kind, text)
        run = self.run(paragraph, "", self.looks["Page Number"])
        field_part(run._r, "end", "")
        if not layout.first_page_number:
            section.first_page_header.is_linked_to_previous = False
            section.first_page_footer.is_linked_to_previous = False

    def _appendices(self) -> None:
        for label, title, reference in self.texts.appendices:
            if self.layout.appendix_section:
                section = self.doc.add_section(WD_SECTION.NEW_PAGE)
                if self.layout.appendix_restart:
                    self._page_numbers(section)
                else:
                    for restart in section._sectPr.findall(qn("w:pgNumType")):
                        section._sectPr.remove(restart)
            else:
                breaker = self.doc.add_paragraph()
                breaker.add_run().add_break(WD_BREAK.PAGE)
            self.para(self.doc, "Appendix Label", label)
            self.para(self.doc, "Appendix Title", title)
            self.para(self.doc, "Appendix Reference", reference)
            for name, text in APPENDIX_CONTENT:
                self.para(self.doc, name, text)


__all__ = [
    "FONT",
    "LOOKS",
    "Look",
    "Texts",
    "letter",
    "letter_texts",
    "plan",
    "plan_content",
    "text_width",
    "to_bytes",
]

"""The DOCX adapter's half of the context: rich text as runs, tables as XML, footnotes,
the page of every section. Markup here is built from escaped text, never from a template."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from service.model import Orientation, Rich, Span
from service.rendering import page
from service.rendering.blocks import Block, Kind
from service.rendering.layout import Rule
from service.rendering.wordml.runs import Notes, runs
from service.rendering.wordml.tables import table_xml

RUN_IN_STYLE = "RunInHeading"
NOTHING = Markup("")
_PREFIX = {Kind.DASH: "- ", Kind.PLUS: "+ "}


@dataclass(frozen=True)
class PageSize:
    """A section's paper in twips: A4 either way, the margins on the same edges as read."""

    width: int
    height: int
    landscape: bool

    @classmethod
    def of(cls, orientation: Orientation) -> PageSize:
        """A4 portrait or landscape."""
        short, long = page.twips(page.PAGE_WIDTH_MM), page.twips(page.PAGE_HEIGHT_MM)
        if orientation is Orientation.LANDSCAPE:
            return cls(long, short, True)
        return cls(short, long, False)

    @property
    def text_width_mm(self) -> float:
        """What a table fills: the paper's width less the left and right margins."""
        paper = page.PAGE_HEIGHT_MM if self.landscape else page.PAGE_WIDTH_MM
        return paper - page.MARGIN_LEFT_MM - page.MARGIN_RIGHT_MM


@dataclass(frozen=True)
class WordBlock:
    """A block as the template prints it: its kind, its runs or table XML, its page."""

    kind: str
    runs: Markup = NOTHING
    xml: Markup = NOTHING
    page: PageSize | None = None  # for a section break: the section it ends
    rule: Rule | None = None


def docx_context(context: dict[str, Any]) -> dict[str, Any]:
    """`build_context`'s variables with blocks and footnotes as WordprocessingML."""
    notes = Notes()
    current = PageSize.of(Orientation.PORTRAIT)
    blocks = []
    for block in context["blocks"]:
        if block.kind is Kind.SECTION_BREAK:
            blocks.append(WordBlock(block.kind.value, page=current))
            current = PageSize.of(block.orientation)
        else:
            blocks.append(_word_block(block, notes, current))
    return {**context, "blocks": blocks, "final_page": current, "footnotes": Markup(notes.xml)}


def _word_block(block: Block, notes: Notes, current: PageSize) -> WordBlock:
    kind = block.kind.value
    if block.kind is Kind.TABLE:
        assert block.table is not None
        return WordBlock(kind, xml=Markup(table_xml(block.table, current.text_width_mm, notes)))
    if block.kind is Kind.TITLE_RULE:
        return WordBlock(kind, rule=block.rule)
    text = block.text
    if block.kind in _PREFIX:
        text = Rich((Span(_PREFIX[block.kind]), *text.parts))
    xml = ""
    if block.kind is Kind.RUN_IN and block.heading is not None:
        xml = runs(block.heading, notes, style=RUN_IN_STYLE) + runs(Rich.of(" "), notes)
    return WordBlock(kind, runs=Markup(xml + runs(text, notes)))

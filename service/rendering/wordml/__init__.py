"""The DOCX adapter's half of the context: rich text as runs, tables as XML, footnotes,
the page of every section. Markup here is built from escaped text, never from a template."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from service.model import Orientation, Rich
from service.rendering import page
from service.rendering.blocks import Block, Kind
from service.rendering.layout import Rule
from service.rendering.wordml.runs import Notes, runs
from service.rendering.wordml.tables import table_xml

RUN_IN_STYLE = "RunInHeading"
NOTHING = Markup("")
# The paragraph style of each kind of text block (templates/README.md lists them).
STYLES = {
    "doc_type": "DocType",
    "title": "Title",
    "salutation": "Salutation",
    "salutation_list": "SalutationList",
    "addressee": "Addressee",
    "authority": "Authority",
    "decides": "Decides",
    "basis": "LegalBasis",
    "body": "BodyText",
    "run_in": "BodyText",
    "h1": "Heading1",
    "h2": "Heading2",
    "h3": "Heading3",
    "h4": "Heading4",
    "dash": "ListDash",
    "plus": "ListPlus",
    "appendix_label": "AppendixLabel",
    "appendix_title": "AppendixTitle",
    "appendix_subtitle": "AppendixSubtitle",
    "reference": "AppendixReference",
}
_PREFIX = {"dash": "- ", "plus": "+ "}


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


@dataclass(slots=True)  # not frozen: built once, never changed; see docs/decisions.md
class WordBlock:
    """A block as the template prints it: its kind, its runs or table XML, its page."""

    kind: str
    style: str = ""  # the paragraph style of a text block; empty for the other kinds
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
    if kind == "table":
        assert block.table is not None
        return WordBlock(kind, xml=Markup(table_xml(block.table, current.text_width_mm, notes)))
    if kind == "title_rule":
        return WordBlock(kind, rule=block.rule)
    xml = runs(block.text, notes)
    if kind in _PREFIX:
        xml = runs(Rich.of(_PREFIX[kind]), notes) + xml
    elif kind == "run_in" and block.heading is not None:
        xml = runs(block.heading, notes, style=RUN_IN_STYLE) + runs(_SPACE, notes) + xml
    return WordBlock(kind, style=STYLES.get(kind, ""), runs=Markup(xml))


_SPACE = Rich.of(" ")

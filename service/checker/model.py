"""The document as the rules see it: paragraphs with resolved formatting, in reading order."""

from __future__ import annotations

from dataclasses import dataclass, field

from .ooxml import Anomaly
from .resolve import ParaFormat, RunFormat


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of visible text and its effective formatting."""

    text: str
    fmt: RunFormat


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a paragraph sits in a table. `table` and `row` are the top-level table's (its
    rows move together from page to page); `col` is the grid column of the innermost table,
    `nest` that table's own number and `inner_row` its row, so that a signature table nested
    in another table keeps its two columns apart."""

    table: int
    row: int
    col: int
    width: int  # twips between the cell margins
    nest: int = -1
    inner_row: int = 0


@dataclass(slots=True)
class Para:
    """One paragraph, with everything the rules ask about it."""

    index: int  # position among the paragraphs of its part, tables included, from 0
    part: str  # "body", "header" or "footer"
    text: str  # the visible text, list label included, NFC
    label: str  # the label Word's automatic numbering prints before the text
    runs: tuple[Run, ...]
    fmt: ParaFormat
    section: int  # from 0
    cell: Cell | None
    width: int  # twips available to the text before the paragraph's own indents
    line_breaks: int = 0
    break_before: bool = False  # an explicit page break puts it on a new page
    break_after: bool = False  # it ends with a page break
    rendered_breaks: int = 0  # w:lastRenderedPageBreak marks Word left in it
    rendered_lead: int = 0  # of which before its first text: it starts on the later page
    shapes: tuple[int, ...] = ()  # lengths (twips) of straight line shapes anchored in it
    fields: tuple[str, ...] = ()  # field instructions (PAGE, NUMPAGES...)
    page: int | None = None
    ends_section: bool = False
    opens_section: bool = False  # the first paragraph of a section after the first
    floating: bool = False  # inside a text box: takes no room in the flow of text

    @property
    def empty(self) -> bool:
        """True when nothing visible is printed."""
        return not self.text.strip()

    @property
    def shown(self) -> str:
        """The text as printed, with w:caps applied."""
        body = "".join(run.text.upper() if run.fmt.caps else run.text for run in self.runs)
        return self.label + body

    @property
    def inked(self) -> tuple[Run, ...]:
        """The runs that print something other than white space."""
        return tuple(run for run in self.runs if run.text.strip())

    def sizes(self) -> set[float]:
        """The font sizes of the inked runs."""
        return {run.fmt.size for run in self.inked}

    def all_bold(self) -> bool:
        """True when every inked run is bold."""
        return all(run.fmt.bold for run in self.inked)

    def any_bold(self) -> bool:
        """True when some inked run is bold."""
        return any(run.fmt.bold for run in self.inked)

    def all_italic(self) -> bool:
        """True when every inked run is italic."""
        return all(run.fmt.italic for run in self.inked)

    def any_italic(self) -> bool:
        """True when some inked run is italic."""
        return any(run.fmt.italic for run in self.inked)

    def max_size(self) -> float:
        """The largest size on the line (the default 14 pt when nothing is inked)."""
        return max(self.sizes(), default=14.0)


@dataclass(frozen=True, slots=True)
class Section:
    """Page set-up and header references of one section."""

    index: int
    width: int
    height: int
    orient: str
    margins: dict[str, int]
    title_page: bool
    restart: int | None  # w:pgNumType/@w:start
    number_format: str | None
    starts_new_page: bool
    headers: dict[str, str]  # "default" / "first" / "even" -> relationship id
    footers: dict[str, str]
    first: int  # index of its first body paragraph
    last: int


@dataclass
class Doc:
    """The whole document: body paragraphs, sections, header and footer parts."""

    paragraphs: list[Para]
    sections: list[Section]
    parts: dict[str, list[Para]] = field(default_factory=dict)  # rel id -> its paragraphs
    pages: int = 1
    pages_known: bool = False  # True unless the page count is an estimate
    default_tab: int = 720  # twips between default tab stops (w:defaultTabStop)
    even_and_odd_headers: bool = False  # w:evenAndOddHeaders: even pages show their own
    pages_source: str = "estimate"  # "layout" (LibreOffice), "word", "breaks" or "estimate"
    anomalies: list[Anomaly] = field(default_factory=list)  # numbers Word never writes

    def next_of(self, para: Para) -> Para | None:
        """The body paragraph after `para`, or None."""
        following = para.index + 1
        return self.paragraphs[following] if following < len(self.paragraphs) else None

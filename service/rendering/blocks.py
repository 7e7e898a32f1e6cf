"""Blocks: one printed paragraph (or table, or section break) of the body each, in order.

The template loops over them once; each kind is one paragraph style of the template (see
templates/README.md). Everything after the header table is a block, so the DOCX and the
HTML preview print the same stream.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from service.model import Orientation, Rich, Table
from service.rendering.layout import Rule

EMPTY = Rich(())
END_MARK = "./."
# What counts as the author's own final punctuation: never replaced (contract v1.1 §6).
FINAL_PUNCTUATION = ".;:,!?…"


class Kind(enum.StrEnum):
    """The kinds of block; each prints in its own style."""

    DOC_TYPE = "doc_type"  # `KẾ HOẠCH`, `QUYẾT ĐỊNH`
    TITLE = "title"  # trích yếu, one block per printed line
    TITLE_RULE = "title_rule"  # the short line under the title
    SALUTATION = "salutation"  # `Kính gửi: X.` (one addressee)
    SALUTATION_LIST = "salutation_list"  # `Kính gửi:` above a list
    ADDRESSEE = "addressee"  # `- X;`
    AUTHORITY = "authority"  # `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...` (a decision)
    DECIDES = "decides"  # `QUYẾT ĐỊNH:`
    BASIS = "basis"  # `Căn cứ ...;`, `Theo đề nghị ...` italic
    BODY = "body"  # justified body paragraph (numbered and lettered entries too)
    H1 = "h1"  # `I. MỤC ĐÍCH, YÊU CẦU`
    H2 = "h2"  # `1. Mục đích`
    H3 = "h3"  # `a) ...` or `2.1. ...`
    H4 = "h4"  # anything deeper
    RUN_IN = "run_in"  # bold heading and regular text on one line (`Điều 1. ...` too)
    DASH = "dash"  # `- item`
    PLUS = "plus"  # `+ item`
    TABLE = "table"
    CLOSING_BLOCK = "closing_block"  # the recipients and signature table
    SIGNOFF = "signoff"  # a bold line in the signature column (a decision's attached plan)
    SECTION_BREAK = "section_break"  # new page, page numbers restart
    APPENDIX_LABEL = "appendix_label"  # `Phụ lục 01`, `PHỤ LỤC I`
    APPENDIX_TITLE = "appendix_title"
    APPENDIX_SUBTITLE = "appendix_subtitle"
    REFERENCE = (
        "reference"  # `(Kèm theo Kế hoạch số ...)` under an appendix's or attachment's title
    )


HEADING_KINDS = (Kind.H1, Kind.H2, Kind.H3, Kind.H4)


@dataclass(slots=True)  # not frozen: built once, never changed; see docs/decisions.md
class Block:
    """One paragraph with its kind and text; a run-in paragraph's bold heading; a table;
    a section break with the orientation of the section it starts."""

    kind: Kind
    text: Rich = EMPTY
    heading: Rich | None = None
    table: Table | None = None
    orientation: Orientation = Orientation.PORTRAIT
    rule: Rule | None = None

    @classmethod
    def of(cls, kind: Kind, text: str) -> Block:
        """A block of plain text."""
        return cls(kind, Rich.of(text))

    @property
    def plain(self) -> str:
        """The paragraph as it reads back from the DOCX (footnote marks carry no text)."""
        if self.kind is Kind.RUN_IN and self.heading is not None:
            return f"{self.heading.text} {self.text.text}"
        if self.kind is Kind.DASH:
            return f"- {self.text.text}"
        if self.kind is Kind.PLUS:
            return f"+ {self.text.text}"
        return self.text.text

    @property
    def has_text(self) -> bool:
        """True for the kinds that print a paragraph of text (an end mark can go there)."""
        return self.kind not in (
            Kind.TABLE,
            Kind.CLOSING_BLOCK,
            Kind.SECTION_BREAK,
            Kind.TITLE_RULE,
        )


def heading_kind(depth: int) -> Kind:
    """Heading style by depth: I. → h1, 1. → h2, a) → h3, deeper → h4."""
    return HEADING_KINDS[min(depth, len(HEADING_KINDS)) - 1]


def with_end_mark(text: Rich) -> Rich:
    """Decree 30's end of content: the last paragraph ends with `./.` (added once)."""
    if text.text.rstrip().endswith(END_MARK):
        return text
    trimmed = text.edit_last_text(lambda t: t.rstrip().rstrip(" .;,:"))
    return trimmed.append(END_MARK)


def with_mark(text: Rich, mark: str) -> Rich:
    """`mark` added when the author typed no final punctuation; what was typed stays."""
    trimmed = text.edit_last_text(str.rstrip)
    if trimmed.last_char() in FINAL_PUNCTUATION:
        return trimmed
    return trimmed.append(mark)

"""Blocks: one printed paragraph of the body each, the unit the DOCX template loops over."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(enum.StrEnum):
    """Each kind is one paragraph style of the template (see templates/README.md)."""

    BASIS = "basis"  # `Căn cứ ...;` italic
    BODY = "body"  # justified body paragraph (numbered and lettered entries too)
    H1 = "h1"  # `I. MỤC ĐÍCH, YÊU CẦU`
    H2 = "h2"  # `1. Mục đích`
    H3 = "h3"  # `a) ...` or `2.1. ...`
    H4 = "h4"  # anything deeper
    RUN_IN = "run_in"  # bold heading and regular text on one line
    DASH = "dash"  # `- item`
    CLOSING_BLOCK = "closing_block"  # the recipients and signature table
    SECTION_BREAK = "section_break"  # new page, page numbers restart
    APPENDIX_LABEL = "appendix_label"  # `Phụ lục 01`
    APPENDIX_TITLE = "appendix_title"
    APPENDIX_SUBTITLE = "appendix_subtitle"
    APPENDIX_REFERENCE = "appendix_reference"  # `(Kèm theo Kế hoạch số ...)`


HEADING_KINDS = (Kind.H1, Kind.H2, Kind.H3, Kind.H4)


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph: its kind, its text, and for run-in paragraphs the bold heading."""

    kind: Kind
    text: str = ""
    heading: str = ""

    @property
    def plain(self) -> str:
        """The paragraph as it reads back from the DOCX."""
        if self.kind is Kind.RUN_IN:
            return f"{self.heading} {self.text}"
        if self.kind is Kind.DASH:
            return f"- {self.text}"
        return self.text


def heading_kind(depth: int) -> Kind:
    """Heading style by depth: I. → h1, 1. → h2, a) → h3, deeper → h4."""
    return HEADING_KINDS[min(depth, len(HEADING_KINDS)) - 1]


def with_end_mark(text: str) -> str:
    """Decree 30's end of content: the last paragraph ends with `./.`."""
    stripped = text.rstrip()
    if stripped.endswith("./."):
        return stripped
    return stripped.rstrip(" .;,:") + "./."

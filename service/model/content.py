"""Content in document order (contract v1.1 §2): paragraphs, items, entries, sections, tables.

The v1 keys of a Part (`text`, `items`, `numbered`, `lettered`, `sections`, `assignments`)
are the short form of one `content` list in that order; `v1_content` turns them into it,
so the renderer knows only `content`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from service.errors import PlanError
from service.model.table import Table
from service.model.text import Rich


class Numbering(enum.StrEnum):
    """How a section numbers its children."""

    DEFAULT = "default"  # by depth: 1., then a), b)
    DECIMAL = "decimal"  # 2.1., 2.2.


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A body paragraph."""

    text: Rich


@dataclass(frozen=True, slots=True)
class Dash:
    """A `- ` item."""

    text: Rich


@dataclass(frozen=True, slots=True)
class Plus:
    """A `+ ` item, the level under a dash."""

    text: Rich


@dataclass(frozen=True, kw_only=True)
class Entry:
    """A numbered or lettered paragraph (regular weight, not a heading) and its content."""

    text: Rich
    content: tuple[Content, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Numbered(Entry):
    """A `1.`-style entry."""


@dataclass(frozen=True, kw_only=True)
class Lettered(Entry):
    """An `a)`-style entry."""


@dataclass(frozen=True, kw_only=True)
class Part:
    """A heading (optional) and content printed in order."""

    heading: Rich | None = None
    content: tuple[Content, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Section(Part):
    """A numbered sub-heading with its own content."""

    run_in: bool = False  # heading and first paragraph share one line
    numbering: Numbering = Numbering.DEFAULT
    after: str | None = None  # for extra top-level sections of a plan: the part it follows

    def __post_init__(self) -> None:
        if self.heading is None or not self.heading.text.strip():
            raise PlanError("a section needs a heading")


@dataclass(frozen=True, kw_only=True)
class Assignment(Part):
    """A task given to an agency (phân công); `request` marks a body outside our authority."""

    agency: Rich
    request: bool = False
    run_in: bool = False
    numbering: Numbering = Numbering.DEFAULT


Content = Paragraph | Dash | Plus | Numbered | Lettered | Section | Assignment | Table
Node = Section | Assignment


def v1_content(
    *,
    text: tuple[Rich, ...] = (),
    items: tuple[Rich, ...] = (),
    numbered: tuple[Numbered, ...] = (),
    lettered: tuple[Lettered, ...] = (),
    sections: tuple[Section, ...] = (),
    assignments: tuple[Assignment, ...] = (),
) -> tuple[Content, ...]:
    """The v1 keys as one content list, in the contract's order."""
    return (
        *(Paragraph(t) for t in text),
        *(Dash(t) for t in items),
        *numbered,
        *lettered,
        *sections,
        *assignments,
    )


def leading_paragraph(content: tuple[Content, ...]) -> Paragraph | None:
    """The first block when it is a paragraph (what a run-in heading shares its line with)."""
    return content[0] if content and isinstance(content[0], Paragraph) else None

"""Numbering: turns content (paragraphs, items, entries, sections, tables) into blocks.

Numbers come from the renderer. At one level, numbered entries and sections labelled
`1.` share one count, lettered entries and sections labelled `a)` share theirs; a
paragraph, item or table between them does not break the count (contract v1.1 §2).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from service.model import (
    Assignment,
    Content,
    Dash,
    Entry,
    Lettered,
    Node,
    Numbered,
    Numbering,
    Paragraph,
    Plus,
    Rich,
    Table,
    leading_paragraph,
)
from service.rendering.blocks import Block, Kind, heading_kind
from service.vietnamese import letter, roman


class Scheme(enum.Enum):
    """How the children at one level are labelled."""

    ROMAN = "I."
    ARABIC = "1."
    DECIMAL = "1.1."
    LETTER = "a)"
    DASH = "-"


@dataclass(frozen=True)
class Labels:
    """A labelling scheme with, for decimal numbering, the parent's number as prefix."""

    scheme: Scheme
    prefix: str = ""

    def label(self, n: int) -> str:
        """The n-th label: `IV.`, `4.`, `2.4.`, `đ)` or `-`."""
        match self.scheme:
            case Scheme.ROMAN:
                return f"{roman(n)}."
            case Scheme.ARABIC:
                return f"{n}."
            case Scheme.DECIMAL:
                return f"{self.prefix}.{n}."
            case Scheme.LETTER:
                return f"{letter(n)})"
        return "-"

    def children(self, label: str, numbering: Numbering) -> Labels:
        """The scheme of the children of a node labelled `label` with this scheme."""
        if numbering is Numbering.DECIMAL and self.scheme in (Scheme.ARABIC, Scheme.DECIMAL):
            return Labels(Scheme.DECIMAL, label.rstrip("."))
        return _FOLLOWING[self.scheme]


TOP = Labels(Scheme.ROMAN)
_FOLLOWING = {
    Scheme.ROMAN: Labels(Scheme.ARABIC),
    Scheme.ARABIC: Labels(Scheme.LETTER),
    Scheme.DECIMAL: Labels(Scheme.LETTER),
    Scheme.LETTER: Labels(Scheme.DASH),
    Scheme.DASH: Labels(Scheme.DASH),
}
_ENTRY_LABELS = {Numbered: Labels(Scheme.ARABIC), Lettered: Labels(Scheme.LETTER)}


def content_blocks(
    content: tuple[Content, ...], children: Labels, depth: int, *, skip_first: bool = False
) -> Iterator[Block]:
    """Content in order, numbered: entries by their own kind, sections and assignments by
    `children`, sharing a count with the entries whose labels look the same."""
    counts: dict[Scheme, int] = {}
    for item in content[1:] if skip_first else content:
        if isinstance(item, Paragraph):
            yield Block(Kind.BODY, item.text)
        elif isinstance(item, Dash):
            yield Block(Kind.DASH, item.text)
        elif isinstance(item, Plus):
            yield Block(Kind.PLUS, item.text)
        elif isinstance(item, Table):
            yield Block(Kind.TABLE, table=item)
        elif isinstance(item, Numbered | Lettered):
            labels = _ENTRY_LABELS[type(item)]
            count = counts[labels.scheme] = counts.get(labels.scheme, 0) + 1
            yield from entry_blocks(labels.label(count), item, labels, depth)
        else:
            count = counts[children.scheme] = counts.get(children.scheme, 0) + 1
            label = children.label(count)
            yield from node_blocks(item, label, depth + 1, children)


def entry_blocks(label: str, entry: Entry, labels: Labels, depth: int) -> Iterator[Block]:
    """A numbered or lettered paragraph (regular weight) and its own content below it,
    one level deeper than the entry's siblings."""
    yield Block(Kind.BODY, entry.text.labelled(label))
    children = labels.children(label, Numbering.DEFAULT)
    yield from content_blocks(entry.content, children, depth + 1)


def node_title(node: Node) -> Rich:
    """What a section or assignment prints after its number."""
    if isinstance(node, Assignment):
        return node.agency.labelled("Đề nghị") if node.request else node.agency
    assert node.heading is not None  # a Section always has one
    return node.heading


def node_blocks(node: Node, label: str, depth: int, labels: Labels) -> Iterator[Block]:
    """A section or assignment: numbered heading (run-in if asked), then its content."""
    heading = node_title(node).labelled(label)
    first = leading_paragraph(node.content) if node.run_in else None
    if first is not None:
        yield Block(Kind.RUN_IN, first.text, heading=heading)
    else:
        yield Block(heading_kind(depth), heading)
    children = labels.children(label, node.numbering)
    yield from content_blocks(node.content, children, depth, skip_first=first is not None)

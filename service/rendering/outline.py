"""Numbering: turns parts, sections, entries and assignments into numbered blocks."""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from service.plan import Assignment, Entry, Numbering, Part, Section
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
        following = {
            Scheme.ROMAN: Scheme.ARABIC,
            Scheme.ARABIC: Scheme.LETTER,
            Scheme.DECIMAL: Scheme.LETTER,
            Scheme.LETTER: Scheme.DASH,
            Scheme.DASH: Scheme.DASH,
        }
        return Labels(following[self.scheme])


TOP = Labels(Scheme.ROMAN)


def part_blocks(
    part: Part, label: str, heading: str, depth: int = 1, labels: Labels = TOP
) -> Iterator[Block]:
    """A numbered part: its heading block, then its content one level deeper."""
    yield Block(heading_kind(depth), f"{label} {heading}")
    yield from content_blocks(part, labels.children(label, Numbering.DEFAULT), depth)


def content_blocks(
    part: Part, children: Labels, depth: int, *, skip_text: int = 0
) -> Iterator[Block]:
    """A part's content in the contract's order: text, items, numbered, lettered, sections."""
    for text in part.text[skip_text:]:
        yield Block(Kind.BODY, text)
    for item in part.items:
        yield Block(Kind.DASH, item)
    for n, entry in enumerate(part.numbered, 1):
        yield from entry_blocks(f"{n}.", entry)
    for n, entry in enumerate(part.lettered, 1):
        yield from entry_blocks(f"{letter(n)})", entry)
    # Sub-headings continue the count of same-looking entries, so no label repeats.
    start = {Scheme.ARABIC: len(part.numbered), Scheme.LETTER: len(part.lettered)}
    offset = start.get(children.scheme, 0)
    nodes: tuple[Section | Assignment, ...] = (*part.sections, *part.assignments)
    for n, node in enumerate(nodes, offset + 1):
        yield from node_blocks(node, children.label(n), depth + 1, children)


def entry_blocks(label: str, entry: Entry) -> Iterator[Block]:
    """A numbered or lettered paragraph (regular weight) and its sub-lists."""
    yield Block(Kind.BODY, f"{label} {entry.text}")
    for item in entry.items:
        yield Block(Kind.DASH, item)
    for n, sub in enumerate(entry.lettered, 1):
        yield from entry_blocks(f"{letter(n)})", sub)


def node_blocks(
    node: Section | Assignment, label: str, depth: int, labels: Labels
) -> Iterator[Block]:
    """A section or assignment: numbered heading (run-in if asked), then its content."""
    if isinstance(node, Assignment):
        title = f"Đề nghị {node.agency}" if node.request else node.agency
    else:
        title = node.heading or ""
    heading = f"{label} {title}" if label != "-" else f"- {title}"
    skip = 0
    if node.run_in and node.text:
        yield Block(Kind.RUN_IN, node.text[0], heading=heading)
        skip = 1
    else:
        yield Block(heading_kind(depth), heading)
    yield from content_blocks(node, labels.children(label, node.numbering), depth, skip_text=skip)

"""Rich text (contract v1.1 §1): a paragraph as spans with marks and footnotes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple


class Span(NamedTuple):
    """A run of text; a mark left as None takes the paragraph's own (bold for headings).

    A named tuple rather than a frozen dataclass, as immutable and made in a fifth of the
    time: a plan has hundreds of spans, each built when the plan is loaded."""

    text: str
    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None

    @property
    def plain(self) -> bool:
        """True when the span sets no mark of its own."""
        return self.bold is None and self.italic is None and self.underline is None


@dataclass(frozen=True, slots=True)
class Footnote:
    """A real Word footnote: its reference mark here, its text at the foot of the page."""

    content: Rich


Inline = Span | Footnote


@dataclass(frozen=True, slots=True)
class Rich:
    """A paragraph's text: spans joined with nothing in between, footnotes among them."""

    parts: tuple[Inline, ...]

    @classmethod
    def of(cls, text: str) -> Rich:
        """Plain text as one unmarked span."""
        return cls((Span(text),))

    @property
    def text(self) -> str:
        """The printed text without footnote marks (what python-docx reads back)."""
        return "".join(p.text for p in self.parts if isinstance(p, Span))

    @property
    def plain_text(self) -> str | None:
        """The text when it is one span with no marks of its own (most paragraphs and
        cells, which writers print the short way), else None."""
        parts = self.parts
        if len(parts) == 1:
            only = parts[0]
            if type(only) is Span and only.plain:
                return only.text
        return None

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """The footnotes of this paragraph, in order."""
        return tuple(p for p in self.parts if isinstance(p, Footnote))

    def __str__(self) -> str:
        return self.text

    def startswith(self, prefix: str) -> bool:
        """Whether the printed text starts with `prefix`."""
        return self.text.startswith(prefix)

    def map_text(self, change: Callable[[str], str]) -> Rich:
        """Every span's text changed by `change` (footnotes untouched): `upper`, a replace."""
        return Rich(
            tuple(p._replace(text=change(p.text)) if isinstance(p, Span) else p for p in self.parts)
        )

    def labelled(self, label: str) -> Rich:
        """`label` and a space before the text, in the marks of the first span (contract
        v1.1: `3.1.` takes the italic of its heading)."""
        first = self.parts[0] if self.parts else Span("")
        if isinstance(first, Span):
            head = Span(f"{label} {first.text}", first.bold, first.italic, first.underline)
            return Rich((head, *self.parts[1:]))
        return Rich((Span(f"{label} "), *self.parts))

    def then(self, other: Rich, separator: str = " ") -> Rich:
        """This text, `separator`, then `other` (a run-in heading and its paragraph)."""
        return Rich((*self.parts, Span(separator), *other.parts))

    def append(self, text: str) -> Rich:
        """`text` added at the very end: into the last span, or after a trailing footnote mark."""
        if self.parts and isinstance(self.parts[-1], Span):
            return self.edit_last_text(lambda t: t + text)
        return Rich((*self.parts, Span(text)))

    def edit_last_text(self, edit: Callable[[str], str]) -> Rich:
        """`edit` applied to the last span's text (before any trailing footnote marks)."""
        parts = list(self.parts)
        for i in range(len(parts) - 1, -1, -1):
            part = parts[i]
            if isinstance(part, Span):
                parts[i] = part._replace(text=edit(part.text))
                return Rich(tuple(parts))
        return self

    def last_char(self) -> str:
        """The last printed character before any trailing footnote marks ('' if none)."""
        for part in reversed(self.parts):
            if isinstance(part, Span) and part.text:
                return part.text[-1]
        return ""

    def walk(self) -> Iterator[Span]:
        """Every span, footnote texts included."""
        for part in self.parts:
            if isinstance(part, Span):
                yield part
            else:
                yield from part.content.walk()

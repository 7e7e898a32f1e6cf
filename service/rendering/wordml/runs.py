"""Rich text as WordprocessingML runs, and the footnotes they reference."""

from __future__ import annotations

from xml.sax.saxutils import escape

from service.model import Footnote, Rich, Span

FOOTNOTE_STYLE = "FootnoteText"
FOOTNOTE_MARK = "FootnoteReference"


class Notes:
    """The footnotes of one document, numbered in order of their marks (Word shows the
    numbers by that order; ids only link a mark to its text)."""

    def __init__(self) -> None:
        self._xml: list[str] = []

    def add(self, note: Footnote) -> int:
        """Record a footnote's text; its id for the reference mark."""
        number = len(self._xml) + 1
        body = runs(note.content, self)  # a footnote inside a footnote is refused earlier
        self._xml.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="{FOOTNOTE_STYLE}"/>'
            f'</w:pPr><w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_MARK}"/></w:rPr><w:footnoteRef/>'
            f'</w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>{body}</w:p></w:footnote>'
        )
        return number

    @property
    def xml(self) -> str:
        """Every footnote element, for the footnotes part."""
        return "".join(self._xml)


def _flag(tag: str, value: bool | None, off: str = '"0"') -> str:
    if value is None:
        return ""
    return f"<w:{tag}/>" if value else f"<w:{tag} w:val={off}/>"


def run_properties(span: Span, *, style: str | None = None, size: int | None = None) -> str:
    """The marks a span sets itself; the paragraph's style gives the rest."""
    if style is None and size is None and span.plain:
        return ""  # most spans: plain text in the paragraph's style
    props = (
        (f'<w:rStyle w:val="{style}"/>' if style else "")
        + _flag("b", span.bold)
        + _flag("i", span.italic)
        + (
            ""
            if span.underline is None
            else f'<w:u w:val="{"single" if span.underline else "none"}"/>'
        )
        + (f'<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>' if size else "")
    )
    return f"<w:rPr>{props}</w:rPr>" if props else ""


def text_run(text: str, properties: str = "") -> str:
    """One run keeping its spaces; user text is escaped, never markup."""
    if "&" in text or "<" in text or ">" in text:
        text = escape(text)
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def runs(rich: Rich, notes: Notes, *, style: str | None = None, size: int | None = None) -> str:
    """The runs of a paragraph: spans with their marks, footnote reference marks."""
    plain = rich.plain_text if style is None and size is None else None
    if plain is not None:  # most paragraphs
        return text_run(plain) if plain else ""
    out = []
    for part in rich.parts:
        if isinstance(part, Span):
            if part.text:
                out.append(text_run(part.text, run_properties(part, style=style, size=size)))
        else:
            number = notes.add(part)
            out.append(
                f'<w:r><w:rPr><w:rStyle w:val="{FOOTNOTE_MARK}"/></w:rPr>'
                f'<w:footnoteReference w:id="{number}"/></w:r>'
            )
    return "".join(out)

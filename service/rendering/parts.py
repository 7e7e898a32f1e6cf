"""Blocks every document type shares: title, legal bases, end mark, appendices, closing."""

from __future__ import annotations

from collections.abc import Iterator

from service.model import Appendix, Document, Rich
from service.rendering import page
from service.rendering.blocks import Block, Kind, with_end_mark, with_mark
from service.rendering.layout import short_rule
from service.rendering.outline import TOP, content_blocks
from service.vietnamese import capitals, name_in_text

BASIS = "Căn cứ"


def issuer_in_text(document: Document) -> str:
    """The issuing body as running text names it: `Ủy ban nhân dân thành phố Bắc Kạn`."""
    return document.issuer.name_in_text or name_in_text(document.issuer.name)


def lines(text: str) -> list[str]:
    """The printed lines of a title typed with `\\n` where the author breaks it."""
    return [line.strip() for line in text.split("\n") if line.strip()]


def list_line(line: str) -> str:
    """A list line (recipient, addressee) without the dash and end punctuation the service
    adds itself: the decree fixes a list's punctuation (`;` each, `.` last)."""
    line = " ".join(line.split())
    if line.startswith("- "):
        line = line[2:]
    return line.rstrip(" ;.,")


def salutation_blocks(addressees: tuple[str, ...]) -> list[Block]:
    """`Kính gửi: X` on one line, as typed (the decree sets no mark after one addressee), or
    `Kính gửi:` above `- X;` lines, the last ending `.`."""
    if len(addressees) == 1:
        return [Block.of(Kind.SALUTATION, f"Kính gửi: {' '.join(addressees[0].split())}")]
    names = [list_line(a) for a in addressees]
    if not names:
        return []
    marks = [";"] * (len(names) - 1) + ["."]
    return [Block.of(Kind.SALUTATION_LIST, "Kính gửi:")] + [
        Block.of(Kind.ADDRESSEE, f"- {name}{mark}") for name, mark in zip(names, marks, strict=True)
    ]


def title_blocks(type_line: str, title: str, reference: str | None = None) -> list[Block]:
    """`KẾ HOẠCH`, the title's lines, an optional `(Kèm theo ...)` line, the short rule."""
    title_lines = lines(title)
    rule = short_rule(title_lines, page.TEXT_WIDTH_MM, page.BODY_PT, bold=True)
    return [
        Block.of(Kind.DOC_TYPE, type_line),
        *(Block.of(Kind.TITLE, line) for line in title_lines),
        *([Block.of(Kind.REFERENCE, reference)] if reference else []),
        Block(Kind.TITLE_RULE, rule=rule),
    ]


def basis_blocks(paragraphs: tuple[Rich, ...], *, last: str = ".") -> Iterator[Block]:
    """`Căn cứ` lines italic, each ending `;`, the last `last`, unless the author typed
    final punctuation of their own (kept as typed); other lines print as written."""
    bases = [i for i, p in enumerate(paragraphs) if p.text.lstrip().startswith(BASIS)]
    for i, text in enumerate(paragraphs):
        if i in bases:
            yield Block(Kind.BASIS, with_mark(text, last if i == bases[-1] else ";"))
        else:
            yield Block(Kind.BODY, text)


def end_content(blocks: list[Block]) -> list[Block]:
    """Put `./.` on the last paragraph of the content (never on a table or a rule)."""
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        if block.has_text:
            blocks[i] = Block(block.kind, with_end_mark(block.text), block.heading)
            break
    return blocks


def appendix_blocks(appendix: Appendix, number: int, reference: str) -> Iterator[Block]:
    """A new section (turned if landscape), its label, title, reference line, content."""
    yield Block(Kind.SECTION_BREAK, orientation=appendix.orientation)
    yield Block.of(Kind.APPENDIX_LABEL, appendix.label or f"Phụ lục {number:02d}")
    for line in lines(appendix.title):
        yield Block.of(Kind.APPENDIX_TITLE, capitals(line))
    for line in lines(appendix.subtitle or ""):
        yield Block.of(Kind.APPENDIX_SUBTITLE, line)
    yield Block.of(Kind.REFERENCE, appendix.reference or reference)
    yield from content_blocks(appendix.content, TOP, 0)  # its sections are numbered I., II.

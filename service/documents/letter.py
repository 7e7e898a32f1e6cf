"""công văn (`"type": "cong_van"`): `Kính gửi:`, a body, `V/v <title>` under the number."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from service.documents.registry import DocumentKind, register
from service.errors import PlanError
from service.model import Closing, Document, Part
from service.rendering.blocks import Block, Kind
from service.rendering.outline import Labels, Scheme, content_blocks
from service.rendering.parts import end_content, lines, salutation_blocks
from service.vietnamese import letter_symbol


@dataclass(frozen=True, kw_only=True)
class Letter(Document):
    """A công văn: `Kính gửi:` addressees and a body; its title prints as `V/v ...`."""

    type: ClassVar[str] = "cong_van"
    addressees: tuple[str, ...] = ()
    body: Part = field(default_factory=Part)
    closing: Closing = None  # a công văn has no default closing paragraph

    def __post_init__(self) -> None:
        if not self.addressees:
            raise PlanError("a công văn needs at least one addressee")


def letter_blocks(letter: Letter) -> list[Block]:
    """`Kính gửi:`, the body, its closing paragraph, `./.`, recipients and signature."""
    salutation = salutation_blocks(letter.addressees)
    body = list(content_blocks(letter.body.content, Labels(Scheme.ARABIC), 1))
    if letter.closing:
        body.append(Block(Kind.BODY, letter.closing))
    return [*salutation, *end_content(body), Block(Kind.CLOSING_BLOCK)]


def subject_lines(letter: Letter) -> dict[str, Any]:
    """The header's `V/v ...` lines under the number."""
    title = lines(letter.title)
    return {"subject_lines": [f"V/v {title[0]}", *title[1:]]}


KIND = register(
    DocumentKind(
        code=Letter.type,
        name="Công văn",
        model=Letter,
        template="cong_van.docx",
        body=letter_blocks,
        symbol=lambda letter: (
            letter.symbol or letter_symbol(letter.issuer.abbreviation, letter.drafting_unit)
        ),
        extra=subject_lines,
        first_recipient="Như trên",
    )
)

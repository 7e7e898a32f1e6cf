"""QUYẾT ĐỊNH (`"type": "quyet_dinh"`, contract v1.1 §5), often issuing a plan attached to it.

After the header: `QUYẾT ĐỊNH`, the title, the deciding authority, the `Căn cứ` lines and
`Theo đề nghị ...`, `QUYẾT ĐỊNH:`, the articles (`Điều 1.` bold, text on the same line),
the recipients and signature; then, on a new section, the attached plan with its
`(Kèm theo Quyết định số ...)` line and no header or signature of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from service.documents.plan import TYPE_LINE as PLAN_TYPE_LINE
from service.documents.plan import body_blocks, plan_type_symbol
from service.documents.registry import DocumentKind, register
from service.model import Content, Document, PlanBody, Rich
from service.rendering.blocks import Block, Kind, with_mark
from service.rendering.outline import Labels, Scheme, content_blocks
from service.rendering.parts import end_content, issuer_in_text, lines, title_blocks
from service.vietnamese import document_number, long_date, name_in_text

TYPE_LINE = "QUYẾT ĐỊNH"
DECIDES = "QUYẾT ĐỊNH:"


@dataclass(frozen=True, kw_only=True)
class Article:
    """`Điều n.` and its text, with optional content below it."""

    text: Rich
    content: tuple[Content, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Attachment(PlanBody):
    """The plan a decision issues, printed after the decision's signature."""

    title: str
    reference: str | None = None  # the `(Kèm theo ...)` line as typed; generated otherwise
    signoff: str | None = None  # a bold line in the signature column after the last paragraph


@dataclass(frozen=True, kw_only=True)
class Decision(Document):
    """A QUYẾT ĐỊNH."""

    type: ClassVar[str] = "quyet_dinh"
    authority: str
    legal_basis: tuple[Rich, ...]
    articles: tuple[Article, ...]
    proposal: Rich | None = None
    attachment: Attachment | None = None


def decision_blocks(decision: Decision) -> list[Block]:
    """The decision, its signature, then the attached plan on a new section."""
    bases = decision.legal_basis
    last_basis = len(bases) - 1
    blocks = [
        *title_blocks(TYPE_LINE, decision.title),
        *(Block.of(Kind.AUTHORITY, line.upper()) for line in lines(decision.authority)),
        *(
            Block(
                Kind.BASIS,
                with_mark(text, "." if i == last_basis and not decision.proposal else ";"),
            )
            for i, text in enumerate(bases)
        ),
    ]
    if decision.proposal is not None:
        blocks.append(Block(Kind.BASIS, with_mark(decision.proposal, ".")))
    blocks.append(Block.of(Kind.DECIDES, DECIDES))
    articles: list[Block] = []
    for n, article in enumerate(decision.articles, 1):
        articles.append(Block(Kind.RUN_IN, article.text, heading=Rich.of(f"Điều {n}.")))
        articles.extend(content_blocks(article.content, Labels(Scheme.ARABIC), 1))
    blocks.extend(end_content(articles))
    blocks.append(Block(Kind.CLOSING_BLOCK))
    if decision.attachment is not None:
        blocks.extend(attachment_blocks(decision, decision.attachment))
    return blocks


def attachment_blocks(decision: Decision, plan: Attachment) -> list[Block]:
    """`KẾ HOẠCH`, its title, `(Kèm theo Quyết định số ...)`, its parts, the sign-off."""
    blocks = [
        Block(Kind.SECTION_BREAK),
        *title_blocks(PLAN_TYPE_LINE, plan.title, plan.reference or reference(decision)),
        *body_blocks(plan, plan.title, issuer_in_text(decision)),
    ]
    if plan.signoff:
        blocks.append(Block.of(Kind.SIGNOFF, plan.signoff))
    return blocks


def authority_in_text(decision: Decision) -> str:
    """Who decides, as running text: `Chủ tịch Ủy ban nhân dân tỉnh Đồng Tháp` for
    `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP`; the issuer's own name for a collective body."""
    authority = " ".join(decision.authority.split())
    issuer = " ".join(decision.issuer.name.split())
    if authority.upper() == issuer.upper():
        return issuer_in_text(decision)
    if authority.upper().endswith(" " + issuer.upper()):
        office = authority[: -len(issuer) - 1].lower()
        return f"{office[:1].upper()}{office[1:]} {issuer_in_text(decision)}"
    return name_in_text(authority)


def reference(decision: Decision) -> str:
    """`(Kèm theo Quyết định số 12/QĐ-UBND ngày 03 tháng 4 năm 2025 của ...)`."""
    number = f"số {document_number(decision.number)}/{KIND.symbol(decision)}"
    by = authority_in_text(decision)
    return f"(Kèm theo Quyết định {number} {long_date(decision.date)} của {by})"


KIND = register(
    DocumentKind(
        code=Decision.type,
        name="Quyết định",
        model=Decision,
        template="quyet_dinh.docx",
        body=decision_blocks,
        symbol=lambda decision: plan_type_symbol("QĐ", decision),
        issued_by=authority_in_text,
    )
)

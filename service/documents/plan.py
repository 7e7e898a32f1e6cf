"""KẾ HOẠCH (`"type": "ke_hoach"`): preamble, typed parts numbered I, II, III..., closing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar

from service.documents.registry import DocumentKind, register
from service.model import (
    Dash,
    Document,
    Numbered,
    Numbering,
    Paragraph,
    Part,
    PlanBody,
    Purpose,
    Reporting,
    Rich,
    Section,
    Target,
    Targets,
    v1_content,
)
from service.rendering.blocks import Block, Kind
from service.rendering.outline import TOP, content_blocks
from service.rendering.parts import (
    basis_blocks,
    end_content,
    issuer_in_text,
    salutation_blocks,
    title_blocks,
)
from service.vietnamese import (
    capitals,
    format_quantity,
    lowercase_first,
    plan_symbol,
    short_date,
)

TYPE_LINE = "KẾ HOẠCH"
DEFAULT_HEADINGS = {
    "purpose": "MỤC ĐÍCH, YÊU CẦU",
    "targets": "MỤC TIÊU",
    "tasks": "NHIỆM VỤ VÀ GIẢI PHÁP",
    "funding": "KINH PHÍ THỰC HIỆN",
    "organization": "TỔ CHỨC THỰC HIỆN",
    "reporting": "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
}


@dataclass(frozen=True, kw_only=True)
class Plan(Document, PlanBody):
    """A KẾ HOẠCH."""

    type: ClassVar[str] = "ke_hoach"
    addressees: tuple[str, ...] = ()  # a plan sent to a council: `Kính gửi: ...` (extension)


def plan_blocks(plan: Plan) -> list[Block]:
    """`KẾ HOẠCH`, the title, the body ending `./.`, the recipients and signature."""
    return [
        *title_blocks(TYPE_LINE, plan.title),
        *salutation_blocks(plan.addressees),
        *body_blocks(plan, plan.title, issuer_in_text(plan)),
        Block(Kind.CLOSING_BLOCK),
    ]


def body_blocks(body: PlanBody, title: str, issuer: str) -> list[Block]:
    """Preamble, parts I, II, III... with extra sections at their anchors, the closing
    paragraph (default, typed, or none with `closing: false`), `./.` at the end."""
    blocks = list(basis_blocks(body.preamble))
    for n, (heading, part) in enumerate(_parts(body), 1):
        upper = heading if capitals(heading.text) == heading.text else heading.map_text(str.upper)
        blocks.append(Block(Kind.H1, upper.labelled(TOP.label(n))))
        blocks.extend(
            content_blocks(part.content, TOP.children(TOP.label(n), Numbering.DEFAULT), 1)
        )
    if body.closing is None:
        blocks.append(Block(Kind.BODY, Rich.of(default_closing(title, issuer))))
    elif body.closing is not False:
        blocks.append(Block(Kind.BODY, body.closing))
    return end_content(blocks)


def default_closing(title: str, issuer: str) -> str:
    """`Trên đây là Kế hoạch <title> của <issuer>. ...` when the plan gives none."""
    return (
        f"Trên đây là Kế hoạch {lowercase_first(' '.join(title.split()))} của {issuer}. "
        "Đề nghị các cơ quan, đơn vị có liên quan căn cứ chức năng, nhiệm vụ triển khai thực hiện"
    )


def _parts(body: PlanBody) -> Iterator[tuple[Rich, Part]]:
    """Typed parts in the contract's order, each extra section after its anchor."""
    extra = {
        anchor: [s for s in body.sections if (s.after or "start") == anchor]
        for anchor in ("start", *DEFAULT_HEADINGS)
    }
    yield from ((_heading(s), s) for s in extra["start"])
    typed: dict[str, Part | None] = {
        "purpose": _purpose_part(body.purpose) if body.purpose else None,
        "targets": _targets_part(body.targets) if body.targets else None,
        "tasks": body.tasks,
        "funding": body.funding,
        "organization": body.organization,
        "reporting": _reporting_part(body.reporting) if body.reporting else None,
    }
    for name, part in typed.items():
        if part is not None:
            yield part.heading or Rich.of(DEFAULT_HEADINGS[name]), part
        yield from ((_heading(s), s) for s in extra[name])


def _heading(section: Section) -> Rich:
    assert section.heading is not None
    return section.heading


def _purpose_part(purpose: Purpose) -> Part:
    sections = []
    if purpose.purposes:
        sections.append(
            Section(heading=Rich.of("Mục đích"), content=v1_content(items=purpose.purposes))
        )
    if purpose.requirements:
        sections.append(
            Section(heading=Rich.of("Yêu cầu"), content=v1_content(items=purpose.requirements))
        )
    return Part(heading=purpose.heading, content=tuple(sections))


def target_text(target: Target) -> Rich:
    """The target with its value formatted the Vietnamese way in place of `{value}`."""
    if target.value is None:
        return target.text
    value = format_quantity(target.value, target.unit)
    return target.text.map_text(lambda text: text.replace("{value}", value))


def _targets_part(targets: Targets) -> Part:
    specific = tuple(target_text(t) for t in targets.specific)
    if targets.general and specific:
        return Part(
            heading=targets.heading,
            content=(
                Section(
                    heading=Rich.of("Mục tiêu chung"), content=v1_content(text=targets.general)
                ),
                Section(heading=Rich.of("Mục tiêu cụ thể"), content=v1_content(items=specific)),
            ),
        )
    return Part(
        heading=targets.heading,
        content=(*(Paragraph(t) for t in targets.general), *(Numbered(text=t) for t in specific)),
    )


def _reporting_part(reporting: Reporting) -> Reporting:
    if reporting.content or not reporting.deadlines:
        return reporting
    items = tuple(
        Dash(
            Rich.of(
                " ".join(
                    filter(
                        None,
                        (
                            d.report,
                            f"gửi {d.submit_to}" if d.submit_to else "",
                            f"trước ngày {short_date(d.due)}",
                        ),
                    )
                )
                + "."
            )
        )
        for d in reporting.deadlines
    )
    return Reporting(heading=reporting.heading, content=items, deadlines=reporting.deadlines)


def plan_type_symbol(abbreviation: str, document: Document) -> str:
    """`KH-UBND`: the type's abbreviation, then the issuer's; the document's own if given."""
    return document.symbol or plan_symbol(abbreviation, document.issuer.abbreviation)


KIND = register(
    DocumentKind(
        code=Plan.type,
        name="Kế hoạch",
        model=Plan,
        template="ke_hoach.docx",
        body=plan_blocks,
        symbol=lambda plan: plan_type_symbol("KH", plan),
        cascades=True,
    )
)

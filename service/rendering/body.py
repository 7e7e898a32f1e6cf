"""The body of each document type as blocks: preamble, typed parts, closing, appendices."""

from __future__ import annotations

from collections.abc import Iterator

from service.plan import (
    Appendix,
    Document,
    Entry,
    Letter,
    Numbering,
    Part,
    Plan,
    Purpose,
    Reporting,
    Section,
    Target,
    Targets,
)
from service.rendering.blocks import Block, Kind, with_end_mark
from service.rendering.outline import TOP, Labels, Scheme, content_blocks
from service.vietnamese import format_quantity, lowercase_first, name_in_text, short_date

DEFAULT_HEADINGS = {
    "purpose": "MỤC ĐÍCH, YÊU CẦU",
    "targets": "MỤC TIÊU",
    "tasks": "NHIỆM VỤ VÀ GIẢI PHÁP",
    "funding": "KINH PHÍ THỰC HIỆN",
    "organization": "TỔ CHỨC THỰC HIỆN",
    "reporting": "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
}
_BASIS = "Căn cứ"


def issuer_in_text(document: Document) -> str:
    """The issuing body as running text names it: `Ủy ban nhân dân thành phố Bắc Kạn`."""
    return document.issuer.name_in_text or name_in_text(document.issuer.name)


def plan_blocks(plan: Plan) -> list[Block]:
    """Preamble, parts I, II, III... with extra sections at their anchors, closing `./.`."""
    blocks = list(preamble_blocks(plan.preamble))
    for n, (heading, part) in enumerate(_plan_parts(plan), 1):
        label = TOP.label(n)
        blocks.append(Block(Kind.H1, f"{label} {heading.upper()}"))
        blocks.extend(content_blocks(part, TOP.children(label, Numbering.DEFAULT), 1))
    closing = plan.closing or default_closing(plan)
    blocks.append(Block(Kind.BODY, closing))
    return end_content(blocks)


def letter_blocks(letter: Letter) -> list[Block]:
    """A công văn's body, its closing paragraph, `./.` at the end."""
    blocks = list(content_blocks(letter.body, Labels(Scheme.ARABIC), 1))
    if letter.closing:
        blocks.append(Block(Kind.BODY, letter.closing))
    return end_content(blocks)


def preamble_blocks(paragraphs: tuple[str, ...]) -> Iterator[Block]:
    """`Căn cứ` lines are italic, each ending `;`, the last `.`; other lines as written."""
    bases = [i for i, p in enumerate(paragraphs) if p.startswith(_BASIS)]
    for i, text in enumerate(paragraphs):
        if i in bases:
            mark = "." if i == bases[-1] else ";"
            yield Block(Kind.BASIS, text.rstrip().rstrip(";.,") + mark)
        else:
            yield Block(Kind.BODY, text)


def default_closing(plan: Plan) -> str:
    """`Trên đây là Kế hoạch <title> của <issuer>. ...` when the plan gives none."""
    title = lowercase_first(" ".join(plan.title.split()))
    return (
        f"Trên đây là Kế hoạch {title} của {issuer_in_text(plan)}. Đề nghị các cơ quan, "
        "đơn vị có liên quan căn cứ chức năng, nhiệm vụ triển khai thực hiện"
    )


def end_content(blocks: list[Block]) -> list[Block]:
    """Put `./.` on the last paragraph of the content."""
    if not blocks:
        return blocks
    last = blocks[-1]
    blocks[-1] = Block(last.kind, with_end_mark(last.text), last.heading)
    return blocks


def _plan_parts(plan: Plan) -> Iterator[tuple[str, Part]]:
    """Typed parts in the contract's order, each extra section after its anchor."""
    extra = {
        anchor: [s for s in plan.sections if (s.after or "start") == anchor]
        for anchor in ("start", *DEFAULT_HEADINGS)
    }
    yield from ((s.heading or "", s) for s in extra["start"])
    typed: dict[str, Part | None] = {
        "purpose": _purpose_part(plan.purpose) if plan.purpose else None,
        "targets": _targets_part(plan.targets) if plan.targets else None,
        "tasks": plan.tasks,
        "funding": plan.funding,
        "organization": plan.organization,
        "reporting": _reporting_part(plan.reporting) if plan.reporting else None,
    }
    for name, part in typed.items():
        if part is not None:
            yield part.heading or DEFAULT_HEADINGS[name], part
        yield from ((s.heading or "", s) for s in extra[name])


def _purpose_part(purpose: Purpose) -> Part:
    sections = []
    if purpose.purposes:
        sections.append(Section(heading="Mục đích", items=purpose.purposes))
    if purpose.requirements:
        sections.append(Section(heading="Yêu cầu", items=purpose.requirements))
    return Part(heading=purpose.heading, sections=tuple(sections))


def target_text(target: Target) -> str:
    """The target with its value formatted the Vietnamese way in place of `{value}`."""
    if target.value is None:
        return target.text
    return target.text.replace("{value}", format_quantity(target.value, target.unit))


def _targets_part(targets: Targets) -> Part:
    specific = tuple(target_text(t) for t in targets.specific)
    if targets.general and specific:
        return Part(
            heading=targets.heading,
            sections=(
                Section(heading="Mục tiêu chung", text=targets.general),
                Section(heading="Mục tiêu cụ thể", items=specific),
            ),
        )
    return Part(
        heading=targets.heading,
        text=targets.general,
        numbered=tuple(Entry(text=t) for t in specific),
    )


def _reporting_part(reporting: Reporting) -> Reporting:
    has_text = reporting.text or reporting.items or reporting.numbered or reporting.lettered
    if has_text or reporting.sections or not reporting.deadlines:
        return reporting
    items = tuple(
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
        for d in reporting.deadlines
    )
    return Reporting(heading=reporting.heading, items=items, deadlines=reporting.deadlines)


def appendix_blocks(appendix: Appendix, number: int, reference: str) -> Iterator[Block]:
    """An appendix: new section, `Phụ lục 01`, title, reference line, then its content."""
    yield Block(Kind.SECTION_BREAK)
    yield Block(Kind.APPENDIX_LABEL, f"Phụ lục {number:02d}")
    for line in appendix.title.split("\n"):
        yield Block(Kind.APPENDIX_TITLE, line.strip().upper())
    for line in (appendix.subtitle or "").split("\n"):
        if line.strip():
            yield Block(Kind.APPENDIX_SUBTITLE, line.strip())
    yield Block(Kind.APPENDIX_REFERENCE, reference)
    yield from content_blocks(appendix, TOP, 0)  # its sections are numbered I., II., ...

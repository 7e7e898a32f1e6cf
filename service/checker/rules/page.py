"""Paper size, orientation and margins of every section."""

from __future__ import annotations

from collections.abc import Iterator

from .. import spec
from ..anatomy import Anatomy
from ..messages import t
from ..model import Doc, Section
from ..ooxml import TWIPS_PER_MM
from ..report import Basis, Issue, Where


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """page.size, page.orientation, page.margins (each defect once, at its first section)."""
    seen: set[tuple[str, object]] = set()
    doc = anatomy.doc
    first_appendix = min((a.label.section for a in anatomy.appendices), default=len(doc.sections))
    for section in doc.sections:
        where = Where(section=section.index + 1)
        width, height = section.width / TWIPS_PER_MM, section.height / TWIPS_PER_MM
        landscape = section.orient == "landscape" or width > height
        short, long = sorted((width, height))
        size = (round(short), round(long))
        if not _near((short, long), spec.PAGE_MM) and ("size", size) not in seen:
            seen.add(("size", size))
            yield Issue("page.size", where, t("page_mm", width=size[0], height=size[1]), t("a4"))
        # The decree lets pages of wide tables turn landscape: an appendix, or a section of
        # its own holding a table (the first section, with the header, never).
        allowed = section.index >= first_appendix or (
            section.index > 0 and _has_table(doc, section)
        )
        if landscape and not allowed and "orientation" not in {kind for kind, _ in seen}:
            seen.add(("orientation", None))
            yield Issue("page.orientation", where, t("landscape"), t("portrait"))
        # On a landscape page, which edge binds is moot: only top and bottom are judged.
        sides = ("top", "bottom") if landscape and allowed else tuple(spec.MARGINS_MM)
        yield from _margins(section, where, seen, sides)


def _has_table(doc: Doc, section: Section) -> bool:
    paras = doc.paragraphs[section.first : section.last + 1]
    return any(para.cell is not None for para in paras)


def _near(size: tuple[float, float], wanted: tuple[float, float]) -> bool:
    return all(abs(a - b) <= spec.PAGE_TOLERANCE_MM for a, b in zip(size, wanted, strict=True))


def _margins(
    section: Section, where: Where, seen: set[tuple[str, object]], sides: tuple[str, ...]
) -> Iterator[Issue]:
    for side in sides:
        low, high = spec.MARGINS_MM[side]
        house = spec.HOUSE_MARGINS_MM[side]
        value = section.margins[side] / TWIPS_PER_MM
        slack = spec.MARGIN_TOLERANCE_MM
        basis: Basis = "decree"
        if low - slack <= value <= high + slack:
            if abs(value - house) <= slack:
                continue
            basis, low, high = "house", house, house
        shown = round(value, 1)
        if (side, (shown, basis)) in seen:
            continue
        seen.add((side, (shown, basis)))
        expected = t("mm", value=low) if low == high else t("mm_range", low=low, high=high)
        yield Issue(
            "page.margins",
            where,
            t("margin", side=t(f"side.{side}"), value=t("mm", value=shown)),
            t("margin", side=t(f"side.{side}"), value=expected),
            basis=basis,
        )

"""Paper size, orientation and margins of every section."""

from __future__ import annotations

from collections.abc import Iterator

from .. import spec
from ..anatomy import Anatomy
from ..messages import t
from ..model import Section
from ..ooxml import TWIPS_PER_MM
from ..report import Issue, Where


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """page.size, page.orientation, page.margins (each defect once, at its first section)."""
    seen: set[tuple[str, object]] = set()
    appendix_sections = {a.label.section for a in anatomy.appendices}
    for section in anatomy.doc.sections:
        where = Where(section=section.index + 1)
        width, height = section.width / TWIPS_PER_MM, section.height / TWIPS_PER_MM
        landscape = section.orient == "landscape" or width > height
        # The decree lets pages of wide tables, in appendices, turn landscape.
        if landscape and section.index in appendix_sections:
            continue
        short, long = sorted((width, height))
        size = (round(short), round(long))
        if not _near((short, long), spec.PAGE_MM) and ("size", size) not in seen:
            seen.add(("size", size))
            yield Issue("page.size", where, t("page_mm", width=size[0], height=size[1]), t("a4"))
        if landscape and "orientation" not in {kind for kind, _ in seen}:
            seen.add(("orientation", None))
            yield Issue("page.orientation", where, t("landscape"), t("portrait"))
        yield from _margins(section, where, seen)


def _near(size: tuple[float, float], wanted: tuple[float, float]) -> bool:
    return all(abs(a - b) <= spec.PAGE_TOLERANCE_MM for a, b in zip(size, wanted, strict=True))


def _margins(section: Section, where: Where, seen: set[tuple[str, object]]) -> Iterator[Issue]:
    for side, (low, high) in spec.MARGINS_MM.items():
        value = section.margins[side] / TWIPS_PER_MM
        slack = spec.MARGIN_TOLERANCE_MM
        if low - slack <= value <= high + slack:
            continue
        shown = round(value, 1)
        if (side, shown) in seen:
            continue
        seen.add((side, shown))
        yield Issue(
            "page.margins",
            where,
            t("margin", side=t(f"side.{side}"), value=t("mm", value=shown)),
            t("margin", side=t(f"side.{side}"), value=t("mm_range", low=low, high=high)),
        )

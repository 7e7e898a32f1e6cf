"""Page numbers: a PAGE field centred in the header, Arabic, 13-14 pt, none on page 1;
every header that prints is judged, in every section."""

from __future__ import annotations

from collections.abc import Iterator

from .. import spec
from ..anatomy import Anatomy
from ..messages import t
from ..model import Doc, Para
from ..printed import part_in_force, shown_kinds
from ..report import Issue, Where
from .common import CENTRED, looks


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """page_number.missing, page_number.first_page, page_number.format."""
    doc = anatomy.doc
    first = doc.sections[0]
    where = Where(part="header", section=1)
    later = [w for w in shown_kinds(doc, first) if w != "first"]
    numbered = [p for w in later for p in _page_paras(doc, part_in_force(doc, 0, "headers", w))]
    in_footer = [p for w in later for p in _page_paras(doc, part_in_force(doc, 0, "footers", w))]
    if not numbered and _main_pages(anatomy) > 1:
        found = t("page_in_footer") if in_footer else t("missing")
        yield Issue("page_number.missing", where, found, t("page_in_header"))
    opening = "first" if first.title_page else "default"
    on_first = _page_paras(doc, part_in_force(doc, 0, "headers", opening)) + _page_paras(
        doc, part_in_force(doc, 0, "footers", opening)
    )
    if on_first and anatomy.doc.pages > 1:
        yield Issue("page_number.first_page", where, t("page_on_first"), t("page_not_first"))
    judged: set[str] = set()
    for section in doc.sections:
        shown = [
            rel_id
            for which in shown_kinds(doc, section)
            if which != "first" or section.index > 0
            if (rel_id := part_in_force(doc, section.index, "headers", which)) is not None
        ]
        for rel_id in shown:
            if rel_id in judged:
                continue
            judged.add(rel_id)
            for para in _page_paras(doc, rel_id):
                # A number in a header text box is placed by the box, not by its paragraph.
                align = None if para.floating else CENTRED
                yield from looks(
                    "page_number.format", para, size=spec.SIZES["page_number"], align=align
                )
        if shown and section.number_format not in (None, "decimal"):
            place = Where(part="header", section=section.index + 1)
            yield Issue("page_number.format", place, str(section.number_format), t("arabic"))


def _page_paras(doc: Doc, rel_id: str | None) -> list[Para]:
    if rel_id is None:
        return []
    return [
        para
        for para in doc.parts.get(rel_id, [])
        if any(field.split(" ", 1)[0].upper() == "PAGE" for field in para.fields)
    ]


def _main_pages(anatomy: Anatomy) -> int:
    doc = anatomy.doc
    if anatomy.appendices:
        start = anatomy.appendices[0].label
        before = [p.page for p in doc.paragraphs[: start.index] if p.page is not None]
        return min(max(before, default=1), doc.pages)
    return doc.pages

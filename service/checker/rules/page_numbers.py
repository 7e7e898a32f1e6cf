"""Page numbers: a PAGE field centred in the header, Arabic, 13-14 pt, none on page 1."""

from __future__ import annotations

from collections.abc import Iterator

from .. import spec
from ..anatomy import Anatomy
from ..messages import t
from ..model import Doc, Para, Section
from ..report import Issue, Where
from .common import CENTRED, looks


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """page_number.missing, page_number.first_page, page_number.format."""
    doc = anatomy.doc
    first = doc.sections[0]
    where = Where(part="header", section=1)
    default = _page_paras(doc, _part(doc, 0, "headers", "default"))
    footer = _page_paras(doc, _part(doc, 0, "footers", "default"))
    main_pages = _main_pages(anatomy)
    if not default and main_pages > 1:
        found = t("page_in_footer") if footer else t("missing")
        yield Issue("page_number.missing", where, found, t("page_in_header"))
    shown_first = _first_page_numbered(doc, first)
    if shown_first:
        yield Issue("page_number.first_page", where, t("page_on_first"), t("page_not_first"))
    for para in default:
        # A number in a header text box is placed by the box, not by its paragraph.
        align = None if para.floating else CENTRED
        yield from looks("page_number.format", para, size=spec.PAGE_NUMBER_PT, align=align)
    if default and first.number_format not in (None, "decimal"):
        yield Issue("page_number.format", where, str(first.number_format), t("arabic"))


def _part(doc: Doc, index: int, kind: str, which: str) -> str | None:
    """The relationship id of the header or footer `which` in force in section `index`:
    a section without its own inherits the previous section's."""
    for section in reversed(doc.sections[: index + 1]):
        references = section.headers if kind == "headers" else section.footers
        if which in references:
            return references[which]
    return None


def _page_paras(doc: Doc, rel_id: str | None) -> list[Para]:
    if rel_id is None:
        return []
    return [
        para
        for para in doc.parts.get(rel_id, [])
        if any(field.split(" ", 1)[0].upper() == "PAGE" for field in para.fields)
    ]


def _first_page_numbered(doc: Doc, first: Section) -> bool:
    which = "first" if first.title_page else "default"
    header = _page_paras(doc, _part(doc, 0, "headers", which))
    footer = _page_paras(doc, _part(doc, 0, "footers", which))
    return bool(header or footer)


def _main_pages(anatomy: Anatomy) -> int:
    doc = anatomy.doc
    if anatomy.appendices:
        start = anatomy.appendices[0].label
        before = [p.page for p in doc.paragraphs[: start.index] if p.page is not None]
        return max(before, default=1)
    return doc.pages

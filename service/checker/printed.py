"""Which header and footer parts print: a section shows its first-page part only with
w:titlePg, its even-page part only when the document sets w:evenAndOddHeaders, and a
section without its own part shows the previous section's."""

from __future__ import annotations

from .model import Doc, Section


def part_in_force(doc: Doc, index: int, kind: str, which: str) -> str | None:
    """The relationship id of the `kind` ("headers"/"footers") part `which` (default, first,
    even) that section `index` shows, inherited from earlier sections; None when none."""
    for section in reversed(doc.sections[: index + 1]):
        references = section.headers if kind == "headers" else section.footers
        if which in references:
            return references[which]
    return None


def shown_kinds(doc: Doc, section: Section) -> tuple[str, ...]:
    """The header/footer variants a section actually prints."""
    kinds = ["default"]
    if section.title_page:
        kinds.append("first")
    if doc.even_and_odd_headers:
        kinds.append("even")
    return tuple(kinds)


def printed_parts(doc: Doc) -> list[str]:
    """The relationship ids of every header and footer that prints somewhere, in order."""
    found: list[str] = []
    for section in doc.sections:
        for kind in ("headers", "footers"):
            for which in shown_kinds(doc, section):
                rel_id = part_in_force(doc, section.index, kind, which)
                if rel_id is not None and rel_id not in found:
                    found.append(rel_id)
    return found

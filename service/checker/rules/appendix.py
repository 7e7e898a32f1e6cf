"""Appendices: each on a new page, in its own section whose page numbers restart at 1,
headed `Phụ lục ...`, a title in capitals and the italic `(Kèm theo ...)` line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import spec
from ..anatomy import Anatomy, Appendix
from ..messages import quote, t
from ..model import Doc, Para
from ..report import Issue
from ..text import clean, key
from .common import CENTRED, at, looks

_ROMAN = re.compile(r"^[IVXLC]+$")


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """appendix.new_page, appendix.page_numbering, appendix.heading."""
    doc = anatomy.doc
    styles: set[str] = set()
    firsts: dict[int, Para | None] = {}  # each section's first inked paragraph, found once
    for appendix in anatomy.appendices:
        label = appendix.label
        if not _on_new_page(doc, label):
            yield Issue("appendix.new_page", at(label), t("same_page"), t("new_page"))
        section = doc.sections[label.section]
        if label.section not in firsts:
            firsts[label.section] = _first_inked(doc, section.first)
        own = label.section > 0 and firsts[label.section] is label
        if not own or section.restart is None:
            found = t("numbering_continues")
            yield Issue("appendix.page_numbering", at(label), found, t("numbering_restarts"))
        elif section.restart != 1:
            found = t("numbering_from", start=section.restart)
            yield Issue("appendix.page_numbering", at(label), found, t("numbering_restarts"))
        yield from _heading(appendix)
        number = key(label.text).removeprefix("PHỤ LỤC").strip(" .:").removeprefix("SỐ ").strip()
        if number:
            styles.add("roman" if _ROMAN.match(number) else "arabic")
    for attachment in anatomy.attachments:
        if attachment.reference is not None:
            reference = attachment.reference
            yield from looks("appendix.heading", reference, italic=True, align=CENTRED)
    if len(styles) > 1:
        first = anatomy.appendices[0].label
        yield Issue("appendix.heading", at(first), t("mixed_numbering"), t("one_numbering"))


def _on_new_page(doc: Doc, label: Para) -> bool:
    index = label.index
    while True:
        para = doc.paragraphs[index]
        section = doc.sections[para.section]
        if para.break_before or (index == section.first and section.starts_new_page):
            return True
        if index == 0:
            return False
        previous = doc.paragraphs[index - 1]
        if previous.break_after:
            return True
        if not previous.empty:
            return False
        index -= 1


def _first_inked(doc: Doc, start: int) -> Para | None:
    return next((p for p in doc.paragraphs[start:] if not p.empty), None)


def _heading(appendix: Appendix) -> Iterator[Issue]:
    size = spec.SIZES["appendix_label"]
    yield from looks("appendix.heading", appendix.label, size=size, bold=True, align=CENTRED)
    if not appendix.titles:
        yield Issue("appendix.heading", at(appendix.label), t("missing_below"), t("title_caps"))
    for number, title in enumerate(appendix.titles):
        # The title is in capitals; sentence-case lines under it are its subtitle.
        if number == 0:
            size = spec.SIZES["appendix_title"]
            yield from looks(
                "appendix.heading", title, size=size, bold=True, caps=True, align=CENTRED
            )
        else:
            yield from looks("appendix.heading", title, align=CENTRED)
    reference = appendix.reference
    last = appendix.titles[-1] if appendix.titles else appendix.label
    if reference is None:
        yield Issue("appendix.heading", at(last), t("missing_below"), quote("(Kèm theo …)"))
        return
    # "(Kèm theo ...)" under an appendix; "(Ban hành kèm theo ...)" under a regulation a
    # document issues: both are the decree's wording.
    if not clean(reference.text).startswith(("(Kèm theo", "(Ban hành kèm theo")):
        yield Issue(
            "appendix.heading",
            at(reference),
            quote(clean(reference.text)[:20]),
            quote("(Kèm theo …)"),
        )
    yield from looks("appendix.heading", reference, italic=True, align=CENTRED)

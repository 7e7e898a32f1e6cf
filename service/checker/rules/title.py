"""Type line, title (trích yếu) and its short rule; a công văn's V/v lines and Kính gửi."""

from __future__ import annotations

from collections.abc import Iterator

from .. import spec
from ..anatomy import Anatomy, Attachment
from ..messages import quote, t
from ..metrics import line_width
from ..report import Issue, Where
from ..text import clean, is_upper, key
from .common import CENTRED, at, looks
from .header import short_rule


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """title.type_name, title.subject, title.subject_rule, subject.format, addressee.format."""
    yield from _type_name(anatomy)
    definition = anatomy.definition
    if anatomy.type_name is not None and (definition is None or definition.title):
        yield from _title(anatomy)
    elif anatomy.title:
        yield from _title_looks(anatomy)
    if anatomy.kind == "cong_van":
        yield from _subject(anatomy)
    if anatomy.addressees or (definition is not None and definition.addressees):
        yield from _addressees(anatomy)
    for attachment in anatomy.attachments:
        yield from _attached(attachment)


def _start(anatomy: Anatomy) -> Where:
    para = next((p for p in anatomy.content if not p.empty), None)
    return at(para) if para is not None else Where(part="body")


def _type_name(anatomy: Anatomy) -> Iterator[Issue]:
    para = anatomy.type_name
    definition = anatomy.definition
    wanted = definition.name if definition is not None else None
    if para is None:
        if wanted is not None:
            yield Issue("title.type_name", _start(anatomy), t("missing"), quote(wanted))
        return
    if anatomy.kind == "cong_van":
        yield Issue("title.type_name", at(para), quote(clean(para.shown)), t("no_type_name"))
        return
    text = clean(para.shown)
    if text != key(text):
        yield Issue("title.type_name", at(para), quote(text), quote(key(text)))
    size = spec.SIZES["type_name"]
    yield from looks("title.type_name", para, size=size, bold=True, align=CENTRED)


def _title(anatomy: Anatomy) -> Iterator[Issue]:
    assert anatomy.type_name is not None
    if not anatomy.title:
        yield Issue("title.subject", at(anatomy.type_name), t("missing_below"), t("title_expected"))
        return
    yield from _title_looks(anatomy)


def _title_looks(anatomy: Anatomy) -> Iterator[Issue]:
    for para in anatomy.title:
        size = spec.SIZES["title"]
        yield from looks("title.subject", para, size=size, bold=True, align=CENTRED)
    text = " ".join(clean(para.text) for para in anatomy.title)
    if is_upper(text) and len(text) > 20:
        found = quote(text[:40])
        yield Issue("title.subject", at(anatomy.title[0]), found, t("sentence_case"), "warning")
    last = anatomy.title[-1]
    stroke = anatomy.title_stroke
    if stroke is None:
        yield Issue("title.subject_rule", at(last), t("no_line"), t("short_line"))
        return
    # Judged against the title's longest printed line, as the decree's "1/3 to 1/2 of the
    # line" reads; a title that wraps fills its line.
    length = max(min(line_width(para), para.width) for para in anatomy.title)
    yield from short_rule("title.subject_rule", stroke, length, last)


def _attached(attachment: Attachment) -> Iterator[Issue]:
    """An attached text's type line and title, looking like the document's own."""
    head = attachment.type_name
    size = spec.SIZES["type_name"]
    yield from looks("title.type_name", head, size=size, bold=True, caps=True, align=CENTRED)
    for para in attachment.titles:
        size = spec.SIZES["title"]
        yield from looks("title.subject", para, size=size, bold=True, align=CENTRED)


def _subject(anatomy: Anatomy) -> Iterator[Issue]:
    if not anatomy.subject:
        where = at(anatomy.number) if anatomy.number else Where(part="body")
        yield Issue("subject.format", where, t("missing_below"), quote("V/v …"))
        return
    first = anatomy.subject[0]
    if not clean(first.text).startswith("V/v "):
        yield Issue("subject.format", at(first), quote(clean(first.text)[:8]), quote("V/v …"))
    for para in anatomy.subject:
        size = spec.SIZES["subject"]
        yield from looks("subject.format", para, size=size, bold=False, italic=False)


def _addressees(anatomy: Anatomy) -> Iterator[Issue]:
    lines = anatomy.addressees
    if not lines:
        yield Issue("addressee.format", _start(anatomy), t("missing"), quote("Kính gửi: …"))
        return
    head = clean(lines[0].text)
    if not head.startswith("Kính gửi:"):
        yield Issue("addressee.format", at(lines[0]), quote(head[:12]), quote("Kính gửi:"))
    for para in lines:
        yield from looks("addressee.format", para, size=spec.SIZES["addressee"])
    # One addressee (on the Kính gửi line or in the cell beside it) takes no mark: the
    # decree asks for ";" after each of several and "." after the last.
    dashes = [p for p in lines[1:] if clean(p.text).startswith(("-", "–"))]
    for para in dashes:
        text = clean(para.text)
        wanted = "." if para is dashes[-1] else ";"
        if not text.endswith(wanted):
            expected = t("ends_with_dot" if wanted == "." else "ends_with_semicolon")
            yield Issue("addressee.format", at(para), quote(text[-12:]), expected)

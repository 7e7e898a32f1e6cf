"""The closing block: `Nơi nhận:` and its lines, the signature's authority lines and name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from .. import spec
from ..anatomy import Anatomy
from ..messages import quote, t
from ..model import Para
from ..ooxml import TWIPS_PER_PT
from ..pages import SINGLE_LINE
from ..report import Issue, Where
from ..text import clean, is_upper, starts
from .common import at, looks

_PREFIX_LETTERS = {prefix.rstrip("."): prefix for prefix in spec.AUTHORITY_PREFIXES}
_TOKEN = re.compile(r"^([A-Z./:]+)(?=\s)")


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """recipients.label, recipients.line, recipients.archive, recipients.first,
    signature.authority, signature.name."""
    yield from _recipients(anatomy)
    yield from _signature(anatomy)


def _end(anatomy: Anatomy) -> Where:
    inked = [p for p in anatomy.content if not p.empty]
    return at(inked[-1]) if inked else Where(part="body")


def _recipients(anatomy: Anatomy) -> Iterator[Issue]:
    label = anatomy.recipients_label
    if label is None:
        yield Issue("recipients.label", _end(anatomy), t("missing"), quote("Nơi nhận:"))
        return
    head, *carried = label.shown.split("\n")  # lines typed after Shift+Enter
    text = clean(head)
    if text != "Nơi nhận:":
        yield Issue("recipients.label", at(label), quote(text), quote("Nơi nhận:"))
    size = spec.SIZES["recipients_label"]
    yield from looks("recipients.label", label, size=size, bold=True, italic=True)
    yield from _level(anatomy, label)
    lines = [(label, clean(line)) for line in carried if line.strip()]
    for para in anatomy.recipients:
        yield from looks("recipients.line", _without_drafter(para), size=spec.SIZES["recipient"])
        lines += [(para, clean(line)) for line in para.text.split("\n") if line.strip()]
    lines = [(para, line) for para, line in lines if not _is_caption(line)]
    for number, (para, line) in enumerate(lines):
        yield from _line(para, line, last=number == len(lines) - 1)
    yield from _archive(label, lines)
    if anatomy.kind == "cong_van" and anatomy.addressees and lines:
        para, first = lines[0]
        if not first.startswith("- Như trên"):
            yield Issue("recipients.first", at(para), quote(first[:20]), quote("- Như trên;"))


def _without_drafter(para: Para) -> Para:
    """The archive line without the drafter's initials offices print smaller after the
    units (`- Lưu: VT, NC.Châu`): the decree sets the recipients' size, not theirs."""
    if not starts(clean(para.text).lstrip("-– "), "Lưu"):
        return para
    low = spec.SIZES["recipient"].low
    runs, seen = [], False
    for run in para.runs:
        if not seen or run.fmt.size >= low or not run.text.strip():
            runs.append(run)
        seen = seen or "," in run.text or ":" in run.text
    return replace(para, runs=tuple(runs))


def _level(anatomy: Anatomy, label: Para) -> Iterator[Issue]:
    # Side by side in the closing table, the label's top should match the first signature
    # line's: compare the space above each within its cell.
    first = anatomy.signature[0] if anatomy.signature else anatomy.signer
    if first is None or label.cell is None or first.cell is None:
        return
    if (label.cell.table, label.cell.row) != (first.cell.table, first.cell.row):
        return
    drop = _offset(anatomy, label) - _offset(anatomy, first)
    if abs(drop) > spec.MIN_GAP_PT * TWIPS_PER_PT:
        found = t("not_level", value=round(drop / TWIPS_PER_PT, 1))
        yield Issue("recipients.label", at(label), found, t("level"), severity="warning")


def _offset(anatomy: Anatomy, para: Para) -> float:
    above = [p for p in anatomy.doc.paragraphs if p.cell == para.cell and p.index < para.index]
    lines = sum(
        p.max_size() * SINGLE_LINE * TWIPS_PER_PT + p.fmt.before + p.fmt.after for p in above
    )
    return lines + para.fmt.before


def _is_caption(text: str) -> bool:
    # A caption such as `Gửi bản điện tử:` may stand between the label and the lines.
    return text.endswith(":") and not text.startswith(("-", "–"))


def _line(para: Para, text: str, last: bool) -> Iterator[Issue]:
    if not text.startswith("- "):
        yield Issue("recipients.line", at(para), quote(text[:3]), quote("- "))
    wanted = "." if last else ";"
    if not text.endswith(wanted):
        expected = t("ends_with_dot" if last else "ends_with_semicolon")
        yield Issue("recipients.line", at(para), quote(text[-12:]), expected)


def _archive(label: Para, lines: list[tuple[Para, str]]) -> Iterator[Issue]:
    archives = [
        number for number, (_, line) in enumerate(lines) if starts(line.lstrip("-– "), "Lưu")
    ]
    if not archives:
        where = at(lines[-1][0]) if lines else at(label)
        yield Issue("recipients.archive", where, t("missing"), quote("- Lưu: VT, …."))
        return
    para, line = lines[archives[-1]]
    if archives[-1] != len(lines) - 1:
        yield Issue("recipients.archive", at(para), t("not_last"), t("archive_last"))
    text = line.lstrip("-– ")
    if not text.startswith("Lưu:"):
        found = quote(text[:10])
        yield Issue("recipients.archive", at(para), found, quote("Lưu: VT, …"), severity="warning")


def _signature(anatomy: Anatomy) -> Iterator[Issue]:
    signer = anatomy.signer
    if signer is None:
        yield Issue("signature.name", _end(anatomy), t("missing"), t("signature_expected"))
        return
    for para in anatomy.signature:
        text = clean(para.shown)
        size = spec.SIZES["signature"]
        yield from looks("signature.authority", para, size=size, bold=True, caps=True)
        token = _TOKEN.match(text.upper())
        if token is None:
            continue
        letters = re.sub(r"[^A-Z]", "", token.group(1))
        wanted = _PREFIX_LETTERS.get(letters)
        if wanted is not None and token.group(1) != wanted:
            yield Issue("signature.authority", at(para), quote(token.group(1)), quote(wanted))
    yield from looks("signature.name", signer, size=spec.SIZES["signature"], bold=True)
    if is_upper(signer.shown):
        found = quote(clean(signer.shown))
        yield Issue("signature.name", at(signer), found, t("as_written"), severity="warning")

"""Body paragraphs: size, justification, first-line indent, spacing, line spacing, `./.`,
and the italic legal bases (`Căn cứ ...`) of the preamble."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import pairwise

from .. import spec
from ..anatomy import Anatomy
from ..layout import next_tab
from ..messages import quote, t
from ..metrics import text_width
from ..model import Para
from ..ooxml import TWIPS_PER_CM, TWIPS_PER_PT
from ..pages import SINGLE_LINE
from ..report import Issue
from ..text import clean
from .common import JUSTIFIED, align_name, at, looks
from .headings import is_heading

# Word's "auto" spacing (HTML-style) is 14 pt, above the minimum.
_AUTO_SPACING = 280


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """body.size, body.align, body.indent, body.spacing, body.line_spacing, body.end_mark,
    preamble.legal_basis."""
    # The document's content, then each attached text's (a plan a decision issues).
    for content in (anatomy.content, *(a.content for a in anatomy.attachments)):
        yield from _content([p for p in content if not p.empty], anatomy.doc.default_tab)
    yield from _legal_bases(anatomy.bases, continued=anatomy.bases_continue)


def _content(paras: list[Para], tab: int) -> Iterator[Issue]:
    spacings: list[tuple[Para, float]] = []
    for para in paras:
        yield from looks("body.size", para, size=spec.SIZES["body"])
        if not is_heading(para) and not _is_note(para):
            yield from _align_indent(para, tab)
        yield from _line_spacing(para, spacings)
    yield from _gaps(paras)
    yield from _consistency(spacings)
    if paras:
        yield from _end_mark(paras[-1])


def _is_note(para: Para) -> bool:
    # A centred note in brackets, "(Phân công nhiệm vụ theo Phụ lục đính kèm)", is not a
    # paragraph of text: it prints centred on purpose.
    text = clean(para.text).rstrip(".;")
    return para.fmt.align == "center" and text.startswith("(") and text.endswith(")")


def _align_indent(para: Para, tab: int) -> Iterator[Issue]:
    if para.fmt.align not in JUSTIFIED:
        yield Issue("body.align", at(para), align_name(para.fmt.align), t("align.both"))
    low, high = spec.FIRST_LINE_CM
    slack = spec.FIRST_LINE_TOLERANCE_CM
    indent = first_line_cm(para, tab)
    found = t("cm", value=round(indent, 2))
    if not low - slack <= indent <= high + slack:
        yield Issue("body.indent", at(para), found, t("cm_range", low=low, high=high))
    elif abs(indent - spec.HOUSE_FIRST_LINE_CM) > slack:
        house = t("cm", value=spec.HOUSE_FIRST_LINE_CM)
        yield Issue("body.indent", at(para), found, house, basis="house")


def first_line_cm(para: Para, tab: int = 720) -> float:
    """Where the first line's text starts, in centimetres from the margin, as it prints:
    the left indent plus the first-line indent, then any tabs and spaces typed before the
    first word (offices indent with them too: a tab, or three spaces or more)."""
    fmt = para.fmt
    if fmt.first_line_chars:
        first = fmt.first_line_chars / 100 * para.max_size() * TWIPS_PER_PT
    else:
        first = fmt.first_line
    position = fmt.left + first
    typed = para.text[: len(para.text) - len(para.text.lstrip(" \t\u00a0"))]
    if para.label or ("\t" not in typed and len(typed) < 3):
        return position / TWIPS_PER_CM  # a stray space or two is a typo, not an indent
    for run in para.runs:
        lead = len(run.text) - len(run.text.lstrip(" \t\u00a0"))
        for char in run.text[:lead]:
            if char == "\t":
                position = next_tab(position, fmt.tabs, max(tab, 1))
            else:
                position += text_width(" ", run.fmt.size, run.fmt.bold)
        if lead < len(run.text):
            break
    return position / TWIPS_PER_CM


def line_spacing(para: Para) -> float:
    """Line spacing in lines (1.0 single, 1.5 one and a half)."""
    fmt = para.fmt
    if fmt.line_rule in ("exact", "atLeast"):
        lines = fmt.line / TWIPS_PER_PT / (para.max_size() * SINGLE_LINE)
        return max(lines, 1.0) if fmt.line_rule == "atLeast" else lines
    return fmt.line / 240


def _line_spacing(para: Para, spacings: list[tuple[Para, float]]) -> Iterator[Issue]:
    value = line_spacing(para)
    low, high = spec.LINE_SPACING
    slack = spec.LINE_SPACING_TOLERANCE
    if low - slack <= value <= high + slack:
        spacings.append((para, value))  # judged for consistency among the allowed ones
        return
    found = t("lines", value=round(value, 2))
    yield Issue("body.line_spacing", at(para), found, t("lines_range", low=low, high=high))


def _consistency(spacings: list[tuple[Para, float]]) -> Iterator[Issue]:
    counts = Counter(round(value, 2) for _, value in spacings)
    if len(counts) < 2:
        return
    usual = counts.most_common(1)[0][0]
    odd = next(para for para, value in spacings if round(value, 2) != usual)
    found = t("lines", value=round(line_spacing(odd), 2))
    yield Issue(
        "body.line_spacing",
        at(odd),
        found,
        t("lines_same", value=usual),
        severity="warning",
        hint=t("same_line_spacing"),
        basis="house",  # the decree allows any spacing from single to 1.5 lines
    )


def _gaps(paras: list[Para]) -> Iterator[Issue]:
    for above, below in pairwise(paras):
        if below.index != above.index + 1 or below.break_before or above.break_after:
            continue  # an empty line or a page lies between them
        gap = max(_after(above), _before(below))
        if below.fmt.contextual and above.fmt.style_id == below.fmt.style_id:
            gap = 0
        if gap < spec.MIN_GAP_PT * TWIPS_PER_PT:
            found = t("pt", value=round(gap / TWIPS_PER_PT, 1))
            yield Issue("body.spacing", at(below), found, t("pt_min", value=spec.MIN_GAP_PT))


def _after(para: Para) -> int:
    return _AUTO_SPACING if para.fmt.after_auto else para.fmt.after


def _before(para: Para) -> int:
    return _AUTO_SPACING if para.fmt.before_auto else para.fmt.before


def _end_mark(last: Para) -> Iterator[Issue]:
    text = clean(last.text)
    if not text.endswith(spec.END_MARK):
        yield Issue("body.end_mark", at(last), quote(text[-12:]), quote(spec.END_MARK))


def _legal_bases(bases: list[Para], *, continued: bool) -> Iterator[Issue]:
    # Căn cứ lines (and a decision's "Theo đề nghị ..."): italic, each ending ";", the last "."
    # unless the bases lead into the preamble's own sentence (`... như sau:`), which ends them.
    for para in bases:
        yield from looks("preamble.legal_basis", para, italic=True)
        text = clean(para.text)
        wanted = "." if para is bases[-1] else ";"
        if wanted == "." and continued and text.endswith(";"):
            # the decree's `.` ends the bases; here the sentence they lead into ends them
            expected = t("ends_with_dot")
            yield Issue(
                "preamble.legal_basis", at(para), quote(text[-12:]), expected, basis="house"
            )
            continue
        if not text.endswith(wanted):
            expected = t("ends_with_dot" if wanted == "." else "ends_with_semicolon")
            yield Issue("preamble.legal_basis", at(para), quote(text[-12:]), expected)

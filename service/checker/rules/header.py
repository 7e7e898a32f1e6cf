"""The header block: issuer with its short rule, Quốc hiệu, Tiêu ngữ with its line."""

from __future__ import annotations

from collections.abc import Iterator

from .. import spec
from ..anatomy import Anatomy, Stroke
from ..messages import quote, t
from ..metrics import line_width, text_width
from ..model import Para
from ..ooxml import TWIPS_PER_CM
from ..report import Issue, Severity, Where
from ..text import clean, key
from .common import at, looks

# A border paragraph is centred when its indents differ by less than this (0.25 cm).
_CENTRE_SLACK = 142


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """header.missing, header.national_name, header.motto, header.motto_rule,
    header.issuer, header.issuer_rule."""
    national = anatomy.national
    if national is None:
        yield Issue("header.missing", Where(part="body"), t("missing"), quote(spec.NATIONAL_NAME))
        return
    yield from _national(national)
    yield from _motto(anatomy, national)
    if anatomy.header_table is not None or anatomy.issuer:
        yield from _issuer(anatomy, national)


def national_size(anatomy: Anatomy) -> float:
    """The size the Tiêu ngữ and the date line step from: Quốc hiệu's, or the project's 13."""
    national = anatomy.national
    sizes = national.sizes() if national is not None else set()
    low, high = spec.SIZES["national"].decree
    if len(sizes) == 1 and low <= next(iter(sizes)) <= high:
        return next(iter(sizes))
    return high


def _national(para: Para) -> Iterator[Issue]:
    text = clean(para.shown.split("\n")[0])
    if text != spec.NATIONAL_NAME:
        old_tones = key(text) == spec.NATIONAL_NAME and text == text.upper()
        yield Issue(
            "header.national_name",
            at(para),
            quote(text),
            quote(spec.NATIONAL_NAME),
            severity="warning" if old_tones else None,
        )
    if para.line_breaks == 0:
        yield from looks("header.national_name", para, size=spec.SIZES["national"], bold=True)
        yield from one_line("header.national_name", para)


def _motto(anatomy: Anatomy, national: Para) -> Iterator[Issue]:
    motto = anatomy.motto
    if motto is None:
        yield Issue("header.motto", at(national), t("missing_below"), quote(spec.MOTTO))
        return
    shared = motto is national  # both lines in one paragraph: sizes cannot be told apart
    text = clean(motto.shown.split("\n")[-1] if shared else motto.shown)
    if text != spec.MOTTO:
        yield Issue("header.motto", at(motto), quote(text), quote(spec.MOTTO))
    size = national_size(anatomy) + spec.STEP_PT  # the decree ties it to the Quốc hiệu
    if not shared:
        yield from looks("header.motto", motto, size=(size, size), bold=True)
        yield from one_line("header.motto", motto)
    stroke = anatomy.motto_stroke
    if stroke is None:
        yield Issue("header.motto_rule", at(motto), t("no_line"), t("line_as_text"))
        return
    width = text_width(text, size, bold=True) if shared else line_width(motto)
    ratio = stroke.length / max(width, 1)
    low, high = spec.MOTTO_RULE
    if not low <= ratio <= high:
        found = t("line_ratio", ratio=round(ratio * 100))
        yield Issue("header.motto_rule", at(motto), found, t("line_as_text"), severity="warning")


def _issuer(anatomy: Anatomy, national: Para) -> Iterator[Issue]:
    lines = anatomy.issuer
    if not lines:
        yield Issue("header.issuer", at(national), t("missing_left"), t("issuer_expected"))
        return
    first_bold = next((i for i, para in enumerate(lines) if para.all_bold()), None)
    for para in lines:
        yield from looks("header.issuer", para, size=spec.SIZES["issuer"], caps=True)
    if first_bold is None:
        yield Issue("header.issuer", at(lines[-1]), t("not_bold"), t("issuer_bold"))
    else:
        for para in lines[first_bold:]:
            yield from looks("header.issuer", para, bold=True)
    yield from _issuer_rule(anatomy, lines[first_bold or 0 :])


def _issuer_rule(anatomy: Anatomy, issuing: list[Para]) -> Iterator[Issue]:
    last = issuing[-1]
    stroke = anatomy.issuer_stroke
    if stroke is None:
        yield Issue("header.issuer_rule", at(last), t("no_line"), t("short_line"))
        return
    yield from short_rule("header.issuer_rule", stroke, max(line_width(p) for p in issuing), last)


def one_line(rule: str, para: Para, severity: Severity | None = None) -> Iterator[Issue]:
    """An issue when `para` is too wide for its column or page and wraps onto a second line."""
    room = para.width - para.fmt.left - para.fmt.right - max(para.fmt.first_line, 0)
    width = line_width(para)
    if para.line_breaks == 0 and width > room:
        found = t("wraps", width=_cm(width), room=_cm(room))
        yield Issue(rule, at(para), found, t("one_line"), severity=severity)


def _cm(twips: float) -> float:
    return round(twips / TWIPS_PER_CM, 2)


def short_rule(
    rule: str, stroke: Stroke, text_length: float, under: Para, low: float | None = None
) -> Iterator[Issue]:
    """Warnings when a short rule is not 1/3-1/2 (or `low`-1/2) of the text's length or
    not centred."""
    ratio = stroke.length / max(text_length, 1)
    shortest, high = spec.SHORT_RULE
    slack = spec.SHORT_RULE_SLACK
    low = shortest - slack if low is None else low
    if not low <= ratio <= high + slack:
        found = t("line_ratio", ratio=round(ratio * 100))
        yield Issue(rule, at(under), found, t("short_line"), severity="warning")
    fmt = stroke.para.fmt
    if stroke.border and abs(fmt.left - fmt.right) > _CENTRE_SLACK:
        yield Issue(rule, at(under), t("line_off_centre"), t("line_centred"), severity="warning")

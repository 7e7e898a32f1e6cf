"""The date line: `<place>, ngày DD tháng M năm YYYY`, the zero rule, italic, stepped size."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import replace

from .. import spec
from ..anatomy import Anatomy
from ..messages import quote, t
from ..model import Para
from ..report import Issue
from ..text import clean
from .common import at, looks
from .header import national_size

_LINE = re.compile(
    r"^(?P<place>[^,]*),\s*ngày(?P<day>[^a-zđ]*?)tháng(?P<month>[^a-zđ]*?)năm(?P<year>.*)$"
)
_BLANK = re.compile(r"^[\s.…_]*$")


def check(anatomy: Anatomy) -> Iterator[Issue]:
    """date.format, date.leading_zero, date.style."""
    para = anatomy.date
    if para is None:
        if anatomy.national is not None:
            yield Issue("date.format", at(anatomy.national), t("missing"), t("date_shape"))
        return
    text = clean(para.text)
    match = _LINE.match(text)
    if match is None or not match.group("place").strip():
        yield Issue("date.format", at(para), quote(text), t("date_shape"))
    else:
        yield from _parts(para, match)
    # The decree allows 13-14 pt; our documents print it at the Tiêu ngữ's size.
    decree = spec.SIZES["date"]
    size = replace(decree, house=national_size(anatomy) + spec.STEP_PT)
    yield from looks("date.style", para, size=size, italic=True, bold=False)


def _parts(para: Para, match: re.Match[str]) -> Iterator[Issue]:
    day, month, year = (match.group(name).strip() for name in ("day", "month", "year"))
    values: dict[str, int] = {}
    for name, raw, low, high in (("ngày", day, 1, 31), ("tháng", month, 1, 12)):
        if _BLANK.match(raw):
            continue
        if not raw.isdigit() or not low <= int(raw) <= high:
            yield Issue("date.format", at(para), quote(f"{name} {raw}"), t("date_shape"))
            continue
        values[name] = int(raw)
        # Days 1-9 and months 1-2 take a leading zero; months 3-12 do not.
        zero = int(raw) < 10 if name == "ngày" else int(raw) < 3
        wanted = f"{int(raw):02d}" if zero else str(int(raw))
        if raw != wanted:
            yield Issue(
                "date.leading_zero", at(para), quote(f"{name} {raw}"), quote(f"{name} {wanted}")
            )
    if not _BLANK.match(year) and not (year.isdigit() and len(year) == 4):
        yield Issue("date.format", at(para), quote(f"năm {year}"), t("year_digits"))
    elif len(values) == 2 and year.isdigit():
        try:
            datetime.date(int(year), values["tháng"], values["ngày"])
        except ValueError:
            found = quote(f"ngày {day} tháng {month} năm {year}")
            yield Issue("date.format", at(para), found, t("real_date"))

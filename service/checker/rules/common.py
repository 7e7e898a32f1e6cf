"""What many rules share: locating a paragraph and judging size, weight, slant, case, alignment."""

from __future__ import annotations

from ..messages import Msg, quote, t
from ..model import Para
from ..report import Issue, Where
from ..spec import Size
from ..text import first_words, in_capitals

JUSTIFIED = frozenset({"both", "distribute"})
CENTRED = frozenset({"center"})


def at(para: Para) -> Where:
    """Where `para` is."""
    return Where(
        part=para.part,
        paragraph=para.index + 1,  # as people count: the first paragraph is 1
        text=first_words(para.text),
        page=para.page,
        section=para.section + 1 if para.part == "body" else None,
    )


def points(low: float, high: float) -> Msg:
    """A size or a range of sizes in points."""
    return t("pt", value=low) if low == high else t("pt_range", low=low, high=high)


def sized(rule: str, para: Para, size: Size | tuple[float, float]) -> list[Issue]:
    """An issue when a size on `para` is outside the decree's range, else (for the house
    profile) when it is not the size our renderer prints. Sub- and superscript runs, such
    as footnote marks, print smaller by design and are left out."""
    sizes = {run.fmt.size for run in para.inked if not run.fmt.raised}
    if not sizes:
        return []
    low, high = size.decree if isinstance(size, Size) else size
    found = t("pt_list", values=sorted(sizes))
    if any(not low <= value <= high for value in sizes):
        return [Issue(rule, at(para), found, points(low, high))]
    if isinstance(size, Size) and sizes != {size.house}:
        return [Issue(rule, at(para), found, points(size.house, size.house), basis="house")]
    return []


def align_name(value: str) -> Msg:
    """The name of a w:jc value."""
    known = {"both": "both", "distribute": "both", "center": "center", "right": "right"}
    return t(f"align.{known.get(value, 'left')}")


def looks(
    rule: str,
    para: Para,
    *,
    size: Size | tuple[float, float] | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    caps: bool | None = None,
    align: frozenset[str] | None = None,
) -> list[Issue]:
    """One issue per aspect of `para` that differs from what is asked."""
    issues: list[Issue] = []
    where = at(para)
    if size is not None and para.inked:
        issues.extend(sized(rule, para, size))
    if bold is not None and para.inked:
        if bold and not para.all_bold():
            found = t("partly_bold" if para.any_bold() else "not_bold")
            issues.append(Issue(rule, where, found, t("bold")))
        elif not bold and para.any_bold():
            issues.append(Issue(rule, where, t("bold"), t("not_bold")))
    if italic is not None and para.inked:
        if italic and not para.all_italic():
            found = t("partly_italic" if para.any_italic() else "upright")
            issues.append(Issue(rule, where, found, t("italic")))
        elif not italic and para.any_italic():
            issues.append(Issue(rule, where, t("italic"), t("upright")))
    if caps and not in_capitals(para.shown):
        issues.append(Issue(rule, where, quote(first_words(para.shown, 6)), t("caps")))
    if align is not None and para.fmt.align not in align:
        expected = align_name(next(iter(sorted(align))))
        issues.append(Issue(rule, where, align_name(para.fmt.align), expected))
    return issues

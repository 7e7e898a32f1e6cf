"""Effective run and paragraph formatting: direct -> character style -> paragraph style
(basedOn chains) -> numbering level -> document defaults, with theme fonts resolved.

Toggle properties (bold, italic, caps) follow ECMA-376 §17.7.3: inside a style they flip
the value inherited so far when set true, while direct formatting sets them outright.
Table styles are not applied (the header and closing tables of our documents and of
hand-made ones carry no run formatting in them).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .ooxml import HALF_POINTS, HUNDREDTHS, W_VAL, Element, attr, child, int_attr, local, on_off, w
from .package import ThemeFonts

DEFAULT_SIZE_HALF_POINTS = 20  # ECMA-376: 10 pt when no level sets w:sz
TOGGLES = ("b", "i", "caps")
_SPACE = (0, 31680)  # twips (or 240ths of a line): Word's spacing goes up to 1584 pt
FONT_SLOTS = ("ascii", "hAnsi")

Props = dict[str, Any]


@dataclass(frozen=True, slots=True)
class RunFormat:
    """The effective character formatting of a run."""

    ascii: str | None  # typeface of the ASCII slot; None when no level names one
    h_ansi: str | None  # typeface of the high-ANSI slot (Vietnamese letters)
    size: float  # points
    bold: bool
    italic: bool
    caps: bool
    hidden: bool
    color: str | None  # RRGGBB, "auto", or a theme colour name prefixed "theme:"
    raised: bool = False  # superscript or subscript (a footnote mark)


@dataclass(frozen=True, slots=True)
class ParaFormat:
    """The effective paragraph formatting, lengths in twips."""

    style_id: str
    align: str  # w:jc value: left/start, center, right/end, both, distribute...
    left: int
    right: int
    first_line: int  # negative for a hanging indent
    first_line_chars: int  # hundredths of a character; overrides first_line when non-zero
    before: int
    after: int
    before_auto: bool
    after_auto: bool
    line: int
    line_rule: str  # auto (240ths of a line), exact or atLeast (twips)
    contextual: bool
    page_break_before: bool
    outline_level: int | None
    border_top: bool
    border_bottom: bool
    tabs: tuple[int, ...] = ()  # custom tab stops, twips from the left indent, in order


class StyleSheet:
    """Resolves effective formatting against one document's styles; caches every lookup."""

    def __init__(self, styles: Element | None, theme: ThemeFonts) -> None:
        """Index the styles part; nothing is resolved until asked."""
        self._theme = theme
        self._by_id: dict[str, Element] = {}
        self._default: dict[str, str] = {}
        self._doc_rpr: Props = {}
        self._doc_ppr: Props = {}
        if styles is not None:
            self._index(styles)
        self._run_base = cache(self._run_base_uncached)
        self._chain_rpr = cache(self._chain_rpr_uncached)
        self._chain_ppr = cache(self._chain_ppr_uncached)

    def _index(self, styles: Element) -> None:
        for style in styles.iterfind(w("style")):
            style_id = attr(style, "styleId")
            if style_id is None:
                continue
            self._by_id[style_id] = style
            kind = attr(style, "type") or "paragraph"
            if attr(style, "default") in ("1", "true", "on") and kind not in self._default:
                self._default[kind] = style_id
        defaults = child(styles, "docDefaults")
        self._doc_rpr = parse_rpr(child(child(defaults, "rPrDefault"), "rPr"))
        self._doc_ppr = parse_ppr(child(child(defaults, "pPrDefault"), "pPr"))

    def paragraph_style(self, style_id: str | None) -> str:
        """The id of the paragraph style in force (the default style when unset or unknown)."""
        if style_id is not None and style_id in self._by_id:
            return style_id
        return self._default.get("paragraph", "")

    def style_ppr(self, style_id: str) -> Props:
        """The paragraph properties a style chain sets (numbering reference included)."""
        return self._chain_ppr(style_id)

    def _chain(self, style_id: str | None) -> list[Element]:
        chain: list[Element] = []
        seen: set[str] = set()
        while style_id and style_id in self._by_id and style_id not in seen:
            seen.add(style_id)
            style = self._by_id[style_id]
            chain.append(style)
            style_id = attr(child(style, "basedOn"), "val")
        chain.reverse()  # root first, so the most derived style overrides
        return chain

    def _chain_rpr_uncached(self, style_id: str | None) -> Props:
        merged: Props = {}
        for style in self._chain(style_id):
            merge_rpr(merged, parse_rpr(child(style, "rPr")))
        return merged

    def _chain_ppr_uncached(self, style_id: str | None) -> Props:
        merged: Props = {}
        for style in self._chain(style_id):
            merge_ppr(merged, parse_ppr(child(style, "pPr")))
        return merged

    def _run_base_uncached(self, para_style: str, char_style: str | None) -> Props:
        para = self._chain_rpr(para_style)
        char = self._chain_rpr(char_style) if char_style else {}
        base: Props = {"fonts": {}}
        for level in (self._doc_rpr, para, char):
            merge_rpr(base, level)
        for name in TOGGLES:
            value = bool(self._doc_rpr.get(name, False))
            for level in (para, char):
                if level.get(name):
                    value = not value
            base[name] = value
        return base

    def run_format(self, para_style: str, char_style: str | None, direct: Props) -> RunFormat:
        """The effective formatting of a run with direct properties `direct` (see parse_rpr)."""
        props = dict(self._run_base(para_style, char_style))
        merge_rpr(props, direct)
        fonts = props["fonts"]
        return RunFormat(
            ascii=self._font(fonts.get("ascii")),
            h_ansi=self._font(fonts.get("hAnsi")),
            size=props.get("sz", DEFAULT_SIZE_HALF_POINTS) / 2,
            bold=props["b"],
            italic=props["i"],
            caps=props["caps"],
            hidden=bool(props.get("vanish", False)),
            color=props.get("color"),
            raised=bool(props.get("raised", False)),
        )

    def _font(self, slot: tuple[str, str] | None) -> str | None:
        if slot is None:
            return None
        kind, value = slot
        return (self._theme.resolve(value) or None) if kind == "theme" else value

    def para_format(
        self, style_id: str, direct: Props, numbering: Props, direct_numbering: bool
    ) -> ParaFormat:
        """The effective paragraph formatting from its style, list level and direct pPr."""
        merged: Props = {}
        merge_ppr(merged, self._doc_ppr)
        style = self._chain_ppr(style_id)
        # Word lets a list's indents beat the style's when the list is applied directly.
        layers = (style, numbering) if direct_numbering else (numbering, style)
        for layer in (*layers, direct):
            merge_ppr(merged, layer)
        ind = merged.get("ind", {})
        spacing = merged.get("spacing", {})
        borders = merged.get("bdr", {})
        return ParaFormat(
            style_id=style_id,
            align=merged.get("jc", "left"),
            left=ind.get("left", 0),
            right=ind.get("right", 0),
            first_line=ind.get("first", 0),
            first_line_chars=ind.get("first_chars", 0),
            before=_lines_or(spacing, "before"),
            after=_lines_or(spacing, "after"),
            before_auto=spacing.get("before_auto", False),
            after_auto=spacing.get("after_auto", False),
            line=spacing.get("line", 240),
            line_rule=spacing.get("rule", "auto"),
            contextual=merged.get("contextual", False),
            page_break_before=merged.get("pbb", False),
            outline_level=merged.get("outline"),
            border_top=borders.get("top", False),
            border_bottom=borders.get("bottom", False),
            tabs=tuple(sorted(pos for pos, kind in merged.get("tabs", {}).items() if kind)),
        )


def _lines_or(spacing: Props, side: str) -> int:
    lines = spacing.get(f"{side}_lines")
    # A "line" of w:beforeLines is 12 pt (240 twips) whatever the font size.
    return int(lines) * 240 // 100 if lines is not None else int(spacing.get(side, 0))


def parse_rpr(rpr: Element | None) -> Props:
    """The character properties a w:rPr sets (only those the checker needs)."""
    props: Props = {}
    if rpr is None:
        return props
    for element in rpr:
        tag = local(element.tag)
        if tag in TOGGLES or tag == "vanish":
            props[tag] = on_off(element)
        elif tag == "sz":
            size = int_attr(element, "val", HALF_POINTS)
            if size is not None:
                props["sz"] = size
        elif tag == "rFonts":
            fonts = _fonts(element)
            if fonts:
                props["fonts"] = fonts
        elif tag == "vertAlign":
            props["raised"] = element.get(W_VAL) in ("superscript", "subscript")
        elif tag == "color":
            theme = attr(element, "themeColor")
            props["color"] = f"theme:{theme}" if theme else (element.get(W_VAL) or "auto")
    return props


def _fonts(r_fonts: Element) -> dict[str, tuple[str, str]]:
    fonts: dict[str, tuple[str, str]] = {}
    for slot in FONT_SLOTS:
        theme = attr(r_fonts, f"{slot}Theme")
        name = attr(r_fonts, slot)
        # A level naming either attribute of a slot defines the slot; its theme wins.
        if theme:
            fonts[slot] = ("theme", theme)
        elif name:
            fonts[slot] = ("name", name)
    return fonts


def merge_rpr(into: Props, props: Props) -> None:
    """Overlay `props` on `into`, font slot by font slot."""
    for key, value in props.items():
        if key == "fonts":
            into["fonts"] = {**into.get("fonts", {}), **value}
        else:
            into[key] = value


def parse_ppr(ppr: Element | None) -> Props:
    """The paragraph properties a w:pPr sets (only those the checker needs)."""
    props: Props = {}
    if ppr is None:
        return props
    for element in ppr:
        tag = local(element.tag)
        if tag == "jc":
            props["jc"] = element.get(W_VAL, "left")
        elif tag == "ind":
            props["ind"] = _ind(element)
        elif tag == "spacing":
            props["spacing"] = _spacing(element)
        elif tag == "contextualSpacing":
            props["contextual"] = on_off(element)
        elif tag == "pageBreakBefore":
            props["pbb"] = on_off(element)
        elif tag == "outlineLvl":
            props["outline"] = int_attr(element, "val", (0, 9))
        elif tag == "pBdr":
            props["bdr"] = _borders(element)
        elif tag == "tabs":
            props["tabs"] = _tabs(element)
        elif tag == "numPr":
            num_id = attr(child(element, "numId"), "val")
            level = int_attr(child(element, "ilvl"), "val", (0, 8)) or 0
            if num_id is not None:
                props["num"] = (num_id, level)
    return props


def _ind(ind: Element) -> Props:
    values: Props = {}
    for key, names in (("left", ("left", "start")), ("right", ("right", "end"))):
        for name in names:
            value = int_attr(ind, name)
            if value is not None:
                values[key] = value
                break
    hanging, first = int_attr(ind, "hanging"), int_attr(ind, "firstLine")
    if hanging is not None:
        values["first"] = -hanging
    elif first is not None:
        values["first"] = first
    hanging_chars = int_attr(ind, "hangingChars", HUNDREDTHS)
    first_chars = int_attr(ind, "firstLineChars", HUNDREDTHS)
    if hanging_chars is not None:
        values["first_chars"] = -hanging_chars
    elif first_chars is not None:
        values["first_chars"] = first_chars
    return values


def _spacing(spacing: Element) -> Props:
    values: Props = {}
    for key, name, bounds in (
        ("before", "before", _SPACE),
        ("after", "after", _SPACE),
        ("line", "line", _SPACE),
        ("before_lines", "beforeLines", (0, HUNDREDTHS[1])),
        ("after_lines", "afterLines", (0, HUNDREDTHS[1])),
    ):
        value = int_attr(spacing, name, bounds)
        if value is not None:
            values[key] = value
    for key, name in (("before_auto", "beforeAutospacing"), ("after_auto", "afterAutospacing")):
        raw = attr(spacing, name)
        if raw is not None:
            values[key] = raw.lower() in ("1", "true", "on")
    rule = attr(spacing, "lineRule")
    if rule is not None:
        values["rule"] = rule
    return values


def _tabs(tabs: Element) -> dict[int, bool]:
    # Stop position -> True when set, False when a w:val="clear" removes an inherited one.
    stops: dict[int, bool] = {}
    for tab in tabs.iterfind(w("tab")):
        position = int_attr(tab, "pos")
        if position is not None:
            stops[position] = attr(tab, "val") != "clear"
    return stops


def _borders(bdr: Element) -> Props:
    sides: Props = {}
    for side in ("top", "bottom"):
        border = child(bdr, side)
        if border is not None:
            sides[side] = border.get(W_VAL, "nil") not in ("nil", "none")
    return sides


def merge_ppr(into: Props, props: Props) -> None:
    """Overlay `props` on `into`; indents, spacing and borders merge attribute by attribute."""
    for key, value in props.items():
        if key in ("ind", "spacing", "bdr", "tabs"):
            merged = {**into.get(key, {}), **value}
            if key == "ind" and "first" in value and "first_chars" not in value:
                merged.pop("first_chars", None)
            into[key] = merged
        else:
            into[key] = value

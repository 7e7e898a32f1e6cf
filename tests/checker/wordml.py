"""Small WordprocessingML edits python-docx has no API for: fonts in every slot, borders,
indents, fields and drawn lines, with w:pPr children kept in the schema's order."""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from .content import Look


def mm(value: float) -> int:
    """Millimetres in twips."""
    return round(value * 1440 / 25.4)


def fonts(rpr: Any, font: str) -> None:
    """Name `font` in every slot; "+minorHAnsi" and the like name a theme font instead."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    element = OxmlElement("w:rFonts")
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        if font.startswith("+"):
            element.set(qn(f"w:{slot}Theme"), font[1:])
        else:
            element.set(qn(f"w:{slot}"), font)
    rpr.insert(0, element)


def paragraph_look(ppr: Any, look: Look) -> None:
    """Spacing, first-line indent and alignment of `look` on a w:pPr."""
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), str(look.before))
    spacing.set(qn("w:after"), str(look.after))
    spacing.set(qn("w:line"), str(look.line))
    spacing.set(qn("w:lineRule"), "auto")
    ind = OxmlElement("w:ind")
    ind.set(qn("w:firstLine"), str(look.first_line))
    jc = OxmlElement("w:jc")
    jc.set(qn("w:val"), look.align)
    for element in (spacing, ind, jc):
        insert_ppr(ppr, element)


# w:pPr children must keep the schema's order or Word refuses the file.
PPR_ORDER = [
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
]


def insert_ppr(ppr: Any, element: Any) -> None:
    """Put `element` in `ppr`, replacing its namesake, in schema order."""
    name = element.tag.rpartition("}")[2]
    for old in ppr.findall(element.tag):
        ppr.remove(old)
    rank = PPR_ORDER.index(name)
    for index, existing in enumerate(ppr):
        if PPR_ORDER.index(existing.tag.rpartition("}")[2]) > rank:
            ppr.insert(index, element)
            return
    ppr.append(element)


def indents(paragraph: Any, each: int) -> None:
    """Equal left and right indents, no first-line indent."""
    ppr = paragraph._p.get_or_add_pPr()
    ind = ppr.find(qn("w:ind"))
    if ind is None:
        ind = OxmlElement("w:ind")
        insert_ppr(ppr, ind)
    ind.set(qn("w:left"), str(each))
    ind.set(qn("w:right"), str(each))
    ind.set(qn("w:firstLine"), "0")


def border(paragraph: Any, side: str) -> None:
    """A thin single border on one side of the paragraph."""
    borders = OxmlElement("w:pBdr")
    line = OxmlElement(f"w:{side}")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        line.set(qn(f"w:{key}"), value)
    borders.append(line)
    insert_ppr(paragraph._p.get_or_add_pPr(), borders)


def field_part(r: Any, kind: str, text: str) -> None:
    """Append one piece of a complex field (begin, instr, separate, text, end)."""
    if kind == "instr":
        element = OxmlElement("w:instrText")
        element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        element.text = text
    elif kind == "text":
        element = OxmlElement("w:t")
        element.text = text
    else:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
    r.append(element)


def line_run(length: int, vml: bool) -> Any:
    """A run drawing a straight line `length` twips long, as DrawingML or VML."""
    emu = length * 635
    if vml:
        xml = (
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict>'
            f'<v:line from="0,0" to="{length / 20}pt,0" strokeweight=".5pt"/></w:pict></w:r>'
        )
    else:
        xml = (
            '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
            'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<w:drawing><wp:anchor><wp:extent cx="{emu}" cy="0"/><wp:docPr id="9" name="Line"/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
            'wordprocessingShape"><wps:wsp><wps:spPr><a:prstGeom prst="line"/></wps:spPr>'
            "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
        )
    return etree.fromstring(xml)

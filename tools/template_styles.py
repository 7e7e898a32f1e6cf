"""The paragraph and character styles of our DOCX templates (styles.xml), from Decree 30."""

from __future__ import annotations

from dataclasses import dataclass

from service.rendering.layout import text_width_mm
from service.rendering.page import FIRST_LINE_INDENT_MM, twips

FONT = "Times New Roman"
SALUTATION_MM = 30  # `Kính gửi:` of a list of addressees starts here
ADDRESSEE_MM = SALUTATION_MM + text_width_mm("Kính gửi: ", 14)  # dash lines under the colon


@dataclass(frozen=True)
class Style:
    """One paragraph (or character) style; every style states font, size and weight itself."""

    style_id: str
    name: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "both"
    first_line: bool = False
    before: int = 0  # points
    after: int = 0  # points
    keep_next: bool = False
    outline: int | None = None
    character: bool = False
    line: str = 'w:line="240" w:lineRule="auto"'
    left_mm: float = 0
    superscript: bool = False
    sized: bool = True  # a character style may leave the size to its paragraph


BODY = dict(first_line=True, after=6)
STYLES = [
    Style("Normal", "Normal", align="left"),
    Style("BodyText", "Body Text", **BODY),
    Style("LegalBasis", "Legal Basis", italic=True, **BODY),
    Style("ListDash", "List Dash", **BODY),
    Style("ListPlus", "List Plus", **BODY),
    Style("Heading1", "heading 1", bold=True, keep_next=True, outline=0, **BODY),
    Style("Heading2", "heading 2", bold=True, keep_next=True, outline=1, **BODY),
    Style("Heading3", "heading 3", bold=True, keep_next=True, outline=2, **BODY),
    Style("Heading4", "heading 4", bold=True, keep_next=True, outline=3, **BODY),
    Style("IssuerParent", "Issuer Parent", size=13, align="center"),
    Style("Issuer", "Issuer", size=13, bold=True, align="center"),
    Style("NationalName", "National Name", size=13, bold=True, align="center"),
    Style("Motto", "Motto", size=14, bold=True, align="center"),
    Style(
        "HeaderRule",
        "Header Rule",
        size=2,
        align="center",
        before=3,  # clear of the descenders: a rule under the text, not an underline
        line='w:line="40" w:lineRule="exact"',
    ),
    # `V/v ...` sits 6 pt under `Số: ...` (Decree 30); the space belongs to the number line.
    Style("DocNumber", "Document Number", size=13, align="center", before=6, after=6),
    Style("Subject", "Subject", size=13, align="center", before=0),
    Style("PlaceDate", "Place and Date", size=14, italic=True, align="center", before=6),
    Style("DocType", "Document Type", bold=True, align="center", before=18, keep_next=True),
    Style("Title", "Title", bold=True, align="center", keep_next=True),
    Style(
        "TitleRule",
        "Title Rule",
        size=2,
        align="center",
        before=3,
        after=12,
        line='w:line="40" w:lineRule="exact"',
    ),
    Style("Salutation", "Salutation", align="center", before=6, after=6),
    Style("SalutationList", "Salutation List", align="left", before=6, left_mm=SALUTATION_MM),
    Style("Addressee", "Addressee", align="left", after=3, left_mm=ADDRESSEE_MM),
    Style(
        "RecipientsLabel",
        "Recipients Label",
        size=12,
        bold=True,
        italic=True,
        align="left",
        before=0,  # level with the first signature line
    ),
    Style("Recipient", "Recipient", size=11, align="left"),
    Style("SignerAuthority", "Signer Authority", bold=True, align="center"),
    Style("SignatureSpace", "Signature Space", align="center"),
    Style("SignerName", "Signer Name", bold=True, align="center"),
    Style("AppendixLabel", "Appendix Label", bold=True, align="center", keep_next=True),
    Style("AppendixTitle", "Appendix Title", bold=True, align="center", keep_next=True),
    Style("AppendixSubtitle", "Appendix Subtitle", bold=True, align="center", keep_next=True),
    Style("AppendixReference", "Appendix Reference", italic=True, align="center", after=12),
    Style("Header", "header", align="center"),
    Style("RunInHeading", "Run-in Heading", bold=True, character=True),
    # A decision (QUYẾT ĐỊNH): the deciding authority and `QUYẾT ĐỊNH:` before the articles.
    Style("Authority", "Authority", bold=True, align="center", before=6, after=6, keep_next=True),
    Style("Decides", "Decides", bold=True, align="center", before=6, after=6, keep_next=True),
    Style("Signoff", "Signoff", bold=True, align="center", before=12),
    # Tables: the decree leaves them to the issuer; 12 pt, the size offices use most.
    Style("TableText", "Table Text", size=12, align="left", before=2, after=2),
    Style("TableHeader", "Table Header", size=12, bold=True, align="center", before=2, after=2),
    Style("TableGroup", "Table Group", size=12, bold=True, align="left", before=2, after=2),
    Style("FootnoteText", "footnote text", size=12, align="both"),
    Style("FootnoteReference", "footnote reference", character=True, superscript=True, sized=False),
]


def run_properties(style: Style) -> str:
    """Font in all four slots, size, weight, slant and colour, stated explicitly."""
    half_points = round(style.size * 2)
    b = "" if style.bold else ' w:val="0"'
    i = "" if style.italic else ' w:val="0"'
    size = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>' if style.sized else ""
    raised = '<w:vertAlign w:val="superscript"/>' if style.superscript else ""
    return (
        f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        f'<w:b{b}/><w:bCs{b}/><w:i{i}/><w:iCs{i}/><w:color w:val="000000"/>{size}{raised}'
        '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>'
    )


def paragraph_properties(style: Style) -> str:
    """Spacing, indent, alignment and outline level of a paragraph style."""
    keep = "<w:keepNext/>" if style.keep_next else ""
    spacing = (
        f'<w:spacing w:before="{style.before * 20}" w:after="{style.after * 20}" {style.line}/>'
    )
    indent = (
        f'<w:ind w:firstLine="{twips(FIRST_LINE_INDENT_MM)}"/>'
        if style.first_line
        else f'<w:ind w:left="{twips(style.left_mm)}" w:right="0" w:firstLine="0"/>'
    )
    outline = "" if style.outline is None else f'<w:outlineLvl w:val="{style.outline}"/>'
    align = f'<w:jc w:val="{style.align}"/>'
    return f"<w:pPr>{keep}<w:widowControl/>{spacing}{indent}{align}{outline}</w:pPr>"


def style_xml(style: Style) -> str:
    """One <w:style> element."""
    if style.character:
        return (
            f'<w:style w:type="character" w:customStyle="1" w:styleId="{style.style_id}">'
            f'<w:name w:val="{style.name}"/><w:qFormat/>{run_properties(style)}</w:style>'
        )
    default = ' w:default="1"' if style.style_id == "Normal" else ""
    based = "" if style.style_id == "Normal" else '<w:basedOn w:val="Normal"/>'
    custom = (
        ""
        if style.name[0].islower() or style.style_id in ("Normal", "BodyText", "Title")
        else ' w:customStyle="1"'
    )
    return (
        f'<w:style w:type="paragraph"{default}{custom} w:styleId="{style.style_id}">'
        f'<w:name w:val="{style.name}"/>{based}<w:qFormat/>'
        f"{paragraph_properties(style)}{run_properties(style)}</w:style>"
    )


def styles_xml() -> str:
    """The whole styles part: document defaults in Times New Roman 14, then every style."""
    defaults = Style("_", "_", align="left")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:docDefaults><w:rPrDefault>{run_properties(defaults)}</w:rPrDefault>"
        '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault></w:docDefaults>"
        + "".join(style_xml(s) for s in STYLES)
        + '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
        '<w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:left w:w="108" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        "</w:styles>"
    )

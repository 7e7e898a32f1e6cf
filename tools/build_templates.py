"""Write templates/ke_hoach.docx and templates/cong_van.docx, the docxtpl templates.

The .docx files are the source of truth once written: administrators open, restyle and
save them in Word. This script is how they were first made, kept to rebuild them after a
deliberate change of layout (`make templates`).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from template_styles import styles_xml

from service.rendering import page
from service.rendering.layout import centred_rule, text_width_mm

OUT = Path(__file__).resolve().parent.parent / "templates"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
RULE_BORDER = '<w:{side} w:val="single" w:sz="6" w:space="{space}" w:color="000000"/>'


def run(text: str, char_style: str | None = None) -> str:
    """A run keeping its spaces, optionally with a character style."""
    rpr = f'<w:rPr><w:rStyle w:val="{char_style}"/></w:rPr>' if char_style else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def para(style: str, *runs: str, extra_ppr: str = "") -> str:
    """A paragraph of the given style."""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra_ppr}</w:pPr>{"".join(runs)}</w:p>'


def tag(text: str) -> str:
    """A paragraph holding only a docxtpl `{%p ... %}` tag (removed on rendering)."""
    return para("Normal", run(text))


def rule_para(style: str, name: str, side: str = "top") -> str:
    """An empty paragraph whose border is a short line; `{% rule x %}` sets its length."""
    border = f"<w:pBdr>{RULE_BORDER.format(side=side, space=1)}</w:pBdr>"
    indent = '<w:ind w:left="1134" w:right="1134"/>'
    return para(style, run("{% rule " + name + " %}"), extra_ppr=border + indent)


def loop(var: str, items: str, style: str) -> str:
    """One paragraph per entry of a list variable."""
    return (
        tag(f"{{%p for line in {items} %}}") + para(style, run("{{ line }}")) + tag("{%p endfor %}")
    )


def cell(width_mm: float, content: str) -> str:
    """A table cell whose width is set on the cell too (LibreOffice reads the grid only)."""
    return (
        f'<w:tc><w:tcPr><w:tcW w:w="{page.twips(width_mm)}" w:type="dxa"/>'
        f'<w:vAlign w:val="top"/></w:tcPr>{content}</w:tc>'
    )


def table(widths: tuple[float, float], rows: list[tuple[str, str]]) -> str:
    """A borderless, fixed-layout two-column table."""
    none = "".join(
        f'<w:{side} w:val="nil"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    grid = "".join(f'<w:gridCol w:w="{page.twips(w)}"/>' for w in widths)
    body = "".join(
        f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cell(widths[0], a)}{cell(widths[1], b)}</w:tr>"
        for a, b in rows
    )
    return (
        f'<w:tbl><w:tblPr><w:tblW w:w="{page.twips(sum(widths))}" w:type="dxa"/>'
        f'<w:jc w:val="center"/><w:tblBorders>{none}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="0" w:noVBand="0"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"
    )


def section_properties() -> str:
    """A4, Decree 30 margins, page numbers in the header from page 2, restarting at 1."""
    return (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeaderDefault"/>'
        '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
        f'<w:pgSz w:w="{page.twips(page.PAGE_WIDTH_MM)}" w:h="{page.twips(page.PAGE_HEIGHT_MM)}"/>'
        f'<w:pgMar w:top="{page.twips(page.MARGIN_TOP_MM)}" w:right="{page.twips(page.MARGIN_RIGHT_MM)}"'
        f' w:bottom="{page.twips(page.MARGIN_BOTTOM_MM)}" w:left="{page.twips(page.MARGIN_LEFT_MM)}"'
        f' w:header="{page.twips(page.HEADER_DISTANCE_MM)}" w:footer="{page.twips(10)}" w:gutter="0"/>'
        '<w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/></w:sectPr>'
    )


def header_table() -> str:
    """Issuer and Quốc hiệu, then number (and a công văn's V/v) and the place and date line."""
    motto_box = page.cell_text_width_mm(page.HEADER_RIGHT_MM)
    motto = centred_rule(motto_box, text_width_mm(MOTTO, 14, bold=True) + 1)
    motto_ppr = (
        f"<w:pBdr>{RULE_BORDER.format(side='bottom', space=2)}</w:pBdr>"
        f'<w:ind w:left="{motto.left}" w:right="{motto.right}"/>'
    )
    left = (
        loop("line", "parent_lines", "IssuerParent")
        + loop("line", "issuer_lines", "Issuer")
        + rule_para("HeaderRule", "issuer_rule")
    )
    right = para("NationalName", run(NATIONAL_NAME)) + para(
        "Motto", run(MOTTO), extra_ppr=motto_ppr
    )
    number = para("DocNumber", run("Số: {{ number }}")) + loop("line", "subject_lines", "Subject")
    date = para("PlaceDate", run("{{ date_line }}"))
    return table((page.HEADER_LEFT_MM, page.HEADER_RIGHT_MM), [(left, right), (number, date)])


def closing_table() -> str:
    """Nơi nhận on the left, the signature on the right, top-aligned so they are level."""
    left = (
        para("RecipientsLabel", run("Nơi nhận:"))
        + tag("{%p if recipients_label %}")
        + para("Recipient", run("{{ recipients_label }}"))
        + tag("{%p endif %}")
        + loop("line", "recipients", "Recipient")
    )
    right = (
        loop("line", "signer_lines", "SignerAuthority")
        + para("SignatureSpace") * 4
        + para("SignerName", run("{{ signer_name }}"))
    )
    return table((page.CLOSING_LEFT_MM, page.CLOSING_RIGHT_MM), [(left, right)])


def signoff_table() -> str:
    """A bold line in the signature column, under an attached plan's last paragraph."""
    right = para("Signoff", run("{{r b.runs }}"))
    return table((page.CLOSING_LEFT_MM, page.CLOSING_RIGHT_MM), [(para("Normal"), right)])


def blocks_loop() -> str:
    """The body: one paragraph per text block in the block's own style (the kinds and their
    styles: service/rendering/wordml), the rules, tables, closing table and section breaks."""
    return "".join(
        [
            tag("{%p for b in blocks %}"),
            tag("{%p if b.style %}"),
            para("{{ b.style }}", run("{{r b.runs }}")),
            tag('{%p elif b.kind == "title_rule" %}'),
            rule_para("TitleRule", "b.rule"),
            tag('{%p elif b.kind == "table" %}'),
            para("Normal", run("{{p b.xml }}")),
            tag('{%p elif b.kind == "closing_block" %}'),
            closing_table(),
            tag('{%p elif b.kind == "signoff" %}'),
            signoff_table(),
            tag('{%p elif b.kind == "section_break" %}'),
            para("Normal", run("{% page b.page %}"), extra_ppr=section_properties()),
            tag("{%p endif %}"),
            tag("{%p endfor %}"),
        ]
    )


def document_xml() -> str:
    """The main document part: the header table, then every block, then the last section."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>'
        + header_table()
        + blocks_loop()
        + para("Normal", run("{% page final_page %}"))
        + section_properties()
        + "</w:body></w:document>"
    )


def header_xml(with_page_number: bool) -> str:
    """The default header carries a centred PAGE field; the first-page header is empty."""
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        if with_page_number
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>'
        f"{field}</w:p></w:hdr>"
    )


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"""

PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"""

DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdFonts" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/><Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rIdHeaderDefault" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat><w:themeFontLang w:val="vi-VN"/></w:settings>"""

FONT_TABLE = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="{W}"><w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:creator>vn-plan-documents</dc:creator></cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>vn-plan-documents</Application></Properties>"""


FOOTNOTES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W}" xmlns:r="{R}"><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote></w:footnotes>"""

# One template per document type (service/documents): the same layout, kept apart so an
# administrator can restyle each type in Word on its own.
TEMPLATES = {
    "ke_hoach.docx": "Mẫu kế hoạch",
    "cong_van.docx": "Mẫu công văn",
    "quyet_dinh.docx": "Mẫu quyết định",
}
FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # zip entries dated alike: same input, same bytes


def write_template(path: Path, title: str) -> None:
    """Write one template package, byte for byte the same for the same code."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": CORE.format(title=title),
        "docProps/app.xml": APP,
        "word/document.xml": document_xml(),
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
        "word/settings.xml": SETTINGS,
        "word/fontTable.xml": FONT_TABLE,
        "word/footnotes.xml": FOOTNOTES,
        "word/header1.xml": header_xml(True),
        "word/header2.xml": header_xml(False),
    }
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in parts.items():
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"))


if __name__ == "__main__":
    OUT.mkdir(exist_ok=True)
    for name, title in TEMPLATES.items():
        write_template(OUT / name, title)
        print(f"wrote {OUT / name}")

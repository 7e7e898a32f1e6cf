"""Documents written by hand in WordprocessingML, laid out the ways offices lay them out:
headers and closings in tables, nested tables, one-cell frames, or with tabs and spaces."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from service.checker.anatomy import Anatomy, dissect
from service.checker.extract import build
from service.checker.package import open_package
from service.checker.pages import assign_pages
from tests import hostile


@dataclass(frozen=True)
class Line:
    """One paragraph: its text and how it looks (sizes in points)."""

    text: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: str = "both"  # w:jc
    indent: int = 720  # first-line indent, twips
    after: int = 120
    tabs: tuple[int, ...] = ()

    def xml(self) -> str:
        """The w:p."""
        tabs = "".join(f'<w:tab w:val="left" w:pos="{pos}"/>' for pos in self.tabs)
        ppr = (
            (f"<w:tabs>{tabs}</w:tabs>" if tabs else "")
            + f'<w:spacing w:after="{self.after}"/><w:ind w:firstLine="{self.indent}"/>'
            + f'<w:jc w:val="{self.align}"/>'
        )
        rpr = (
            '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
            + ("<w:b/>" if self.bold else "")
            + ("<w:i/>" if self.italic else "")
            + f'<w:sz w:val="{round(self.size * 2)}"/>'
        )
        runs = []
        for number, piece in enumerate(self.text.split("\t")):
            if number:
                runs.append(f"<w:r><w:rPr>{rpr}</w:rPr><w:tab/></w:r>")
            if piece:
                text = f'<w:t xml:space="preserve">{escape(piece)}</w:t>'
                runs.append(f"<w:r><w:rPr>{rpr}</w:rPr>{text}</w:r>")
        return f"<w:p><w:pPr>{ppr}</w:pPr>{''.join(runs)}</w:p>"


def centred(text: str, size: float = 14, bold: bool = True, italic: bool = False) -> Line:
    """A centred line without indent."""
    return Line(text, size, bold, italic, align="center", indent=0, after=0)


def table(*rows: list[list[Line | str]], widths: tuple[int, ...] = (3500, 5571)) -> str:
    """A borderless table; a cell is a list of Lines or of raw XML (a nested table)."""
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for width in widths)
    body = ""
    for row in rows:
        cells = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{widths[n]}" w:type="dxa"/></w:tcPr>'
            + "".join(item if isinstance(item, str) else item.xml() for item in cell)
            + ("" if cell and not isinstance(cell[-1], str) else "<w:p/>")
            + "</w:tc>"
            for n, cell in enumerate(row)
        )
        body += f"<w:tr>{cells}</w:tr>"
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>"


def document(*blocks: Line | str) -> bytes:
    """A DOCX of `blocks` (Lines or raw XML) on A4 with the decree's margins."""
    body = "".join(block if isinstance(block, str) else block.xml() for block in blocks)
    sect = (
        '<w:pgSz w:w="11906" w:h="16838"/>'
        '<w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="851"/>'
    )
    return hostile.docx(hostile.document(body, sect))


def anatomy(data: bytes, kind: str | None = None) -> Anatomy:
    """The parts the checker finds in `data`."""
    doc = build(open_package(data))
    assign_pages(doc)
    return dissect(doc, kind)


ISSUER = [centred("ỦY BAN NHÂN DÂN", 13, bold=False), centred("TỈNH LÂM ĐỒNG", 13)]
NATIONAL = [
    centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13),
    centred("Độc lập - Tự do - Hạnh phúc", 14),
]
DATE = centred("Lâm Đồng, ngày 05 tháng 3 năm 2026", 14, bold=False, italic=True)
RECIPIENTS = [
    Line("Nơi nhận:", 12, bold=True, italic=True, align="left", indent=0, after=0),
    Line("- Như trên;", 11, align="left", indent=0, after=0),
    Line("- Lưu: VT, NC.", 11, align="left", indent=0, after=0),
]
SIGNATURE = [
    centred("KT. CHỦ TỊCH"),
    centred("PHÓ CHỦ TỊCH"),
    centred(""),
    centred("Nguyễn Văn An"),
]
BODY = [
    Line("Ủy ban nhân dân tỉnh giao các sở, ngành triển khai thực hiện nội dung sau đây."),
    Line("Đề nghị các cơ quan, đơn vị thực hiện nghiêm túc./."),
]


_HEADER_REL = (
    '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/header" Target="header1.xml"/>'
)
PAGE_HEADER = (
    f'<w:hdr xmlns:w="{hostile.W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
    '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
    '<w:sz w:val="28"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'
    '<w:sz w:val="28"/></w:rPr><w:t>2</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>'
)


def section(*, landscape: bool = False, restart: bool = False, last: bool = False) -> str:
    """Section properties: A4 at the decree's margins (as read on the page), a numbered
    header from page 2; `last` for the body's final w:sectPr, else inside a paragraph."""
    size = (
        '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>'
        if landscape
        else ('<w:pgSz w:w="11906" w:h="16838"/>')
    )
    props = (
        '<w:headerReference w:type="default" r:id="rIdHeader"/>'
        + size
        + '<w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="851"/>'
        + ('<w:pgNumType w:start="1"/>' if restart else "")
        + "<w:titlePg/>"
    )
    return (
        f"<w:sectPr>{props}</w:sectPr>"
        if last
        else f"<w:p><w:pPr><w:sectPr>{props}</w:sectPr></w:pPr></w:p>"
    )


def numbered_document(*blocks: Line | str) -> bytes:
    """A DOCX of `blocks` whose sections (from section()) number their pages in the header."""
    import io
    import zipfile

    body = "".join(block if isinstance(block, str) else block.xml() for block in blocks)
    document_xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document '
        f'xmlns:w="{hostile.W}" xmlns:r="{hostile.R}"><w:body>{body}</w:body></w:document>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
        'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f"{_HEADER_REL}</Relationships>"
    )
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(hostile.docx(document_xml))) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/_rels/document.xml.rels", rels)
        target.writestr("word/header1.xml", PAGE_HEADER)
    return out.getvalue()


def rule(room: int, length: int) -> str:
    """An empty paragraph whose bottom border, `length` twips long, centres a short line
    under the line above it in a column `room` twips wide."""
    side = max((room - length) // 2, 0)
    return (
        '<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/>'
        f'</w:pBdr><w:spacing w:after="0"/><w:ind w:left="{side}" w:right="{side}"/>'
        '<w:jc w:val="center"/></w:pPr></w:p>'
    )

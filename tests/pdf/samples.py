"""Test DOCX files built with python-docx: Vietnamese text in Times New Roman, numbered pages."""

from __future__ import annotations

import io
import unicodedata

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

FONT = "Times New Roman"
_VOWELS = "aăâeêioôơuưy"
# No mark, then huyền, sắc, hỏi, ngã, nặng: the six tones of Vietnamese.
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")

LETTERS = [unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES] + ["đ"]
ALPHABET_LINE = "Chữ cái: " + " ".join(LETTERS) + " " + " ".join(x.upper() for x in LETTERS) + "."

_SENTENCES = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện công tác bảo đảm an sinh xã hội,"
    " chăm lo đời sống người có công và đối tượng bảo trợ xã hội trên địa bàn.",
    "Huy động nguồn lực, lồng ghép các chương trình mục tiêu quốc gia; hỗ trợ kịp thời"
    " người dân gặp khó khăn do thiên tai, dịch bệnh; giảm nghèo bền vững.",
    "Sở Lao động - Thương binh và Xã hội chủ trì, phối hợp với các sở, ngành, Ủy ban nhân dân"
    " các huyện, thành phố tổ chức triển khai, kiểm tra, đôn đốc việc thực hiện.",
    "Kinh phí thực hiện: 1.500.000 đồng mỗi người; tỷ lệ hộ nghèo giảm 1,2% so với năm trước.",
    "Những người được nhận quà phải được rà soát kỹ, đúng đối tượng, công khai, minh bạch;"
    " không để xảy ra trục lợi, thất thoát, lãng phí.",
)


def _set_run_font(run: Run) -> None:
    """Put 14 pt Times New Roman on every script slot of a run, as Word writes it."""
    run.font.size = Pt(14)
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)


def _add_page_field(paragraph: Paragraph) -> None:
    """Append a PAGE field (begin, instruction, separate, cached result, end)."""
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", " PAGE "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ]
    for kind, text in parts:
        run = paragraph.add_run()
        _set_run_font(run)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text or ""
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def paragraphs(n_paragraphs: int) -> list[str]:
    """The body text: the full alphabet first, then plan-like sentences, numbered."""
    body = [ALPHABET_LINE]
    for i in range(n_paragraphs - 1):
        body.append(
            f"{i + 1}. " + " ".join(_SENTENCES[(i + k) % len(_SENTENCES)] for k in range(2))
        )
    return body


def build_docx(n_paragraphs: int = 60, title: str = "Kế hoạch thử nghiệm") -> bytes:
    """A DOCX of about n_paragraphs / 5 A4 pages with a page number hidden on page 1."""
    doc = Document()
    doc.core_properties.title = title
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    header_par = section.header.paragraphs[0]
    header_par.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_page_field(header_par)

    for text in paragraphs(n_paragraphs):
        par = doc.add_paragraph()
        par.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        par.paragraph_format.first_line_indent = Cm(1.27)
        par.paragraph_format.space_after = Pt(6)
        run = par.add_run(text)
        _set_run_font(run)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def docx_text(docx: bytes) -> str:
    """The body text of a DOCX (headers excluded), one paragraph a line."""
    return "\n".join(p.text for p in Document(io.BytesIO(docx)).paragraphs)

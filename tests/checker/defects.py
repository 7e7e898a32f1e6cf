"""The broken-document corpus: each entry builds a correct document, breaks one thing, and
names the findings the checker must report, no more and no fewer."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor, Twips
from docx.text.paragraph import Paragraph

from . import corpus
from .content import APPENDIX_CONTENT, LOOKS, Texts, letter_texts, plan_content


@dataclass(frozen=True)
class Defect:
    """One defect: how to build it and the (rule, severity) findings it must produce."""

    name: str
    expected: tuple[tuple[str, str], ...]
    options: dict[str, Any] = field(default_factory=dict)
    mutate: Callable[[Document], None] | None = None
    kind: str = "ke_hoach"
    house: tuple[tuple[str, str], ...] = ()  # findings the house profile adds

    def build(self, carrier: str = "styles") -> Document:
        """The broken document, its formatting carried by `carrier`."""
        make = corpus.letter if self.kind == "cong_van" else corpus.plan
        document = make(carrier=carrier, **self.options)
        if self.mutate is not None:
            self.mutate(document)
        return document


def error(rule: str, count: int = 1) -> tuple[tuple[str, str], ...]:
    """`count` error findings of `rule`."""
    return ((rule, "error"),) * count


def warning(rule: str, count: int = 1) -> tuple[tuple[str, str], ...]:
    """`count` warning findings of `rule`."""
    return ((rule, "warning"),) * count


def paragraphs(document: Document) -> list[Paragraph]:
    """Every body paragraph, tables included, in document order."""
    return [Paragraph(p, document) for p in document.element.body.iter(qn("w:p"))]


def find(document: Document, prefix: str) -> Paragraph:
    """The first body paragraph whose text starts with `prefix`."""
    return next(p for p in paragraphs(document) if p.text.startswith(prefix))


def retext(prefix: str, text: str) -> Callable[[Document], None]:
    """A mutation that rewrites the paragraph starting with `prefix`."""

    def mutate(document: Document) -> None:
        paragraph = find(document, prefix)
        runs = paragraph.runs
        runs[0].text = text
        for run in runs[1:]:
            run._r.getparent().remove(run._r)

    return mutate


def on_paragraph(prefix: str, change: Callable[[Paragraph], None]) -> Callable[[Document], None]:
    """A mutation applying `change` to the paragraph starting with `prefix`."""
    return lambda document: change(find(document, prefix))


def _run_font(prefix: str, slots: tuple[str, ...]) -> Callable[[Document], None]:
    def mutate(document: Document) -> None:
        run = find(document, prefix).runs[0]
        rpr = run._r.get_or_add_rPr()
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        for slot in slots:
            fonts.set(qn(f"w:{slot}"), "Arial")

    return mutate


def _header_font(document: Document) -> None:
    header = document.sections[0].header
    for run in header.paragraphs[0].runs:
        run.font.name = "Arial"


def _red(paragraph: Paragraph) -> None:
    paragraph.runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)


def _size(points: float) -> Callable[[Paragraph], None]:
    def change(paragraph: Paragraph) -> None:
        for run in paragraph.runs:
            run.font.size = Pt(points)

    return change


def _align_left(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.alignment = 0  # WD_ALIGN_PARAGRAPH.LEFT


def _no_indent(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.first_line_indent = Twips(0)


def _no_space_after(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.space_after = Twips(0)


def _line_spacing(value: float) -> Callable[[Paragraph], None]:
    def change(paragraph: Paragraph) -> None:
        paragraph.paragraph_format.line_spacing = value

    return change


def _upright(paragraph: Paragraph) -> None:
    for run in paragraph.runs:
        run.font.italic = False


def _not_bold(paragraph: Paragraph) -> None:
    for run in paragraph.runs:
        run.font.bold = False


def _page_number_left(document: Document) -> None:
    document.sections[0].header.paragraphs[0].paragraph_format.alignment = 0


def _continuous_appendix(document: Document) -> None:
    document.sections[-1].start_type = WD_SECTION.CONTINUOUS


def _appendix_outline(document: Document) -> None:
    # As in Bảo Linh's plan: a sentence-case subtitle under the title, sentence-case parts.
    title = find(document, "ĐỀ CƯƠNG BÁO CÁO")
    subtitle = copy.deepcopy(title._p)
    title._p.addnext(subtitle)
    Paragraph(subtitle, title._parent).runs[0].text = "Kết quả công tác trẻ em 6 tháng năm 2024"
    find(document, "I. ĐẶC ĐIỂM").runs[0].text = "I. Đặc điểm tình hình"


def _no_recipients(document: Document) -> None:
    cell = document.tables[-1].cell(0, 0)
    for paragraph in cell.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    cell.paragraphs[0].runs[0].text = ""


def _huge_spacing(paragraph: Paragraph) -> None:
    # A number Word never writes (issue 15): read as absent, reported once.
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:before"), "1e300")
    paragraph._p.get_or_add_pPr().append(spacing)


def _texts(**changes: Any) -> Texts:
    return replace(Texts(), **changes)


def _letter(**changes: Any) -> Texts:
    return replace(letter_texts(), **changes)


def _look(name: str, **changes: Any) -> dict[str, Any]:
    return {"looks": {name: replace(LOOKS[name], **changes)}}


# Body Text paragraphs of the plan, in its content and in all (appendix included).
BODY_TEXT = sum(1 for look, _ in plan_content() if look == "Body Text")
BODY_TEXT_ALL = BODY_TEXT + sum(1 for look, _ in APPENDIX_CONTENT if look == "Body Text")
AUTHORITY_LINES = 3

DEFECTS: tuple[Defect, ...] = (
    Defect("letter-paper", error("page.size"), {"page_mm": (215.9, 279.4)}),
    Defect("landscape", error("page.orientation"), {"page_mm": (297, 210)}),
    Defect("left-margin-25", error("page.margins"), {"margins_mm": (20, 20, 25, 15)}),
    Defect("top-and-bottom-margins", error("page.margins", 2), {"margins_mm": (15, 26, 30, 15)}),
    Defect("arial-run", error("font.family"), mutate=_run_font("Trên đây", ("ascii", "hAnsi"))),
    Defect("arial-accented-only", error("font.family"), mutate=_run_font("Trên đây", ("hAnsi",))),
    Defect(
        "theme-font-body",
        error("font.family", BODY_TEXT_ALL),
        _look("Body Text", font="+minorHAnsi"),
    ),
    Defect("arial-page-number", error("font.family"), mutate=_header_font),
    Defect("red-text", warning("font.color"), mutate=on_paragraph("Trên đây", _red)),
    Defect("no-national-name", error("header.missing"), mutate=retext("CỘNG HÒA", "")),
    Defect(
        "national-name-old-tones",
        warning("header.national_name"),
        {"texts": _texts(national="CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")},
    ),
    Defect("national-name-14pt", error("header.national_name", 2), _look("National", size=14)),
    Defect(
        "motto-en-dashes",
        error("header.motto"),
        {"texts": _texts(motto="Độc lập – Tự do – Hạnh phúc")},
    ),
    Defect(
        "motto-no-spaces", error("header.motto"), {"texts": _texts(motto="Độc lập-Tự do-Hạnh phúc")}
    ),
    Defect("motto-not-bold", error("header.motto"), _look("Motto", bold=False)),
    Defect("motto-no-line", error("header.motto_rule"), {"motto_rule": False}),
    Defect("issuer-not-bold", error("header.issuer"), _look("Issuer", bold=False)),
    Defect(
        "issuer-lower-case",
        error("header.issuer"),
        {"texts": _texts(issuer=["Ủy ban nhân dân", "THÀNH PHỐ BẮC KẠN"])},
    ),
    Defect("issuer-no-line", error("header.issuer_rule"), {"issuer_rule": None}),
    Defect("issuer-line-too-long", warning("header.issuer_rule"), {"issuer_ratio": 0.8}),
    Defect("issuer-line-as-shape", (), {"issuer_rule": "shape"}),
    Defect("issuer-line-as-vml", (), {"issuer_rule": "vml"}),
    Defect("number-no-colon", error("number.label"), {"texts": _texts(number="Số 231/KH-UBND")}),
    Defect("number-no-zero", error("number.format"), {"texts": _texts(number="Số: 5/KH-UBND")}),
    Defect("number-blank", (), {"texts": _texts(number="Số:      /KH-UBND")}),
    Defect(
        "number-wrong-type", error("number.symbol"), {"texts": _texts(number="Số: 231/QĐ-UBND")}
    ),
    Defect(
        "number-spaces", error("number.symbol"), {"texts": _texts(number="Số: 231 / KH - UBND")}
    ),
    Defect(
        "number-with-year", error("number.year"), {"texts": _texts(number="Số: 231/2023/KH-UBND")}
    ),
    Defect("number-bold", error("number.style"), _look("Number", bold=True)),
    Defect(
        "date-no-comma",
        error("date.format"),
        {"texts": _texts(date="TP. Bắc Kạn ngày 03 tháng 4 năm 2023")},
    ),
    Defect(
        "date-no-place", error("date.format"), {"texts": _texts(date="ngày 03 tháng 4 năm 2023")}
    ),
    Defect(
        "date-month-zero",
        error("date.leading_zero"),
        {"texts": _texts(date="TP. Bắc Kạn, ngày 03 tháng 04 năm 2023")},
    ),
    Defect(
        "date-day-and-january",
        error("date.leading_zero", 2),
        {"texts": _texts(date="TP. Bắc Kạn, ngày 3 tháng 1 năm 2024")},
    ),
    Defect("date-blank-day", (), {"texts": _texts(date="TP. Bắc Kạn, ngày      tháng 4 năm 2023")}),
    Defect("date-upright", error("date.style"), _look("Date Line", italic=False)),
    Defect("type-name-lower", error("title.type_name"), {"texts": _texts(type_name="Kế hoạch")}),
    Defect("type-name-left", error("title.type_name"), _look("Type Name", align="left")),
    Defect("title-not-bold", error("title.subject"), _look("Plan Title", bold=False)),
    Defect("title-no-line", error("title.subject_rule"), {"title_rule": False}),
    Defect("title-line-long", warning("title.subject_rule"), {"title_ratio": 0.9}),
    Defect("roman-skipped", error("heading.roman"), mutate=retext("III.", "IV. TỔ CHỨC THỰC HIỆN")),
    Defect("roman-lower-case", error("heading.format"), mutate=retext("I. MỤC", "I. Mục đích")),
    Defect(
        "arabic-skipped",
        error("heading.arabic"),
        mutate=retext("2. Yêu cầu", "3. Yêu cầu"),
    ),
    Defect(
        "letter-f", error("heading.letter"), mutate=retext("g) ", "f) Rà soát, thu thập số liệu.")
    ),
    Defect(
        "letter-skipped", error("heading.letter"), mutate=retext("g) ", "h) Rà soát, thu thập.")
    ),
    Defect("bullet-item", warning("list.dash"), mutate=retext("- Xây dựng", "• Xây dựng")),
    Defect("body-12pt", error("body.size"), mutate=on_paragraph("Trên đây", _size(12))),
    Defect("body-text-12pt", error("body.size", BODY_TEXT), _look("Body Text", size=12)),
    Defect("body-text-left", error("body.align", BODY_TEXT), _look("Body Text", align="left")),
    Defect("body-left", error("body.align"), mutate=on_paragraph("Trên đây", _align_left)),
    Defect("body-no-indent", error("body.indent"), mutate=on_paragraph("Trên đây", _no_indent)),
    Defect("body-no-gap", error("body.spacing"), mutate=on_paragraph("a) ", _no_space_after)),
    Defect(
        "spacing-1e300",
        error("structure.value"),
        mutate=on_paragraph("Trên đây", _huge_spacing),
    ),
    Defect(
        "body-double-spaced",
        error("body.line_spacing"),
        mutate=on_paragraph("Trên đây", _line_spacing(2.0)),
    ),
    Defect(
        "body-one-and-a-half-once",
        (),
        mutate=on_paragraph("Trên đây", _line_spacing(1.5)),
        house=warning("body.line_spacing"),
    ),
    Defect(
        "no-end-mark",
        error("body.end_mark"),
        mutate=retext("Trên đây", "Trên đây là Kế hoạch của Ủy ban nhân dân thành phố."),
    ),
    Defect(
        "legal-basis-upright",
        error("preamble.legal_basis"),
        mutate=on_paragraph("Căn cứ", _upright),
    ),
    Defect(
        # the bases lead into the preamble's sentence (`... với các nội dung sau:`), which ends
        # them: the decree is kept; our house style still ends the last basis with `.`
        "legal-basis-last-semicolon",
        (),
        mutate=retext("Căn cứ Luật Trẻ em", "Căn cứ Luật Trẻ em ngày 05 tháng 4 năm 2016;"),
        house=warning("preamble.legal_basis"),
    ),
    Defect(
        "recipients-no-colon",
        error("recipients.label"),
        {"texts": _texts(recipients_label="Nơi nhận")},
    ),
    Defect(
        "recipients-label-upright",
        error("recipients.label"),
        _look("Recipients Label", italic=False),
    ),
    Defect(
        "recipient-full-stop",
        error("recipients.line"),
        mutate=retext("- Lãnh đạo UBND", "- Lãnh đạo UBND thành phố."),
    ),
    Defect(
        "recipient-13pt", error("recipients.line"), mutate=on_paragraph("- Lãnh đạo", _size(13))
    ),
    Defect(
        "recipients-no-archive",
        error("recipients.archive"),
        {
            "texts": _texts(
                recipients=["- Sở Lao động - Thương binh và Xã hội;", "- UBND các xã, phường."]
            )
        },
    ),
    Defect("no-recipients", error("recipients.label"), mutate=_no_recipients),
    Defect(
        "archive-no-colon",
        warning("recipients.archive"),
        mutate=retext("- Lưu", "- Lưu VT, LĐTBXH."),
    ),
    Defect("authority-no-dot", error("signature.authority"), mutate=retext("KT.", "KT CHỦ TỊCH")),
    Defect(
        "authority-not-bold",
        error("signature.authority", AUTHORITY_LINES),
        _look("Authority", bold=False),
    ),
    Defect(
        "signer-capitals", warning("signature.name"), {"texts": _texts(signer="NGUYỄN THỊ HUẾ")}
    ),
    Defect("signer-not-bold", error("signature.name"), mutate=on_paragraph("Nguyễn", _not_bold)),
    Defect("no-page-numbers", error("page_number.missing"), {"page_numbers": None}),
    Defect("letter-one-page-no-numbers", (), {"page_numbers": None}, kind="cong_van"),
    Defect("page-numbers-in-footer", error("page_number.missing"), {"page_numbers": "footer"}),
    Defect("page-number-on-page-1", error("page_number.first_page"), {"first_page_number": True}),
    Defect("page-number-left", error("page_number.format"), mutate=_page_number_left),
    Defect("appendix-continuous", error("appendix.new_page"), mutate=_continuous_appendix),
    Defect("appendix-no-section", error("appendix.page_numbering"), {"appendix_section": False}),
    Defect("appendix-no-restart", error("appendix.page_numbering"), {"appendix_restart": False}),
    Defect(
        "appendix-reference-upright",
        error("appendix.heading"),
        _look("Appendix Reference", italic=False),
    ),
    Defect("appendix-subtitle-and-outline", (), mutate=_appendix_outline),
    Defect(
        "issuer-line-break",
        warning("structure.line_break"),
        {"texts": _texts(issuer=["ỦY BAN NHÂN DÂN\nTHÀNH PHỐ BẮC KẠN"])},
    ),
    Defect(
        "letter-subject-bold",
        error("subject.format"),
        _look("Subject", bold=True),
        kind="cong_van",
    ),
    Defect(
        "letter-addressee-semicolon",
        error("addressee.format"),
        {
            "texts": _letter(
                addressees=["Kính gửi:", "- Phòng Giáo dục và Đào tạo;", "- UBND các xã, phường;"]
            )
        },
        kind="cong_van",
    ),
    Defect(
        "letter-symbol-with-type",
        error("number.symbol"),
        {"texts": _letter(number="Số: 231/CV-UBND")},
        kind="cong_van",
    ),
    Defect(
        "letter-no-nhu-tren",
        warning("recipients.first"),
        {"texts": _letter(recipients=["- Lãnh đạo UBND thành phố;", "- Lưu: VT, LĐTBXH."])},
        kind="cong_van",
    ),
)

# Defects carried by a look: the styled and the direct documents must be judged alike.
BY_LOOK = tuple(d for d in DEFECTS if "looks" in d.options)

"""Every text of a report, keyed by message or rule id, as its English gettext message id.

A rule id alone names the rule in a few words; `<rule id>.hint` says how to fix it; the
words that describe what was found and what is expected live in terms.py, why a file
could not be checked in refusals.py. Every text is marked `pmsg("checker", ...)`: its
Vietnamese is in translations/vi/LC_MESSAGES/messages.po under the context "checker"
(tests/checker/test_messages.py fails until it is there).
"""

from __future__ import annotations

from typing import Final

from service.i18n import pmsg

from .refusals import REFUSALS
from .terms import TERMS, WORDS

CONTEXT: Final = "checker"  # the msgctxt of every text here: a rule's words are not the form's

_RULES: Final = {
    "page.size": (
        pmsg("checker", "Paper size"),
        pmsg("checker", "Choose A4 (21 × 29.7 cm) in Layout > Size."),
    ),
    "page.orientation": (
        pmsg("checker", "Page orientation"),
        pmsg(
            "checker",
            "Set portrait orientation (Layout > Orientation > Portrait); only appendices "
            "with wide tables may be landscape.",
        ),
    ),
    "page.margins": (
        pmsg("checker", "Page margins"),
        pmsg("checker", "Set top and bottom margins to 20–25 mm, left 30–35 mm, right 15–20 mm."),
    ),
    "font.family": (
        pmsg("checker", "Typeface"),
        pmsg(
            "checker",
            "Select the whole document (Ctrl+A) and set Times New Roman; check the "
            "paragraph styles, the header and the footer too.",
        ),
    ),
    "font.color": (
        pmsg("checker", "Text colour"),
        pmsg("checker", "Set the text colour to black (Automatic)."),
    ),
    "header.missing": (
        pmsg("checker", "Document header"),
        pmsg(
            "checker",
            "Lay the header out as a borderless two-column table: the issuing body on the "
            "left, the national name and motto on the right.",
        ),
    ),
    "header.national_name": (
        pmsg("checker", "National name (Quốc hiệu)"),
        pmsg(
            "checker",
            "Write “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” in capitals, upright, bold, 12–13 pt.",
        ),
    ),
    "header.motto": (
        pmsg("checker", "Motto (Tiêu ngữ)"),
        pmsg(
            "checker",
            "Write “Độc lập - Tự do - Hạnh phúc” (a space each side of each hyphen), bold, "
            "1 pt larger than the national name (13 → 14).",
        ),
    ),
    "header.motto_rule": (
        pmsg("checker", "Line under the motto"),
        pmsg(
            "checker",
            "Draw a solid line under the motto as long as its text (a bottom border, with "
            "indents fitting it to the text).",
        ),
    ),
    "header.issuer": (
        pmsg("checker", "Issuing body"),
        pmsg(
            "checker",
            "The governing body in capitals, not bold; the issuing body in capitals, bold; "
            "12–13 pt.",
        ),
    ),
    "header.issuer_rule": (
        pmsg("checker", "Line under the issuing body"),
        pmsg("checker", "Draw a centred solid line 1/3 to 1/2 as long as the issuing body's name."),
    ),
    "number.label": (
        pmsg("checker", "The “Số:” label"),
        pmsg("checker", "Write “Số” then a colon, under the issuing body."),
    ),
    "number.format": (
        pmsg("checker", "Document number"),
        pmsg(
            "checker",
            "Numbers below 10 take a leading zero (05); leave it blank for the records office.",
        ),
    ),
    "number.symbol": (
        pmsg("checker", "Document symbol"),
        pmsg(
            "checker",
            "The symbol is the type abbreviation and the issuer, joined by a hyphen, "
            "without spaces (231/KH-UBND); a công văn has no type (231/UBND-LĐTBXH).",
        ),
    ),
    "number.year": (
        pmsg("checker", "Year in the number"),
        pmsg(
            "checker", "Remove the year: only legal normative documents carry it in their number."
        ),
    ),
    "number.style": (
        pmsg("checker", "Number line format"),
        pmsg("checker", "The number line: 13 pt, upright, not bold."),
    ),
    "date.format": (
        pmsg("checker", "Place and date"),
        pmsg(
            "checker",
            "Write “<place>, ngày … tháng … năm …”, e.g. “TP. Bắc Kạn, ngày 03 tháng 4 năm 2023”.",
        ),
    ),
    "date.leading_zero": (
        pmsg("checker", "Leading zero in the date"),
        pmsg(
            "checker",
            "Days 1–9 and months 1–2 take a leading zero (ngày 03, tháng 01); months 3–12 "
            "do not (tháng 4).",
        ),
    ),
    "date.style": (
        pmsg("checker", "Date line format"),
        pmsg("checker", "The date line: italic, not bold, the motto's size (14 pt)."),
    ),
    "title.type_name": (
        pmsg("checker", "Document type name"),
        pmsg(
            "checker",
            "The type name (KẾ HOẠCH) in capitals, upright, bold, 14 pt, centred; a công "
            "văn has none.",
        ),
    ),
    "title.subject": (
        pmsg("checker", "Subject line"),
        pmsg(
            "checker",
            "The subject goes under the type name, centred, bold, 14 pt, in sentence case.",
        ),
    ),
    "title.subject_rule": (
        pmsg("checker", "Line under the subject"),
        pmsg("checker", "Draw a centred solid line 1/3 to 1/2 as long as the subject line."),
    ),
    "subject.format": (
        pmsg("checker", "Letter subject (V/v)"),
        pmsg(
            "checker", "Under the number write “V/v …”, 13 pt, upright, not bold, without a line."
        ),
    ),
    "addressee.format": (
        pmsg("checker", "Addressees (Kính gửi)"),
        pmsg(
            "checker",
            "“Kính gửi:” at 14 pt; one addressee on the same line ending with a full stop; "
            "several as “- …;” lines, the last ending with a full stop.",
        ),
    ),
    "heading.roman": (
        pmsg("checker", "Roman part numbers"),
        pmsg("checker", "Number the parts I, II, III… without gaps."),
    ),
    "heading.arabic": (
        pmsg("checker", "Section numbers"),
        pmsg(
            "checker",
            "Within each part, number sections 1., 2., 3.… without gaps (sub-sections 2.1., "
            "2.2.…).",
        ),
    ),
    "heading.letter": (
        pmsg("checker", "Item letters"),
        pmsg(
            "checker",
            "Use the Vietnamese letter order a, b, c, d, đ, e, g, h, i, k…; never f, j, w, "
            "z. Word's automatic lettering cannot do this: type the letters.",
        ),
    ),
    "heading.format": (
        pmsg("checker", "Part heading format"),
        pmsg("checker", "Part headings (I., II.…) in capitals, bold."),
    ),
    "list.dash": (
        pmsg("checker", "Dash items"),
        pmsg(
            "checker",
            "List items start with a hyphen and a space (“- ”), not bullets or plus signs.",
        ),
    ),
    "body.size": (
        pmsg("checker", "Body text size"),
        pmsg("checker", "Body text at 13–14 pt (14 is usual)."),
    ),
    "body.align": (
        pmsg("checker", "Paragraph alignment"),
        pmsg("checker", "Justify the paragraph (Ctrl+J)."),
    ),
    "body.indent": (
        pmsg("checker", "First-line indent"),
        pmsg(
            "checker",
            "Set a first-line indent of 1–1.27 cm in Paragraph > Indentation > Special > "
            "First line (not tabs or spaces).",
        ),
    ),
    "body.spacing": (
        pmsg("checker", "Space between paragraphs"),
        pmsg("checker", "Set at least 6 pt before or after paragraphs."),
    ),
    "body.line_spacing": (
        pmsg("checker", "Line spacing"),
        pmsg("checker", "Set line spacing between single and 1.5 lines."),
    ),
    "body.end_mark": (
        pmsg("checker", "End-of-content mark"),
        pmsg("checker", "End the last paragraph of the content with “./.”."),
    ),
    "preamble.legal_basis": (
        pmsg("checker", "Legal bases"),
        pmsg(
            "checker",
            "“Căn cứ …” lines in italics, each ending with a semicolon, the last with a full stop.",
        ),
    ),
    "recipients.label": (
        pmsg("checker", "The “Nơi nhận:” label"),
        pmsg(
            "checker", "Write “Nơi nhận:” at 12 pt, bold italic, in the left column of the closing."
        ),
    ),
    "recipients.line": (
        pmsg("checker", "Recipient lines"),
        pmsg(
            "checker",
            "One recipient per line at 11 pt, starting “- ”, ending with a semicolon; the "
            "last line ends with a full stop.",
        ),
    ),
    "recipients.archive": (
        pmsg("checker", "Archive line"),
        pmsg("checker", "The last recipient line is “- Lưu: VT, <drafting unit>.”."),
    ),
    "recipients.first": (
        pmsg("checker", "Letter recipients"),
        pmsg("checker", "A công văn with addressees starts its recipients with “- Như trên;”."),
    ),
    "signature.authority": (
        pmsg("checker", "Signing authority lines"),
        pmsg(
            "checker",
            "The TM., KT., TL., TUQ., Q. and title lines: capitals, bold, 14 pt, each "
            "abbreviation with its full stop.",
        ),
    ),
    "signature.name": (
        pmsg("checker", "Signer's name"),
        pmsg(
            "checker",
            "The signer's name bold, 14 pt, as written (not all capitals), about 4 lines "
            "under the title.",
        ),
    ),
    "page_number.missing": (
        pmsg("checker", "Page numbers"),
        pmsg(
            "checker",
            "Insert page numbers (Insert > Page Number > Top of Page, centred) in a "
            "document of several pages.",
        ),
    ),
    "page_number.first_page": (
        pmsg("checker", "Page number on page 1"),
        pmsg("checker", "Tick “Different First Page” so page 1 shows no number."),
    ),
    "page_number.format": (
        pmsg("checker", "Page number format"),
        pmsg("checker", "Page numbers in Arabic digits, 13–14 pt, centred in the header."),
    ),
    "appendix.new_page": (
        pmsg("checker", "Appendix on a new page"),
        pmsg("checker", "Start the appendix on a new page (Layout > Breaks > Next Page)."),
    ),
    "appendix.page_numbering": (
        pmsg("checker", "Appendix page numbers"),
        pmsg(
            "checker",
            "Put the appendix in its own section and start its page numbers at 1 (Format "
            "Page Numbers > Start at 1).",
        ),
    ),
    "appendix.heading": (
        pmsg("checker", "Appendix heading"),
        pmsg(
            "checker",
            "“Phụ lục 01” centred, bold, 14 pt; the title in capitals, bold; under it the "
            "italic “(Kèm theo …)” line; number appendices one way (01, 02 or I, II).",
        ),
    ),
    "structure.value": (
        pmsg("checker", "Invalid value in the file"),
        pmsg(
            "checker",
            "The file holds a number Word never writes (damaged, or edited by another "
            "tool): open it in Word, set that formatting again and save it.",
        ),
    ),
    "structure.line_break": (
        pmsg("checker", "Manual line breaks"),
        pmsg("checker", "Make each printed line its own paragraph (Enter), not Shift+Enter."),
    ),
}


def _catalog() -> dict[str, str]:
    entries = {**TERMS, **WORDS, **REFUSALS}
    for rule, (title, hint) in _RULES.items():
        entries[rule], entries[f"{rule}.hint"] = title, hint
    return entries


CATALOG: Final = _catalog()
RULE_IDS: Final = tuple(_RULES)

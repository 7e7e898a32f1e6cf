"""Every text of a report, as (Vietnamese, English) pairs keyed by message or rule id.

A rule id alone names the rule in a few words; `<rule id>.hint` says how to fix it; the
words that describe what was found and what is expected live in terms.py.
"""

from __future__ import annotations

from typing import Final

from .refusals import REFUSALS
from .terms import TERMS

_RULES: Final = {
    "page.size": (
        ("Khổ giấy", "Paper size"),
        (
            "Chọn khổ A4 (21 × 29,7 cm) trong Bố cục > Kích thước.",
            "Choose A4 (21 × 29.7 cm) in Layout > Size.",
        ),
    ),
    "page.orientation": (
        ("Hướng trang", "Page orientation"),
        (
            "Đặt hướng trang dọc (Bố cục > Hướng > Dọc); chỉ phụ lục có bảng rộng mới được "
            "trình bày theo chiều ngang.",
            "Set portrait orientation (Layout > Orientation > Portrait); only appendices "
            "with wide tables may be landscape.",
        ),
    ),
    "page.margins": (
        ("Lề trang", "Page margins"),
        (
            "Đặt lề trên, dưới 20–25 mm; lề trái 30–35 mm; lề phải 15–20 mm.",
            "Set top and bottom margins to 20–25 mm, left 30–35 mm, right 15–20 mm.",
        ),
    ),
    "font.family": (
        ("Phông chữ", "Typeface"),
        (
            "Chọn toàn bộ văn bản (Ctrl+A) và đặt phông Times New Roman; kiểm tra cả "
            "kiểu (style) đoạn văn, đầu trang và chân trang.",
            "Select the whole document (Ctrl+A) and set Times New Roman; check the "
            "paragraph styles, the header and the footer too.",
        ),
    ),
    "font.color": (
        ("Màu chữ", "Text colour"),
        ("Đặt màu chữ đen (Tự động).", "Set the text colour to black (Automatic)."),
    ),
    "header.missing": (
        ("Phần đầu văn bản", "Document header"),
        (
            "Trình bày phần đầu bằng bảng hai cột không viền: bên trái tên cơ quan, bên "
            "phải Quốc hiệu và Tiêu ngữ.",
            "Lay the header out as a borderless two-column table: the issuing body on "
            "the left, the national name and motto on the right.",
        ),
    ),
    "header.national_name": (
        ("Quốc hiệu", "National name (Quốc hiệu)"),
        (
            "Ghi đúng “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”, chữ in hoa, đứng, đậm, cỡ 12–13.",
            "Write “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM” in capitals, upright, bold, 12–13 pt.",
        ),
    ),
    "header.motto": (
        ("Tiêu ngữ", "Motto (Tiêu ngữ)"),
        (
            "Ghi “Độc lập - Tự do - Hạnh phúc” (gạch nối có cách chữ hai bên), chữ đậm, "
            "cỡ lớn hơn Quốc hiệu 1 pt (13 → 14).",
            "Write “Độc lập - Tự do - Hạnh phúc” (a space each side of each hyphen), bold, "
            "1 pt larger than the national name (13 → 14).",
        ),
    ),
    "header.motto_rule": (
        ("Đường kẻ dưới Tiêu ngữ", "Line under the motto"),
        (
            "Kẻ một đường liền dưới Tiêu ngữ, dài bằng dòng chữ (viền dưới của đoạn, thụt "
            "lề hai bên cho vừa chữ).",
            "Draw a solid line under the motto as long as its text (a bottom border, with "
            "indents fitting it to the text).",
        ),
    ),
    "header.issuer": (
        ("Tên cơ quan ban hành", "Issuing body"),
        (
            "Tên cơ quan chủ quản chữ in hoa, không đậm; tên cơ quan ban hành chữ in hoa, "
            "đậm; cỡ 12–13.",
            "The governing body in capitals, not bold; the issuing body in capitals, bold; "
            "12–13 pt.",
        ),
    ),
    "header.issuer_rule": (
        ("Đường kẻ dưới tên cơ quan", "Line under the issuing body"),
        (
            "Kẻ một đường liền ở giữa, dài 1/3 đến 1/2 dòng tên cơ quan ban hành.",
            "Draw a centred solid line 1/3 to 1/2 as long as the issuing body's name.",
        ),
    ),
    "number.label": (
        ("Chữ “Số:”", "The “Số:” label"),
        (
            "Viết “Số” (chữ thường, có dấu) rồi dấu hai chấm, dưới tên cơ quan ban hành.",
            "Write “Số” then a colon, under the issuing body.",
        ),
    ),
    "number.format": (
        ("Số văn bản", "Document number"),
        (
            "Số nhỏ hơn 10 viết thêm số 0 ở trước (05); để trống nếu văn thư sẽ ghi số.",
            "Numbers below 10 take a leading zero (05); leave it blank for the records office.",
        ),
    ),
    "number.symbol": (
        ("Ký hiệu văn bản", "Document symbol"),
        (
            "Ký hiệu gồm chữ viết tắt tên loại và tên cơ quan, nối bằng gạch nối, không "
            "có khoảng trắng (231/KH-UBND); công văn không có tên loại (231/UBND-LĐTBXH).",
            "The symbol is the type abbreviation and the issuer, joined by a hyphen, "
            "without spaces (231/KH-UBND); a công văn has no type (231/UBND-LĐTBXH).",
        ),
    ),
    "number.year": (
        ("Năm trong số ký hiệu", "Year in the number"),
        (
            "Bỏ năm khỏi số, ký hiệu: năm chỉ ghi trong số của văn bản quy phạm pháp luật.",
            "Remove the year: only legal normative documents carry it in their number.",
        ),
    ),
    "number.style": (
        ("Định dạng dòng số, ký hiệu", "Number line format"),
        (
            "Dòng số, ký hiệu: cỡ 13, chữ đứng, không đậm.",
            "The number line: 13 pt, upright, not bold.",
        ),
    ),
    "date.format": (
        ("Địa danh và thời gian", "Place and date"),
        (
            "Viết “<địa danh>, ngày … tháng … năm …”, ví dụ “TP. Bắc Kạn, ngày 03 tháng 4 "
            "năm 2023”.",
            "Write “<place>, ngày … tháng … năm …”, e.g. “TP. Bắc Kạn, ngày 03 tháng 4 năm 2023”.",
        ),
    ),
    "date.leading_zero": (
        ("Số 0 trong ngày, tháng", "Leading zero in the date"),
        (
            "Ngày 1–9 và tháng 1, 2 thêm số 0 ở trước (ngày 03, tháng 01); tháng 3–12 "
            "không thêm (tháng 4).",
            "Days 1–9 and months 1–2 take a leading zero (ngày 03, tháng 01); months 3–12 "
            "do not (tháng 4).",
        ),
    ),
    "date.style": (
        ("Định dạng dòng ngày tháng", "Date line format"),
        (
            "Dòng địa danh, ngày tháng: chữ nghiêng, không đậm, cỡ bằng Tiêu ngữ (14).",
            "The date line: italic, not bold, the motto's size (14 pt).",
        ),
    ),
    "title.type_name": (
        ("Tên loại văn bản", "Document type name"),
        (
            "Tên loại (KẾ HOẠCH) chữ in hoa, đứng, đậm, cỡ 14, căn giữa; công văn không "
            "có tên loại.",
            "The type name (KẾ HOẠCH) in capitals, upright, bold, 14 pt, centred; a công "
            "văn has none.",
        ),
    ),
    "title.subject": (
        ("Trích yếu nội dung", "Subject line"),
        (
            "Trích yếu đặt dưới tên loại, căn giữa, chữ đậm, cỡ 14, viết hoa chữ đầu câu.",
            "The subject goes under the type name, centred, bold, 14 pt, in sentence case.",
        ),
    ),
    "title.subject_rule": (
        ("Đường kẻ dưới trích yếu", "Line under the subject"),
        (
            "Kẻ một đường liền ở giữa, dài 1/3 đến 1/2 dòng trích yếu.",
            "Draw a centred solid line 1/3 to 1/2 as long as the subject line.",
        ),
    ),
    "subject.format": (
        ("Trích yếu công văn (V/v)", "Letter subject (V/v)"),
        (
            "Dưới số, ký hiệu ghi “V/v …”, cỡ 13, chữ đứng, không đậm, không kẻ dưới.",
            "Under the number write “V/v …”, 13 pt, upright, not bold, without a line.",
        ),
    ),
    "addressee.format": (
        ("Kính gửi", "Addressees (Kính gửi)"),
        (
            "“Kính gửi:” cỡ 14; một nơi nhận ghi cùng dòng, kết thúc bằng dấu chấm; nhiều "
            "nơi nhận mỗi nơi một dòng “- …;”, dòng cuối kết thúc bằng dấu chấm.",
            "“Kính gửi:” at 14 pt; one addressee on the same line ending with a full stop; "
            "several as “- …;” lines, the last ending with a full stop.",
        ),
    ),
    "heading.roman": (
        ("Số La Mã của phần", "Roman part numbers"),
        ("Đánh số phần I, II, III… liên tục.", "Number the parts I, II, III… without gaps."),
    ),
    "heading.arabic": (
        ("Số thứ tự mục", "Section numbers"),
        (
            "Trong mỗi phần, đánh số mục 1., 2., 3.… liên tục (mục con 2.1., 2.2.…).",
            "Within each part, number sections 1., 2., 3.… without gaps (sub-sections "
            "2.1., 2.2.…).",
        ),
    ),
    "heading.letter": (
        ("Chữ cái thứ tự điểm", "Item letters"),
        (
            "Dùng thứ tự chữ cái tiếng Việt a, b, c, d, đ, e, g, h, i, k…; không dùng f, j, "
            "w, z. Nếu dùng đánh số tự động của Word, hãy gõ chữ cái bằng tay.",
            "Use the Vietnamese letter order a, b, c, d, đ, e, g, h, i, k…; never f, j, w, "
            "z. Word's automatic lettering cannot do this: type the letters.",
        ),
    ),
    "heading.format": (
        ("Định dạng đề mục phần", "Part heading format"),
        (
            "Đề mục phần (I., II.…) chữ in hoa, đậm.",
            "Part headings (I., II.…) in capitals, bold.",
        ),
    ),
    "list.dash": (
        ("Gạch đầu dòng", "Dash items"),
        (
            "Các ý liệt kê bắt đầu bằng gạch nối và một dấu cách (“- ”), không dùng dấu chấm "
            "tròn hay dấu cộng.",
            "List items start with a hyphen and a space (“- ”), not bullets or plus signs.",
        ),
    ),
    "body.size": (
        ("Cỡ chữ phần nội dung", "Body text size"),
        ("Nội dung văn bản cỡ 13–14 (thường dùng 14).", "Body text at 13–14 pt (14 is usual)."),
    ),
    "body.align": (
        ("Căn lề đoạn văn", "Paragraph alignment"),
        ("Căn đều hai bên (Ctrl+J).", "Justify the paragraph (Ctrl+J)."),
    ),
    "body.indent": (
        ("Thụt đầu dòng", "First-line indent"),
        (
            "Đặt thụt dòng đầu 1–1,27 cm trong Đoạn văn > Thụt lề > Đặc biệt > Dòng đầu "
            "tiên (không dùng phím Tab hay dấu cách).",
            "Set a first-line indent of 1–1.27 cm in Paragraph > Indentation > Special > "
            "First line (not tabs or spaces).",
        ),
    ),
    "body.spacing": (
        ("Khoảng cách giữa các đoạn", "Space between paragraphs"),
        (
            "Đặt khoảng cách trước hoặc sau đoạn tối thiểu 6 pt.",
            "Set at least 6 pt before or after paragraphs.",
        ),
    ),
    "body.line_spacing": (
        ("Khoảng cách dòng", "Line spacing"),
        (
            "Đặt khoảng cách dòng từ một dòng (single) đến 1,5 dòng.",
            "Set line spacing between single and 1.5 lines.",
        ),
    ),
    "body.end_mark": (
        ("Dấu kết thúc nội dung", "End-of-content mark"),
        (
            "Kết thúc đoạn cuối của nội dung bằng dấu “./.”.",
            "End the last paragraph of the content with “./.”.",
        ),
    ),
    "preamble.legal_basis": (
        ("Căn cứ ban hành", "Legal bases"),
        (
            "Các dòng “Căn cứ …” chữ nghiêng, mỗi dòng kết thúc bằng dấu chấm phẩy, dòng "
            "cuối kết thúc bằng dấu chấm.",
            "“Căn cứ …” lines in italics, each ending with a semicolon, the last with a full stop.",
        ),
    ),
    "recipients.label": (
        ("Chữ “Nơi nhận:”", "The “Nơi nhận:” label"),
        (
            "Ghi “Nơi nhận:” cỡ 12, chữ nghiêng, đậm, ở cột trái khối ký.",
            "Write “Nơi nhận:” at 12 pt, bold italic, in the left column of the closing.",
        ),
    ),
    "recipients.line": (
        ("Dòng nơi nhận", "Recipient lines"),
        (
            "Mỗi nơi nhận một dòng cỡ 11, bắt đầu bằng “- ”, kết thúc bằng dấu chấm phẩy; "
            "dòng cuối kết thúc bằng dấu chấm.",
            "One recipient per line at 11 pt, starting “- ”, ending with a semicolon; the "
            "last line ends with a full stop.",
        ),
    ),
    "recipients.archive": (
        ("Dòng lưu", "Archive line"),
        (
            "Dòng cuối của nơi nhận là “- Lưu: VT, <đơn vị soạn thảo>.”.",
            "The last recipient line is “- Lưu: VT, <drafting unit>.”.",
        ),
    ),
    "recipients.first": (
        ("Nơi nhận của công văn", "Letter recipients"),
        (
            "Công văn có “Kính gửi” thì dòng đầu nơi nhận là “- Như trên;”.",
            "A công văn with addressees starts its recipients with “- Như trên;”.",
        ),
    ),
    "signature.authority": (
        ("Thẩm quyền, chức vụ người ký", "Signing authority lines"),
        (
            "Các dòng TM., KT., TL., TUQ., Q. và chức vụ: chữ in hoa, đậm, cỡ 14, viết tắt "
            "có dấu chấm.",
            "The TM., KT., TL., TUQ., Q. and title lines: capitals, bold, 14 pt, each "
            "abbreviation with its full stop.",
        ),
    ),
    "signature.name": (
        ("Họ tên người ký", "Signer's name"),
        (
            "Họ tên người ký chữ đậm, cỡ 14, viết hoa chữ cái đầu (không in hoa toàn bộ), "
            "cách chức vụ khoảng 4 dòng.",
            "The signer's name bold, 14 pt, as written (not all capitals), about 4 lines "
            "under the title.",
        ),
    ),
    "page_number.missing": (
        ("Số trang", "Page numbers"),
        (
            "Chèn số trang (Chèn > Số trang > Đầu trang, giữa) cho văn bản nhiều trang.",
            "Insert page numbers (Insert > Page Number > Top of Page, centred) in a "
            "document of several pages.",
        ),
    ),
    "page_number.first_page": (
        ("Số trang ở trang đầu", "Page number on page 1"),
        (
            "Chọn “Trang đầu khác” (Different First Page) để trang 1 không hiện số trang.",
            "Tick “Different First Page” so page 1 shows no number.",
        ),
    ),
    "page_number.format": (
        ("Định dạng số trang", "Page number format"),
        (
            "Số trang bằng chữ số Ả Rập, cỡ 13–14, căn giữa ở đầu trang.",
            "Page numbers in Arabic digits, 13–14 pt, centred in the header.",
        ),
    ),
    "appendix.new_page": (
        ("Phụ lục sang trang mới", "Appendix on a new page"),
        (
            "Bắt đầu phụ lục ở trang mới (Bố cục > Ngắt > Trang tiếp theo).",
            "Start the appendix on a new page (Layout > Breaks > Next Page).",
        ),
    ),
    "appendix.page_numbering": (
        ("Số trang phụ lục", "Appendix page numbers"),
        (
            "Đặt phụ lục ở một phần (section) riêng và đánh số trang bắt đầu từ 1 "
            "(Định dạng số trang > Bắt đầu tại 1).",
            "Put the appendix in its own section and start its page numbers at 1 (Format "
            "Page Numbers > Start at 1).",
        ),
    ),
    "appendix.heading": (
        ("Tiêu đề phụ lục", "Appendix heading"),
        (
            "“Phụ lục 01” căn giữa, đậm, cỡ 14; tên phụ lục in hoa, đậm; dưới đó dòng "
            "“(Kèm theo …)” chữ nghiêng; đánh số phụ lục thống nhất (01, 02 hoặc I, II).",
            "“Phụ lục 01” centred, bold, 14 pt; the title in capitals, bold; under it the "
            "italic “(Kèm theo …)” line; number appendices one way (01, 02 or I, II).",
        ),
    ),
    "structure.value": (
        ("Giá trị không hợp lệ trong tệp", "Invalid value in the file"),
        (
            "Tệp có một con số mà Word không bao giờ ghi (tệp bị hỏng hoặc bị sửa bằng công "
            "cụ khác): mở bằng Word, đặt lại định dạng của phần đó rồi lưu lại.",
            "The file holds a number Word never writes (damaged, or edited by another "
            "tool): open it in Word, set that formatting again and save it.",
        ),
    ),
    "structure.line_break": (
        ("Ngắt dòng thủ công", "Manual line breaks"),
        (
            "Mỗi dòng in là một đoạn riêng (Enter), không dùng Shift+Enter.",
            "Make each printed line its own paragraph (Enter), not Shift+Enter.",
        ),
    ),
}


def _catalog() -> dict[str, tuple[str, str]]:
    entries = {**TERMS, **REFUSALS}
    for rule, (title, hint) in _RULES.items():
        entries[rule], entries[f"{rule}.hint"] = title, hint
    return entries


CATALOG: Final = _catalog()
RULE_IDS: Final = tuple(_RULES)

"""The table editor in real Chromium: a block copied from Excel or Word (their clipboard's
HTML and tab-separated text, on the real clipboard) pastes as rows and cells, merged cells
kept; rows and columns added, moved, merged and removed, each undoable."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.driving import form_json, new_draft, paste

pytestmark = pytest.mark.browser

EXCEL_HTML = """<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet><meta name=Generator content="Microsoft Excel 15">
<style><!--table {mso-displayed-decimal-separator:"\\,"; mso-displayed-thousand-separator:"\\.";}
.xl65 {mso-style-parent:style0; text-align:center; border:.5pt solid windowtext;}
.xl66 {mso-style-parent:style0; white-space:normal; border:.5pt solid windowtext;}--></style>
</head><body link="#0563C1" vlink="#954F72">
<table border=0 cellpadding=0 cellspacing=0 width=448 style='border-collapse:collapse;width:336pt'>
<!--StartFragment-->
 <col width=64 style='width:48pt'><col width=256 style='width:192pt'><col width=128>
 <tr height=20 style='height:15.0pt'>
  <td height=20 class=xl65 width=64 style='height:15.0pt;width:48pt'>1</td>
  <td class=xl66 width=256 style='border-left:none;width:192pt'>Triển khai nền tảng đào tạo
  trực tuyến &amp; &lt;số&gt;</td>
  <td class=xl65 width=128 style='border-left:none;width:96pt'>Sở KH&amp;CN</td>
 </tr>
 <tr height=40 style='height:30.0pt'>
  <td height=40 class=xl65 style='height:30.0pt;border-top:none'>2</td>
  <td colspan=2 class=xl66 style='border-left:none'>Rà soát văn bản<br
  style='mso-data-placement:same-cell'>{{ năm 2025 }}</td>
 </tr>
<!--EndFragment-->
</table></body></html>"""
EXCEL_TEXT = (
    "1\tTriển khai nền tảng đào tạo trực tuyến & <số>\tSở KH&CN\r\n"
    '2\t"Rà soát văn bản\n{{ năm 2025 }}"\t\r\n'
)

WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta charset="utf-8"><style>table.MsoTableGrid {mso-style-name:"Table Grid";}</style>
</head><body lang=VI style='tab-interval:36.0pt'>
<!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=60 valign=top style='width:45.0pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal align=center style='text-align:center'><b><span lang=VI>STT</span></b></p></td>
  <td width=300 valign=top style='width:225.0pt;border:solid windowtext 1.0pt'>
  <p class=MsoNormal align=center><b><span lang=VI>Nội dung</span></b></p></td>
  <td width=120 valign=top><p class=MsoNormal align=center><b><span lang=VI>Thời gian</span></b></p>
  </td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=60 valign=top><p class=MsoNormal align=center><span lang=VI>1</span></p></td>
  <td width=300 valign=top><p class=MsoNormal><span lang=VI>Tuyên truyền</span></p>
  <p class=MsoNormal><span lang=VI>trên loa phường</span></p></td>
  <td width=120 rowspan=2 valign=top><p class=MsoNormal><span lang=VI>Quý II</span></p></td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=60 valign=top><p class=MsoNormal align=center><span lang=VI>2</span></p></td>
  <td width=300 valign=top><p class=MsoNormal><span lang=VI>Kiểm tra</span></p></td>
 </tr>
</table>
<!--EndFragment-->
</body></html>"""
WORD_TEXT = (
    "STT\tNội dung\tThời gian\r\n1\tTuyên truyền\rtrên loa phường\tQuý II\r\n2\tKiểm tra\t\r\n"
)


def table(page: Page) -> Any:
    return form_json(page)["tasks"]["content"][0]["table"]


def new_table(page: Page) -> None:
    new_draft(page)
    page.click('[data-add="tasks.content"][data-block="table"]')  # the part turns into blocks
    expect(page.locator(".table-editor")).to_have_count(1)


def cell(page: Page, row: int, col: int) -> Any:
    return page.locator(f'.table-editor [data-row="{row}"][data-col="{col}"]')


def test_cells_copied_from_excel_paste_as_rows_and_cells(page: Page) -> None:
    new_table(page)
    cell(page, 0, 0).click()
    paste(page, EXCEL_TEXT, EXCEL_HTML)
    assert table(page)["rows"] == [
        ["1", "Triển khai nền tảng đào tạo trực tuyến & <số>", "Sở KH&CN"],
        ["2", {"text": "Rà soát văn bản\n{{ năm 2025 }}", "colspan": 2}],
    ]
    assert len(table(page)["columns"]) == 3
    expect(page.locator("#form-toast")).to_contain_text("2 hàng")
    page.keyboard.press("Control+Z")  # one undo takes the paste back
    assert table(page)["rows"] == [["", ""]]


def test_tab_separated_text_alone_pastes_too(page: Page) -> None:
    new_table(page)
    cell(page, 0, 1).click()
    paste(page, EXCEL_TEXT)  # no HTML on the clipboard: Excel's text with its quoted cell
    assert table(page)["rows"] == [
        ["", "1", "Triển khai nền tảng đào tạo trực tuyến & <số>", "Sở KH&CN"],
        ["", "2", "Rà soát văn bản\n{{ năm 2025 }}", ""],
    ]


def test_a_word_table_pasted_into_the_titles_names_the_columns(page: Page) -> None:
    new_table(page)
    page.locator('.table-editor [data-row="-1"][data-col="0"]').click()
    paste(page, WORD_TEXT, WORD_HTML)
    made = table(page)
    assert [c["title"] for c in made["columns"]] == ["STT", "Nội dung", "Thời gian"]
    assert made["rows"] == [
        ["1", "Tuyên truyền\ntrên loa phường", {"text": "Quý II", "rowspan": 2}],
        ["2", "Kiểm tra"],
    ]


def test_rows_and_columns_are_added_moved_merged_and_removed(page: Page) -> None:
    new_table(page)
    cell(page, 0, 0).fill("A")
    cell(page, 0, 1).fill("B")
    page.get_by_role("button", name="+ Hàng", exact=True).click()
    expect(cell(page, 1, 0)).to_be_focused()
    page.keyboard.type("C")
    page.get_by_role("button", name="+ Cột").click()
    assert table(page)["rows"] == [["A", "", "B"], ["C", "", ""]]
    cell(page, 1, 0).click()
    page.get_by_role("button", name="Hàng ↑").click()
    assert table(page)["rows"] == [["C", "", ""], ["A", "", "B"]]
    page.get_by_role("button", name="Gộp với ô bên phải").click()
    assert table(page)["rows"][0] == [{"text": "C", "colspan": 2}, ""]
    page.get_by_role("button", name="Gộp với ô bên dưới").click()
    assert table(page)["rows"] == [[{"text": "C\nA", "colspan": 2, "rowspan": 2}, ""], ["B"]]
    page.get_by_role("button", name="Tách ô").click()
    assert table(page)["rows"] == [["C\nA", "", ""], ["", "", "B"]]
    page.get_by_role("button", name="+ Hàng nhóm").click()
    page.keyboard.type("I. NÂNG CAO NHẬN THỨC")
    assert table(page)["rows"][1] == {"group": "I. NÂNG CAO NHẬN THỨC"}
    cell(page, 2, 2).click()
    page.get_by_role("button", name="✕ Cột").click()
    page.get_by_label("Cỡ chữ").select_option("13")
    page.get_by_label("Độ rộng cột 1 (tương đối)").fill("8")
    page.get_by_label("Căn lề cột 1").select_option("center")
    made = table(page)
    assert made["rows"] == [["C\nA", ""], {"group": "I. NÂNG CAO NHẬN THỨC"}, ["", ""]]
    assert made["font_size"] == 13
    assert made["columns"][0] == {"width": 8, "align": "center"}
    page.locator("#form-toast button").click()  # Hoàn tác: the column comes back
    assert table(page)["rows"][2] == ["", "", "B"]


def test_enter_goes_down_and_shift_enter_breaks_a_cell(page: Page) -> None:
    new_table(page)  # the cursor is in the first column's title
    page.keyboard.type("Nội dung")
    page.keyboard.press("Enter")
    page.keyboard.type("Hội nghị")
    page.keyboard.press("Shift+Enter")
    page.keyboard.type("tập huấn")
    page.keyboard.press("Enter")  # after the last row: a new row, same column
    page.keyboard.type("Kiểm tra")
    made = table(page)
    assert made["columns"][0]["title"] == "Nội dung"
    assert made["rows"] == [["Hội nghị\ntập huấn", ""], ["Kiểm tra", ""]]

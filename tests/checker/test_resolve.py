"""Effective formatting through direct -> character style -> paragraph style -> defaults."""

from __future__ import annotations

from lxml import etree

from service.checker.package import ThemeFonts
from service.checker.resolve import StyleSheet, parse_ppr, parse_rpr

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
THEME = ThemeFonts(major=("Calibri Light", "", ""), minor=("Cambria", "", ""))


def _styles(body: str, defaults: str = "") -> StyleSheet:
    xml = (
        f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>{defaults}</w:rPr>'
        f"</w:rPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
        f"</w:style>{body}</w:styles>"
    )
    return StyleSheet(etree.fromstring(xml), THEME)


def _rpr(inner: str) -> dict[str, object]:
    return parse_rpr(etree.fromstring(f'<w:rPr xmlns:w="{W}">{inner}</w:rPr>'))


def _ppr(inner: str) -> dict[str, object]:
    return parse_ppr(etree.fromstring(f'<w:pPr xmlns:w="{W}">{inner}</w:pPr>'))


BASED_ON = """
<w:style w:type="paragraph" w:styleId="A"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>
  <w:sz w:val="26"/></w:rPr><w:pPr><w:jc w:val="both"/><w:ind w:firstLine="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/><w:rPr><w:b/>
  <w:rFonts w:ascii="Times New Roman"/></w:rPr><w:pPr><w:ind w:left="100"/></w:pPr></w:style>
<w:style w:type="character" w:styleId="Strong"><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Big"><w:basedOn w:val="Strong"/><w:rPr>
  <w:sz w:val="32"/></w:rPr></w:style>
"""


def test_a_style_inherits_its_base_and_overrides_it_slot_by_slot():
    fmt = _styles(BASED_ON).run_format("B", None, {})
    assert (fmt.ascii, fmt.h_ansi, fmt.size, fmt.bold) == ("Times New Roman", "Arial", 13, True)


def test_paragraph_properties_merge_attribute_by_attribute():
    fmt = _styles(BASED_ON).para_format("B", {}, {}, False)
    assert (fmt.align, fmt.first_line, fmt.left) == ("both", 720, 100)


def test_a_hanging_indent_replaces_an_inherited_first_line():
    fmt = _styles(BASED_ON).para_format("B", _ppr('<w:ind w:hanging="360"/>'), {}, False)
    assert fmt.first_line == -360


def test_bold_in_the_character_style_toggles_a_bold_paragraph_style():
    sheet = _styles(BASED_ON)
    assert sheet.run_format("B", "Strong", {}).bold is False
    assert sheet.run_format("A", "Strong", {}).bold is True
    assert sheet.run_format("B", "Big", {}).size == 16  # the character chain is resolved too


def test_direct_formatting_sets_toggles_outright():
    sheet = _styles(BASED_ON)
    assert sheet.run_format("B", "Strong", _rpr("<w:b/>")).bold is True
    assert sheet.run_format("B", None, _rpr('<w:b w:val="0"/>')).bold is False


def test_theme_fonts_come_from_the_theme_and_beat_a_name_on_the_same_element():
    sheet = _styles(
        '<w:style w:type="paragraph" w:styleId="T"><w:rPr><w:rFonts w:ascii="Times New Roman" '
        'w:asciiTheme="majorHAnsi"/></w:rPr></w:style>',
        defaults='<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>',
    )
    assert sheet.run_format("Normal", None, {}).ascii == "Cambria"
    fmt = sheet.run_format("T", None, {})
    assert (fmt.ascii, fmt.h_ansi) == ("Calibri Light", "Cambria")


def test_a_direct_name_replaces_a_theme_font_of_a_lower_level():
    sheet = _styles("", defaults='<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/>')
    fmt = sheet.run_format("Normal", None, _rpr('<w:rFonts w:ascii="Times New Roman"/>'))
    assert (fmt.ascii, fmt.h_ansi) == ("Times New Roman", "Cambria")


def test_nothing_set_anywhere_means_ten_points_and_no_named_font():
    fmt = _styles("").run_format("Normal", None, {})
    assert (fmt.size, fmt.ascii, fmt.bold, fmt.italic) == (10, None, False, False)


def test_an_unknown_style_falls_back_to_the_default_paragraph_style():
    sheet = _styles(BASED_ON)
    assert sheet.paragraph_style("Missing") == "Normal"
    assert sheet.paragraph_style(None) == "Normal"


def test_a_list_applied_directly_beats_the_style_indent_and_loses_to_direct():
    sheet = _styles(BASED_ON)
    numbering = _ppr('<w:ind w:left="720" w:hanging="360"/>')
    assert sheet.para_format("A", {}, numbering, True).first_line == -360
    assert sheet.para_format("A", {}, numbering, False).first_line == 720
    direct = _ppr('<w:ind w:firstLine="567"/>')
    assert sheet.para_format("A", direct, numbering, True).first_line == 567


def test_spacing_in_lines_and_auto_spacing_are_read():
    fmt = _styles("").para_format(
        "Normal",
        _ppr('<w:spacing w:beforeLines="50" w:before="0" w:afterAutospacing="1" w:line="360"/>'),
        {},
        False,
    )
    assert (fmt.before, fmt.after_auto, fmt.line, fmt.line_rule) == (120, True, 360, "auto")

"""Word's automatic list labels, and the letter rule catching Word's Latin lettering."""

from __future__ import annotations

from collections import Counter

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from service.checker import check
from service.checker.numbering import Lists

from . import corpus
from .defects import find

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="0" w:firstLine="720"/></w:pPr></w:lvl>'
    )


def _numbering(*abstracts: str, nums: str) -> etree._Element:
    body = "".join(abstracts)
    return etree.fromstring(f'<w:numbering xmlns:w="{W}">{body}{nums}</w:numbering>')


OUTLINE = (
    '<w:abstractNum w:abstractNumId="0">'
    + _level(0, "upperRoman", "%1.")
    + _level(1, "decimal", "%1.%2.")
    + _level(2, "lowerLetter", "%3)")
    + "</w:abstractNum>"
)


def test_labels_count_per_level_and_restart_below():
    lists = Lists(
        _numbering(OUTLINE, nums='<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'), {}
    )
    labels = [lists.label("1", level) for level in (0, 1, 1, 2, 2, 2, 2, 2, 2, 0, 1)]
    assert [label.rstrip("\t") for label in labels] == [
        "I.",
        "I.1.",
        "I.2.",
        "a)",
        "b)",
        "c)",
        "d)",
        "e)",
        "f)",
        "II.",
        "II.1.",
    ]


def test_a_start_override_restarts_a_shared_list():
    nums = (
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    lists = Lists(_numbering(OUTLINE, nums=nums), {})
    assert [lists.label("1", 0), lists.label("1", 0), lists.label("2", 0)] == [
        "I.\t",
        "II.\t",
        "I.\t",
    ]


def test_bullets_and_unknown_lists():
    bullet = '<w:abstractNum w:abstractNumId="3">' + _level(0, "bullet", "•") + "</w:abstractNum>"
    lists = Lists(
        _numbering(bullet, nums='<w:num w:numId="4"><w:abstractNumId w:val="3"/></w:num>'), {}
    )
    assert lists.label("4", 0) == "•\t"
    assert lists.label("99", 0) == ""
    assert lists.level("4", 0) is not None and lists.level("0", 0) is None


def _auto_lettered(carrier: str) -> bytes:
    """The plan with its items a)-g) lettered by a Word list instead of typed letters."""
    document = corpus.plan(carrier=carrier)
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">'
            + _level(0, "lowerLetter", "%1)")
            + "</w:abstractNum>"
        ),
    )
    numbering.append(
        parse_xml(f'<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>')
    )
    for letter in "abcdđeg":
        paragraph = find(document, f"{letter}) ")
        paragraph.runs[0].text = paragraph.runs[0].text[3:]
        ppr = paragraph._p.get_or_add_pPr()
        ppr.insert(
            1 if ppr.find(qn("w:pStyle")) is not None else 0,
            parse_xml(f'<w:numPr xmlns:w="{W}"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'),
        )
    return corpus.to_bytes(document)


def test_word_lettering_is_read_and_its_e_f_caught():
    report = check(_auto_lettered("styles"))
    letters = [f for f in report.findings if f.rule == "heading.letter"]
    assert [(f.found, f.expected) for f in letters] == [("“e)”", "“đ)”"), ("“f)”", "“e)”")]
    assert Counter(report.rules()) == Counter({"heading.letter": 2})

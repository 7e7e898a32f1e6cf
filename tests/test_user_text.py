"""User text is data: template syntax, XML specials, quotes and emoji print exactly as typed."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from schemas import load_document
from schemas.encoding import legacy_encoding
from service.rendering import Renderer
from service.vietnamese import nfc
from tests.builders import minimal_letter, minimal_plan
from tests.readback import printed_lines

NASTY = [
    "{{ 7*7 }}",
    "{% for x in range(9) %}loop{% endfor %}",
    "{# comment #}",
    "{_{ x }_}",
    "{%p if true %}",
    "${jndi}",
    "A & B < C > D",
    "\"quoted\" and 'single'",
    "&amp; &lt;",
    "<w:p>raw xml</w:p>",
    "]]>",
    "Trẻ em 👶🏽 và 🇻🇳",
    "\u200b zero\u200dwidth",
    "שלום עברית",
    "{{ b.text }}",
    "{{ issuer_rule.left }}",
    "{% rule title_rule %}",
]


def _document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        assert package.testzip() is None
        return package.read("word/document.xml")


def test_nasty_strings_print_verbatim_everywhere(renderer: Renderer) -> None:
    plan = minimal_plan(
        preamble=NASTY,
        tasks={"sections": [{"heading": h, "items": NASTY} for h in NASTY[:3]]},
        closing="Kết thúc {{ x }}",
        recipients=["Sở <Tư pháp> & {{ y }}"],
        signer={"collective": "ỦY BAN NHÂN DÂN", "title": "CHỦ TỊCH", "name": "Tên {% x %}"},
        place="Xã {{ z }} & <b>",
    )
    docx = renderer.render_docx(load_document(plan))
    etree.fromstring(_document_xml(docx))  # well-formed
    lines = printed_lines(docx)
    for text in NASTY:
        assert lines.count(text) >= 1 and f"- {text}" in lines, text
    assert "Kết thúc {{ x }}./." in lines
    assert "- Sở <Tư pháp> & {{ y }};" in lines
    assert "Tên {% x %}" in lines
    assert any(line.startswith("Xã {{ z }} & <b>, ngày 06") for line in lines)


def test_letter_addressees_and_subject_are_data(renderer: Renderer) -> None:
    letter = minimal_letter(title="về {{ x }} & <y>", addressees=["A {{ 1 }}", "B & C"])
    lines = printed_lines(renderer.render_docx(load_document(letter)))
    assert "V/v về {{ x }} & <y>" in lines
    assert lines[lines.index("Kính gửi:") :][:3] == ["Kính gửi:", "- A {{ 1 }};", "- B & C."]


def test_two_plans_in_a_row_never_leak(renderer: Renderer) -> None:
    first = load_document(minimal_plan(title="Kế hoạch thứ nhất", place="Nơi Một"))
    second = load_document(
        minimal_plan(
            title="Kế hoạch thứ hai", place="Nơi Hai", preamble=["Chỉ có ở văn bản thứ hai."]
        )
    )
    a1 = printed_lines(renderer.render_docx(first))
    b = printed_lines(renderer.render_docx(second))
    a2 = printed_lines(renderer.render_docx(first))
    assert a1 == a2
    assert "Chỉ có ở văn bản thứ hai." in b and "Chỉ có ở văn bản thứ hai." not in a2
    assert not any("Nơi Hai" in line for line in a2)


# Any printable text (no controls, no lone surrogates), already as users see it after NFC.
_CHARS = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufffe\uffff")
_WORD = st.text(_CHARS, min_size=1, max_size=30).map(nfc).map(lambda s: " ".join(s.split()))
TEXT = _WORD.filter(
    lambda s: (
        bool(s)
        and s[-1] not in ".;,:"
        and not s.startswith("Căn cứ")
        and legacy_encoding(s) is None
    )  # text that looks typed in TCVN3/VNI is rightly refused
)


@st.composite
def plans(draw: st.DrawFn) -> dict[str, Any]:
    """Valid plans whose free text is arbitrary Unicode."""
    items = draw(st.lists(TEXT, min_size=1, max_size=4))
    headings = draw(st.lists(TEXT, min_size=1, max_size=3))
    return minimal_plan(
        preamble=draw(st.lists(TEXT, max_size=2)),
        place=draw(TEXT),
        tasks={"sections": [{"heading": h, "items": items, "text": [h]} for h in headings]},
        organization={"assignments": [{"agency": draw(TEXT), "text": items}]},
        recipients=draw(st.lists(TEXT, min_size=1, max_size=3)),
        signer={"title": "CHỦ TỊCH", "name": draw(TEXT)},
        closing=draw(TEXT),
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_any_valid_plan_renders_every_string_verbatim(plan: dict[str, Any]) -> None:
    renderer = Renderer()
    docx = renderer.render_docx(load_document(plan))
    etree.fromstring(_document_xml(docx))
    text = "\n".join(printed_lines(docx))
    strings = [
        *plan["preamble"],
        plan["place"],
        plan["signer"]["name"],
        plan["closing"],
        *plan["recipients"],
        plan["organization"]["assignments"][0]["agency"],
    ]
    for section in plan["tasks"]["sections"]:
        strings += [section["heading"], *section["items"]]
    for string in strings:
        assert string in text, repr(string)

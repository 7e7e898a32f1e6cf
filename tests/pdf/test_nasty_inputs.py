"""The nasty-input corpus: each input either renders verbatim into a DOCX that LibreOffice opens,
or is refused with a field-level 4xx. Never a 500, never a corrupt file."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask.testing import FlaskClient

from service.rendering.pdf import LibreOfficePool
from tests.builders import minimal_plan
from tests.pdf import pdfcheck
from tests.readback import printed_lines

pytestmark = pytest.mark.libreoffice


def _nested(depth: int) -> dict[str, Any]:
    section: dict[str, Any] = {"heading": f"Mục cấp {depth}", "text": ["Nội dung sâu nhất."]}
    for level in range(depth - 1, 0, -1):
        section = {"heading": f"Mục cấp {level}", "sections": [section]}
    return section


BIDI = "שלום \u200f مرحبا \u200bX\u200dY\u2060Z"
MANY = [f"Mục {n}" for n in range(500)]
RENDERED: dict[str, tuple[dict[str, Any], list[str]]] = {
    "template syntax": (
        minimal_plan(closing="{{ 7*7 }} {% if x %} ${jndi:ldap} #{x} {# c #}"),
        ["{{ 7*7 }} {% if x %} ${jndi:ldap} #{x} {# c #}./."],
    ),
    "xml specials": (
        minimal_plan(place="A & B <c> \"d\" 'e' ]]> &amp;"),
        ["A & B <c> \"d\" 'e' ]]> &amp;, ngày 06 tháng 5 năm 2024"],
    ),
    "word field code text": (
        minimal_plan(closing="{ PAGE } { MERGEFIELD x } DDEAUTO c:\\\\x"),
        ["{ PAGE } { MERGEFIELD x } DDEAUTO c:\\\\x./."],
    ),
    "NFD and mixed": (
        minimal_plan(title=unicodedata.normalize("NFD", "Kế hoạch") + " Hội đồng"),
        ["Kế hoạch Hội đồng"],
    ),
    "right-to-left and zero-width": (minimal_plan(closing=BIDI), [f"{BIDI}./."]),
    "emoji": (minimal_plan(closing="Trẻ em 👶🏽 và 👨‍👩‍👧 🇻🇳"), ["Trẻ em 👶🏽 và 👨‍👩‍👧 🇻🇳./."]),
    "long paragraph (20,000 characters)": (
        minimal_plan(closing="trẻ em " * 2857),
        [("trẻ em " * 2857).strip() + "./."],
    ),
    "500-item list": (
        minimal_plan(tasks={"sections": [{"heading": "Nhiều mục", "items": MANY}]}),
        ["- Mục 0", "- Mục 499"],
    ),
    "twelve levels of sections": (
        minimal_plan(tasks={"sections": [_nested(12)]}),
        ["Nội dung sâu nhất."],
    ),
}

REFUSED: dict[str, tuple[Callable[[], Any], str]] = {
    "100,000-character paragraph": (lambda: minimal_plan(closing="x" * 100_000), "closing"),
    "5,000-item list": (lambda: minimal_plan(recipients=["x"] * 5000), "recipients"),
    "deeply nested sections": (lambda: minimal_plan(tasks={"sections": [_nested(60)]}), "tasks"),
    "TCVN3 pasted as text": (lambda: minimal_plan(title="Thùc hiÖn c«ng t¸c trÎ em"), "title"),
    "VNI pasted as text": (lambda: minimal_plan(title="Thöïc hieän coâng taùc treû em"), "title"),
    "control character": (lambda: minimal_plan(place="Xã\x00A"), "place"),
    "Word field character": (lambda: minimal_plan(closing="a\x13 PAGE \x14b\x15"), "closing"),
    "lone surrogate": (lambda: minimal_plan(place="Xã \ud800"), "place"),
}


@pytest.fixture()
def pdf_client(pool: LibreOfficePool, tmp_path: Path) -> FlaskClient:
    from service.http import create_app

    app = create_app(
        {
            "TESTING": True,
            "PDF_CONVERTER": pool,
            "MAX_CONTENT_LENGTH": 4 << 20,
            "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}",
        }
    )
    return app.test_client()


@pytest.mark.parametrize("name", RENDERED)
def test_rendered_verbatim_and_opened_by_libreoffice(
    name: str, pdf_client: FlaskClient, pool: LibreOfficePool
) -> None:
    plan, expected = RENDERED[name]
    response = pdf_client.post("/api/v1/documents", json=plan)
    assert response.status_code == 200, response.json
    lines = printed_lines(response.data)
    for line in expected:
        assert line in lines, (name, line[:80])
    pdf = pool.convert(response.data)  # LibreOffice opens it and lays it out
    assert pdfcheck.reader(pdf).pages and pdfcheck.words(
        "".join(p.extract_text() for p in pdfcheck.reader(pdf).pages)
    )


@pytest.mark.parametrize("name", REFUSED)
def test_refused_with_a_field_level_error(name: str, pdf_client: FlaskClient) -> None:
    build, field = REFUSED[name]
    body = json.dumps(build())  # ASCII-escaped, so a lone surrogate travels as `\ud800`
    response = pdf_client.post("/api/v1/documents", data=body, content_type="application/json")
    assert response.status_code == 422, response.status_code
    assert any(path == field or path.startswith(f"{field}.") for path in response.json["errors"])

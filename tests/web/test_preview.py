"""The HTML preview prints exactly the DOCX's lines; PDF page images when a converter exists."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from service.errors import ConversionError
from service.http.web.pdfpages import page_images
from service.rendering.pdf import FakeConverter
from tests.builders import minimal_letter, minimal_plan
from tests.conftest import GOLDEN, plan_json
from tests.readback import printed_lines
from tests.web.conftest import web_app
from tests.web.html import Page


@pytest.mark.parametrize("name", GOLDEN)
def test_preview_prints_the_same_lines_as_the_docx(
    name: str, client: FlaskClient, golden_docx: dict[str, bytes]
) -> None:
    response = client.post("/preview", json=plan_json(name))
    assert response.status_code == 200 and response.mimetype == "text/html"
    lines = [p for p in Page(response.get_data(as_text=True)).paragraphs if p.strip()]
    assert lines == printed_lines(golden_docx[name])


def test_user_text_is_escaped_never_markup(client: FlaskClient) -> None:
    plan = minimal_plan(title="<script>alert(1)</script> & {{ x }}")
    html = client.post("/preview", json=plan).get_data(as_text=True)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; {{ x }}" in html


def test_invalid_plan_is_422_with_field_paths(client: FlaskClient) -> None:
    response = client.post("/preview", json=minimal_letter(addressees=[]))
    assert response.status_code == 422
    assert response.json["errors"] == {"addressees": ["Cần ít nhất 1 mục."]}


def test_pdf_pages_say_unavailable_without_a_converter(client: FlaskClient) -> None:
    response = client.post("/preview/pages", json=minimal_plan())
    assert response.status_code == 503
    assert response.json["detail"] == "Máy chủ này chưa có bộ chuyển đổi PDF; hãy tải DOCX."


def test_pdf_pages_as_images_from_the_converter(tmp_path: Path) -> None:
    converter = FakeConverter(pages=2)
    client = web_app(tmp_path, PDF_CONVERTER=converter).test_client()
    response = client.post("/preview/pages", json=minimal_plan())
    assert response.status_code == 200
    pages = response.json["pages"]
    assert len(pages) == 2 and all(p.startswith("data:image/png;base64,iVBOR") for p in pages)
    assert len(converter.calls) == 1


def test_page_images_reports_a_broken_pdf() -> None:
    with pytest.raises(ConversionError):
        page_images(b"not a pdf")


def test_the_preview_prints_v11_content_as_the_docx(client: FlaskClient, renderer: object) -> None:
    from schemas import load_document
    from service.rendering import Renderer
    from tests.builders import minimal_decision

    decision = minimal_decision()
    decision["attachment"]["tasks"] = {
        "content": [
            {"paragraph": [{"text": "Lưu ý: ", "bold": True}, "gửi", {"footnote": "Theo & <QĐ>."}]},
            {"plus": "cộng"},
            {
                "table": {
                    "columns": [
                        {"title": "A"},
                        {"title": "B", "group": "G"},
                        {"title": "C", "group": "G"},
                    ],
                    "rows": [
                        {"group": "Nhóm"},
                        [{"text": "1", "rowspan": 2}, "x\ny", "z"],
                        ["u", "v"],
                    ],
                }
            },
        ]
    }
    html = client.post("/preview", json=decision).get_data(as_text=True)
    page = Page(html)
    assert isinstance(renderer, Renderer)
    docx = renderer.render_docx(load_document(decision))
    cells = ["A", "G", "B", "C", "Nhóm", "1", "x", "y", "z", "u", "v"]
    lines = [p for p in page.paragraphs if p.strip()]
    start = lines.index("A")
    assert lines[start : start + len(cells)] == cells  # each merged cell once, in reading order
    # outside the table, the preview and the DOCX print the same paragraphs
    docx_lines = printed_lines(docx)
    assert [x for x in lines if x not in cells] == [x for x in docx_lines if x not in cells]
    assert lines[-1] == "[1] Theo & <QĐ>."  # the footnote after the last line, as read back
    assert "<strong>Lưu ý: </strong>" in html and 'rowspan="2"' in html and 'colspan="2"' in html
    assert "&lt;QĐ&gt;" in html

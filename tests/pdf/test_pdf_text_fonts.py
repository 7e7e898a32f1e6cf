"""Real LibreOffice: every Vietnamese letter kept, Liberation Serif embedded, pages numbered."""

from __future__ import annotations

import subprocess

import pytest
from fontTools.ttLib import TTFont

from service.rendering.pdf import LibreOfficePool
from tests.pdf import pdfcheck
from tests.pdf.samples import LETTERS, docx_text

pytestmark = pytest.mark.libreoffice


def test_fontconfig_gives_liberation_serif_with_every_vietnamese_letter() -> None:
    path = subprocess.run(
        ["fc-match", "--format=%{file}", "Times New Roman"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "LiberationSerif" in path
    cmap = TTFont(path).getBestCmap()
    missing = [c for c in LETTERS + [x.upper() for x in LETTERS] if ord(c) not in cmap]
    assert not missing, f"{path} lacks {missing}: install fonts-liberation2"


def test_pdf_text_equals_docx_text_after_nfc(sample_docx: bytes, sample_pdf: bytes) -> None:
    pages = [page.extract_text() for page in pdfcheck.reader(sample_pdf).pages]
    body = []
    for number, text in enumerate(pages, start=1):
        first, _, rest = text.partition("\n")
        if number > 1:
            assert first.strip() == str(number), f"page {number} starts with {first!r}"
            text = rest
        body.append(text)
    assert len(pages) >= 5
    assert pdfcheck.words("\n".join(body)) == pdfcheck.words(docx_text(sample_docx))


def test_every_font_is_embedded_liberation_serif(sample_pdf: bytes) -> None:
    fonts = pdfcheck.fonts(sample_pdf)
    assert fonts, "no fonts found"
    assert all(font.embedded for font in fonts), fonts
    # "BAAAAA+LiberationSerif" is a subset; a DejaVu font would mean borrowed letters.
    assert all(font.name.split("+")[-1].startswith("LiberationSerif") for font in fonts), fonts


def test_page_number_hidden_on_page_one_and_at_the_top_of_page_two(sample_pdf: bytes) -> None:
    height = pdfcheck.page_height(sample_pdf)
    page_two = pdfcheck.fragments(sample_pdf, 1)
    number = next(f for f in page_two if f.text == "2")
    assert number.y > height * 0.9, "the page number is not in the top margin"
    assert number.y > max(f.y for f in page_two if f is not number), "text above the number"
    page_one = pdfcheck.fragments(sample_pdf, 0)
    assert all(f.y < number.y - 5 for f in page_one), "page 1 has text in the header area"
    assert page_one[0].text.startswith("Chữ cái:")


def test_pdfa_output_declares_pdfa_2b_and_embeds_fonts(
    pool: LibreOfficePool, sample_docx: bytes
) -> None:
    pdf = pool.convert(sample_docx, pdfa=True)
    xmp = pdfcheck.reader(pdf).xmp_metadata
    assert xmp is not None
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("2", "B")
    assert all(font.embedded for font in pdfcheck.fonts(pdf))

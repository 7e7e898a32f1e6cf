"""The golden plans through real LibreOffice: every word and diacritic, fonts, page numbers."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from schemas import load_document
from service.produce import produce
from service.rendering import Renderer
from service.rendering.pdf import LibreOfficePool, page_count
from tests.conftest import GOLDEN, plan_json
from tests.pdf import pdfcheck
from tests.readback import printed_lines

pytestmark = pytest.mark.libreoffice


def _pdf_text(pdf: bytes, footnotes: list[str] | None = None) -> str:
    """Text of every page, without the page numbers the header adds and without the
    footnotes' texts at the pages' feet (tests/pdf/test_v11_pdf.py places those)."""
    pages = []
    for page in pdfcheck.reader(pdf).pages:
        first, _, rest = page.extract_text().partition("\n")
        text = rest if first.strip().isdigit() else f"{first}\n{rest}"
        text = re.sub(r"(?<=\w)-\n", "-", text)  # `NĐ-` / `CP`: a line broken after a hyphen
        text = " ".join(unicodedata.normalize("NFC", text).split())
        for note in footnotes or []:
            text = text.replace(note, " ")
        pages.append(text)
    return "\n".join(pages)


def _pdf_words(pdf: bytes) -> Counter[str]:
    """Words of every page, without the page numbers the header adds."""
    return Counter(pdfcheck.words(_pdf_text(pdf)))


@pytest.mark.parametrize("name", GOLDEN)
def test_pdf_has_every_word_of_the_docx(
    name: str, golden_docx: dict[str, bytes], golden_pdf: dict[str, bytes]
) -> None:
    """Every word of the DOCX, footnote marks as the digits they print; a document with tables
    is compared character by character, each character at least as often as in the DOCX and
    more often only if it is in a header row the table repeats on its next pages."""
    body, notes = pdfcheck.docx_text(golden_docx[name])
    repeated = pdfcheck.header_texts(golden_docx[name])
    pdf_text = _pdf_text(golden_pdf[name], notes)
    if not repeated:
        assert Counter(pdfcheck.words(pdf_text)) == Counter(pdfcheck.words(body))
        return
    # pypdf glues table cells that share a line (`Năm 2028Kế hoạch`), so words would not do.
    docx_chars = Counter(c for c in body if not c.isspace())
    pdf_chars = Counter(c for c in pdf_text if not c.isspace())
    assert docx_chars - pdf_chars == Counter()
    assert set(pdf_chars - docx_chars) <= set("".join(repeated))


@pytest.mark.parametrize("name", GOLDEN)
def test_fonts_embedded_and_page_numbers_from_page_two(
    name: str, golden_pdf: dict[str, bytes]
) -> None:
    pdf = golden_pdf[name]
    fonts = pdfcheck.fonts(pdf)
    assert fonts and all(f.embedded for f in fonts)
    assert all(f.name.split("+")[-1].startswith("LiberationSerif") for f in fonts), fonts
    pages = [p.extract_text().partition("\n")[0].strip() for p in pdfcheck.reader(pdf).pages]
    assert not pages[0].isdigit()
    if len(pages) > 1 and not name.endswith("bao-linh-2024"):
        assert pages[1] == "2"


def test_appendix_restarts_page_numbers(golden_pdf: dict[str, bytes]) -> None:
    pdf = golden_pdf["ke-hoach-bao-linh-2024"]
    texts = [p.extract_text() for p in pdfcheck.reader(pdf).pages]
    appendix = next(i for i, t in enumerate(texts) if "Phụ lục 01" in t)
    assert appendix >= 2 and texts[1].partition("\n")[0].strip() == "2"
    assert not texts[appendix].partition("\n")[0].strip().isdigit()


def test_api_answers_pdf_with_metadata(pool: LibreOfficePool, tmp_path: Path) -> None:
    from service.http import create_app

    app = create_app(
        {
            "TESTING": True,
            "PDF_CONVERTER": pool,
            "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}",
        }
    )
    response = app.test_client().post(
        "/api/v1/documents?format=pdf&pdfa=true", json=plan_json("ke-hoach-bac-kan-2023")
    )
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].endswith(".pdf")
    reader = pdfcheck.reader(response.data)
    assert reader.metadata.title == "Thực hiện công tác trẻ em năm 2023"
    assert reader.metadata.author == "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN"
    assert page_count(response.data) >= 8


def test_produce_gives_the_pdf_of_exactly_the_docx(pool: LibreOfficePool) -> None:
    document = load_document(plan_json("cong-van-tl"))
    pdf = produce(document, "pdf", Renderer(), pool)
    docx_words = Counter(pdfcheck.words("\n".join(printed_lines(Renderer().render_docx(document)))))
    assert _pdf_words(pdf) == docx_words


def test_metadata_without_a_creation_date_keeps_or_drops_libreoffices(
    pool: LibreOfficePool, golden_docx: dict[str, bytes]
) -> None:
    from service.rendering.pdf import PdfMetadata, set_metadata

    pdf = set_metadata(pool.convert(golden_docx["cong-van-tl"]), PdfMetadata(title="T", author="A"))
    assert pdfcheck.reader(pdf).metadata.title == "T"


def test_merged_pdf_keeps_every_page_and_bookmark(golden_pdf: dict[str, bytes]) -> None:
    from service.rendering.pdf import merge

    parts = [(f"Xã {n} – {name}", golden_pdf[name]) for n in range(3) for name in GOLDEN]
    merged = pdfcheck.reader(merge(parts))
    sources = [pdfcheck.reader(pdf) for _, pdf in parts]
    assert len(merged.pages) == sum(len(s.pages) for s in sources)
    starts = [sum(len(s.pages) for s in sources[:i]) for i in range(len(sources))]
    assert [(o.title, merged.get_destination_page_number(o)) for o in merged.outline] == [
        (title, start) for (title, _), start in zip(parts, starts, strict=True)
    ]
    for source, start in zip(sources, starts, strict=True):
        for i, page in enumerate(source.pages):
            assert merged.pages[start + i].extract_text() == page.extract_text()


def test_merging_memory_does_not_grow_with_the_number_of_parts(
    golden_pdf: dict[str, bytes],
) -> None:
    import tempfile
    import tracemalloc

    from service.rendering.pdf import merge_to

    def peak(count: int) -> int:
        pdf = golden_pdf["ke-hoach-bac-kan-2023"]
        tracemalloc.start()
        with tempfile.TemporaryFile() as out:  # a file, as in batch storage, not a buffer
            merge_to(((f"Xã {n}", pdf) for n in range(count)), out)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top

    small, large = peak(20), peak(200)  # 200 parts: 2,000 pages
    # pypdf's PdfWriter grew ~384 kB a 10-page part here (8 MB -> 77 MB); the streaming
    # merge keeps 8 bytes an object and a few for each page and bookmark.
    assert (large - small) / 180 < 40_000, (small, large)


def test_merged_pdf_passes_qpdfs_structural_check(
    golden_pdf: dict[str, bytes], tmp_path: Path
) -> None:
    import subprocess

    from service.rendering.pdf import merge

    merged = tmp_path / "merged.pdf"
    merged.write_bytes(merge([(f"Xã {name}", pdf) for name, pdf in golden_pdf.items()]))
    check = subprocess.run(["qpdf", "--check", str(merged)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr  # 0: no errors, no warnings
    assert "No syntax or stream encoding errors" in check.stdout

"""pypdf post-processing: metadata (Info and XMP), page counts, merging with an outline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pypdf.generic import Destination

from service.errors import ConversionError
from service.rendering.pdf import FakeConverter, LibreOfficePool
from service.rendering.pdf.postprocess import PdfMetadata, merge, page_count, pdf_date, set_metadata
from tests.pdf import pdfcheck

HANOI = timezone(timedelta(hours=7))
META = PdfMetadata(
    title="Kế hoạch tổ chức thăm hỏi, tặng quà nhân dịp Tết Nguyên đán",
    author="ỦY BAN NHÂN DÂN TỈNH BẮC KẠN",
    subject="Công tác an sinh xã hội",
    keywords=("an sinh", "Tết", "người có công"),
    created=datetime(2023, 4, 3, 9, 30, tzinfo=HANOI),
)


def blank(pages: int) -> bytes:
    return FakeConverter(pages=pages).convert(b"docx")


def test_pdf_date_carries_the_offset() -> None:
    assert pdf_date(META.created or datetime.now()) == "D:20230403093000+07'00'"
    assert pdf_date(datetime(2023, 1, 5, 8, 0)) == "D:20230105080000"


def test_set_metadata_fills_the_info_dictionary() -> None:
    info = pdfcheck.reader(set_metadata(blank(2), META)).metadata
    assert info is not None
    assert (info.title, info.author, info.subject) == (META.title, META.author, META.subject)
    assert info.get("/Keywords") == "an sinh, Tết, người có công"
    assert info.creation_date == META.created


def test_set_metadata_appends_and_keeps_the_original_bytes() -> None:
    original = blank(1)
    assert set_metadata(original, META).startswith(original)


@pytest.mark.libreoffice
def test_metadata_of_a_pdfa_agrees_in_info_and_xmp(
    pool: LibreOfficePool, sample_docx: bytes
) -> None:
    pdf = set_metadata(pool.convert(sample_docx, pdfa=True), META)
    xmp = pdfcheck.reader(pdf).xmp_metadata
    assert xmp is not None
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("2", "B")
    assert xmp.dc_title == {"x-default": META.title}
    assert xmp.dc_creator == [META.author]
    assert xmp.dc_description == {"x-default": META.subject}
    assert xmp.pdf_keywords == "an sinh, Tết, người có công"
    assert xmp.xmp_create_date == (META.created or datetime.now()).astimezone(UTC).replace(
        tzinfo=None
    )
    assert xmp.pdf_producer and xmp.pdf_producer.startswith("LibreOffice")


def test_page_count_and_its_check() -> None:
    assert page_count(blank(3)) == 3
    with pytest.raises(ConversionError):
        page_count(b"%PDF-1.4 garbage")


def test_merge_has_every_page_and_one_outline_entry_per_part() -> None:
    merged = merge([("Kế hoạch", blank(3)), ("Phụ lục 01", blank(1)), ("Phụ lục 02", blank(2))])
    reader = pdfcheck.reader(merged)
    assert len(reader.pages) == 6
    entries = [
        (item.title, reader.get_destination_page_number(item))
        for item in reader.outline
        if isinstance(item, Destination)
    ]
    assert entries == [("Kế hoạch", 0), ("Phụ lục 01", 3), ("Phụ lục 02", 4)]


@pytest.mark.libreoffice
def test_merge_of_real_pdfs(sample_pdf: bytes) -> None:
    pages = page_count(sample_pdf)
    merged = merge([("Xã A", sample_pdf), ("Xã B", sample_pdf)])
    assert page_count(merged) == 2 * pages
    assert len(pdfcheck.reader(merged).outline) == 2
    assert all(font.embedded for font in pdfcheck.fonts(merged))


def test_merge_of_nothing_is_an_error() -> None:
    with pytest.raises(ConversionError):
        merge([])

"""The PDF's properties come from LibreOffice alone: the DOCX's core properties, no pypdf pass."""

from __future__ import annotations

import datetime as dt

import pytest

from schemas import load_document
from service.produce import produce
from service.rendering import Renderer
from service.rendering.pdf import LibreOfficePool, page_count
from tests.conftest import plan_json
from tests.pdf import pdfcheck

pytestmark = pytest.mark.libreoffice
NBSP = "\u00a0"


@pytest.mark.parametrize("pdfa", [False, True])
def test_info_and_xmp_say_trich_yeu_issuer_number_and_keywords(
    pool: LibreOfficePool, pdfa: bool
) -> None:
    plan = plan_json("ke-hoach-bac-kan-2023") | {"number": 231, "place": "TP.  Bắc Kạn"}
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    pdf = produce(load_document(plan), "pdf", Renderer(), pool, pdfa=pdfa)
    reader = pdfcheck.reader(pdf)
    info = reader.metadata
    assert info.title == "Thực hiện công tác trẻ em năm 2023"
    assert info.author == "ỦY BAN NHÂN DÂN THÀNH PHỐ BẮC KẠN"
    assert info.subject == "Kế hoạch số 231/KH-UBND"
    # One keyword a phrase (LibreOffice would split at spaces), whitespace collapsed.
    keywords = f"Kế{NBSP}hoạch, TP.{NBSP}Bắc{NBSP}Kạn, Nghị{NBSP}định{NBSP}30/2020/NĐ-CP"
    assert info["/Keywords"] == keywords
    # A date pypdf can read, in Vietnam's zone (UTC+7), made by this conversion.
    assert info.creation_date.utcoffset() == dt.timedelta(hours=7)
    assert before <= info.creation_date <= dt.datetime.now(dt.UTC)
    xmp = reader.xmp_metadata
    if not pdfa:
        assert xmp is None
        return
    assert xmp is not None
    assert (xmp.pdfaid_part, xmp.pdfaid_conformance) == ("2", "B")
    assert xmp.dc_title == {"x-default": info.title}
    assert xmp.dc_creator == [info.author]
    assert xmp.dc_description == {"x-default": info.subject}
    assert xmp.pdf_keywords == keywords


def test_the_pool_counts_pages_from_its_layout(
    pool: LibreOfficePool, golden_docx: dict[str, bytes]
) -> None:
    for name, docx in golden_docx.items():
        converted = pool.convert_counted(docx)
        assert converted.pages == page_count(converted.pdf), name

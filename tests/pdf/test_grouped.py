"""Communes joined into one DOCX, converted once, cut apart: the same PDFs as one by one."""

from __future__ import annotations

import io
import zipfile

import pytest

from schemas import load_document
from service.rendering import Renderer
from service.rendering.pdf import LibreOfficePool, PoolConfig, page_count
from service.rendering.pdf.grouped import convert_joint, group, properties
from service.rendering.pdf.streaming import StreamingMerger
from tests.conftest import plan_json
from tests.pdf import pdfcheck

# A plan with an appendix that restarts its numbering, and one without, by turns.
NAMES = ["ke-hoach-bao-linh-2024", "ke-hoach-bac-kan-2023", "ke-hoach-dinh-ke-2024"]


def _communes(count: int) -> list[bytes]:
    renderer = Renderer()
    documents = []
    for n in range(count):
        plan = plan_json(NAMES[n % len(NAMES)])
        plan["issuer"]["name"] = f"ỦY BAN NHÂN DÂN XÃ SỐ {n + 1}"
        documents.append(renderer.render_docx(load_document(plan | {"number": 10 + n})))
    return documents


def _page_texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in pdfcheck.reader(pdf).pages]


def test_group_refuses_documents_whose_other_parts_differ() -> None:
    plan = _communes(1)[0]
    assert group([]) is None and group([plan, b"not a docx"]) is None
    tampered = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plan)) as source, zipfile.ZipFile(tampered, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            copy.writestr(info, data + b" " if info.filename == "word/header1.xml" else data)
    assert group([plan, tampered.getvalue()]) is None


@pytest.mark.libreoffice
def test_joint_conversion_gives_each_communes_own_pdf(pool: LibreOfficePool) -> None:
    documents = _communes(5)
    merged_out = io.BytesIO()
    merged = StreamingMerger(merged_out)
    titles = [f"Xã {n}" for n in range(5)]
    parts = convert_joint(pool, documents, merged, titles)
    assert parts is not None
    merged.finish()
    alone = [pool.convert(docx) for docx in documents]
    starts = [0]
    for part, single, docx in zip(parts, alone, documents, strict=True):
        # Page by page the same text: the numbering restarts per commune, none on page 1.
        assert _page_texts(part.pdf) == _page_texts(single)
        assert part.pages == page_count(part.pdf) == page_count(single)
        assert not _page_texts(part.pdf)[0].partition("\n")[0].strip().isdigit()
        assert _page_texts(part.pdf)[1].partition("\n")[0].strip() == "2"
        info = pdfcheck.reader(part.pdf).metadata
        expected = pdfcheck.reader(single).metadata
        for key in ("/Title", "/Author", "/Subject", "/Keywords", "/Producer"):
            assert info[key] == expected[key] == properties(docx).get(key, expected[key])
        assert info.creation_date is not None
        fonts = pdfcheck.fonts(part.pdf)
        assert fonts and all(f.embedded for f in fonts)
        starts.append(starts[-1] + part.pages)
    reader = pdfcheck.reader(merged_out.getvalue())
    assert len(reader.pages) == starts[-1]
    assert [(o.title, reader.get_destination_page_number(o)) for o in reader.outline] == list(
        zip(titles, starts[:-1], strict=True)
    )
    assert _page_texts(merged_out.getvalue()) == [t for p in parts for t in _page_texts(p.pdf)]


def test_batches_join_only_on_the_pool_and_never_for_pdfa() -> None:
    from service.batch.pdf_batch import commune_pdf, joiner, joint_pdfs
    from service.rendering.pdf import CachingConverter, FakeConverter

    pool = LibreOfficePool(PoolConfig(instances=1))  # nothing starts before a conversion
    assert joiner(CachingConverter(pool), pdfa=False) is pool  # the cache is bypassed
    assert joiner(pool, pdfa=True) is None  # PDF/A is made per document
    fake = FakeConverter(pages=3)
    assert joiner(CachingConverter(fake), pdfa=False) is None
    documents = _communes(2)
    assert joint_pdfs(pool, documents[:1]) is None  # one document: nothing to join
    cached = CachingConverter(fake)
    assert commune_pdf(cached, documents[0], pdfa=True).pages == 3
    assert fake.calls[-1][1] is True and cached.stats().misses == 0
    assert pool.stats().instances == () and pool.stats().converted == 0
    pool.close()

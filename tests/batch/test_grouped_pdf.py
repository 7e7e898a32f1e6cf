"""A grouped PDF batch through the worker with real LibreOffice: every commune's PDF, cut
from a joint conversion, equals its conversion alone page for page, and the merged PDF
has a bookmark per commune. Communes of different lengths, so that the cuts fall on odd
and even pages."""

from __future__ import annotations

import io
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from service.batch.storage import MemoryStorage
from service.rendering.pdf import LibreOfficePool, PoolConfig
from tests.batch.communes import commune_rows
from tests.batch.conftest import RuntimeFactory
from tests.batch.test_worker import submit

pytestmark = pytest.mark.libreoffice
COMMUNES, GROUP = 11, 5  # joined by 5, 5, then the last one alone
FUNDING = "Kinh phí lồng ghép từ chương trình mục tiêu quốc gia giảm nghèo bền vững của xã"


@pytest.fixture(scope="module")
def pool() -> Iterator[LibreOfficePool]:
    config = PoolConfig(instances=2, timeout=30, max_conversions=1000)
    with LibreOfficePool(config) as started:
        started.start()
        yield started


def varied_rows() -> list[dict[str, Any]]:
    """The communes, some with a longer funding section (0 to 36 more lines)."""
    rows = commune_rows(COMMUNES)
    for n, row in enumerate(rows):
        lines = [f"{FUNDING} {row['place']}, khoản {k + 1}." for k in range(n % 4 * 12)]
        row["patch"] = {"funding": {"numbered": ["Ngân sách nhà nước.", *lines]}}
    return rows


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def qpdf_check(pdf: bytes, path: Path) -> None:
    path.write_bytes(pdf)
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr  # 0: no errors, no warnings


def test_grouped_communes_equal_their_conversions_alone(
    make_runtime: RuntimeFactory, plan: dict[str, Any], pool: LibreOfficePool, tmp_path: Path
) -> None:
    plan["title"] = "Thực hiện công tác trẻ em năm 2023 trên địa bàn {ten_xa}"
    rows = varied_rows()
    storage = MemoryStorage()
    runtime = make_runtime(converter=pool, storage=storage, pdf_group=GROUP)
    batch_id = submit(runtime, plan, rows, formats=["docx", "pdf"])
    converted = pool.stats().converted
    runtime.worker.drain(batch_id)
    assert runtime.batches.progress(batch_id).counts == {"done": COMMUNES}
    assert pool.stats().converted - converted == 3  # two joint loads and one alone
    starts, pages_seen = [], set()
    total = 0
    for item in runtime.batches.done_items(batch_id):
        row, docx, output = rows[item.position], item.output("docx"), item.output("pdf")
        assert docx is not None and output is not None
        grouped = storage.files[output["key"]]
        alone = PdfReader(io.BytesIO(pool.convert(storage.files[docx["key"]])))
        reader = PdfReader(io.BytesIO(grouped))
        texts = page_texts(reader)
        assert texts == page_texts(alone), item.label  # page for page, the same text
        assert output["pages"] == len(reader.pages) == len(alone.pages)
        first_lines = [text.partition("\n")[0].strip() for text in texts]
        assert not first_lines[0].isdigit()  # no number on the first page
        assert first_lines[1:] == [str(n) for n in range(2, len(texts) + 1)]  # from 2, again
        info, expected = reader.metadata, alone.metadata
        assert info is not None and expected is not None
        for key in ("/Title", "/Author", "/Subject", "/Keywords", "/Producer"):
            assert info[key] == expected[key], key
        assert info["/Title"] == f"Thực hiện công tác trẻ em năm 2023 trên địa bàn {row['ten_xa']}"
        assert info["/Author"] == row["issuer.name"]
        qpdf_check(grouped, tmp_path / f"{item.position}.pdf")
        starts.append(total)
        total += len(texts)
        pages_seen.add(len(texts))
    assert len({n % 2 for n in pages_seen}) == 2, pages_seen  # odd and even lengths
    merged = storage.files[f"{batch_id}/merged.pdf"]
    qpdf_check(merged, tmp_path / "merged.pdf")
    reader = PdfReader(io.BytesIO(merged))
    assert len(reader.pages) == total
    marks = [(o.title, reader.get_destination_page_number(o)) for o in reader.outline]
    assert marks == [(f"Xã {row['place']}", start) for row, start in zip(rows, starts, strict=True)]

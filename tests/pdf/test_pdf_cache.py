"""The PDF cache: keyed by the DOCX's content, not its render time; bounded; converts once."""

from __future__ import annotations

import io
import re
import threading
import time
import zipfile
from pathlib import Path

import pytest

from schemas import load_document
from service.errors import ConversionError
from service.rendering import Renderer
from service.rendering.pdf import CachingConverter, FakeConverter, uncached
from service.rendering.pdf.cache import docx_key
from tests.conftest import plan_json


def _docx(number: int = 1) -> bytes:
    return Renderer().render_docx(load_document(plan_json("cong-van-tl") | {"number": number}))


def _rendered_later(docx: bytes) -> bytes:
    """The same DOCX as if rendered a minute later: new entry times, new core.xml dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as source, zipfile.ZipFile(out, "w") as copy:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d\d-\d\dT[\d:]+Z", b"2031-01-01T00:01:00Z", data)
            info.date_time = (2031, 1, 1, 0, 1, 0)
            copy.writestr(info, data, info.compress_type)
    return out.getvalue()


def test_key_ignores_render_time_but_not_content_or_pdfa() -> None:
    docx = _docx()
    later = _rendered_later(docx)
    assert later != docx
    assert docx_key(later, False) == docx_key(docx, False)
    assert docx_key(docx, True) != docx_key(docx, False)
    assert docx_key(_docx(2), False) != docx_key(docx, False)
    assert docx_key(b"not a zip", False) is None


def test_a_hit_returns_the_same_pdf_without_converting() -> None:
    fake = FakeConverter(pages=2)
    cache = CachingConverter(fake)
    first = cache.convert(_docx())
    assert cache.convert(_rendered_later(_docx())) == first
    assert cache.convert_counted(_docx()).pages == 2
    cache.convert(_docx(), pdfa=True)
    assert len(fake.calls) == 2
    assert (cache.stats().hits, cache.stats().misses) == (2, 2)


def test_bounded_in_bytes_oldest_first() -> None:
    fake = FakeConverter()
    size = len(fake.convert(b"x"))
    cache = CachingConverter(fake, max_bytes=size * 4)
    for n in range(1, 7):
        cache.convert(_docx(n))
    assert cache.stats().entries == 4 and cache.stats().bytes <= size * 4
    cache.convert(_docx(6))  # kept
    cache.convert(_docx(1))  # evicted: converted again
    assert len(fake.calls) == 1 + 6 + 1


def test_failures_are_not_cached_and_junk_goes_to_the_converter() -> None:
    fake = FakeConverter(fail_with=ConversionError("rejected"))
    cache = CachingConverter(fake)
    for _ in range(2):
        with pytest.raises(ConversionError):
            cache.convert(_docx())
    with pytest.raises(ConversionError):
        cache.convert(b"not a docx")
    assert len(fake.calls) == 3 and cache.stats().entries == 0


def test_concurrent_requests_for_one_document_convert_once() -> None:
    class Slow(FakeConverter):
        def convert(
            self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None
        ) -> bytes:
            time.sleep(0.2)
            return super().convert(docx, pdfa=pdfa, timeout=timeout)

    slow = Slow()
    cache = CachingConverter(slow)
    docx = _docx()
    results: list[bytes] = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.convert(docx))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(slow.calls) == 1 and len(set(results)) == 1 and len(results) == 4
    assert uncached(cache) is slow and uncached(slow) is slow


def test_the_app_converts_an_unchanged_draft_once(tmp_path: Path) -> None:
    from service.http import create_app

    fake = FakeConverter()
    app = create_app({"TESTING": True, "AUTH_REQUIRED": False, "PDF_CONVERTER": fake,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"})  # fmt: skip
    client = app.test_client()
    plan = plan_json("ke-hoach-dinh-ke-2024")
    assert client.post("/preview/pages", json=plan).status_code == 200
    assert client.post("/api/v1/documents?format=docx", json=plan).status_code == 200
    pdf = client.post("/api/v1/documents?format=pdf", json=plan)
    assert pdf.status_code == 200 and len(fake.calls) == 1
    client.post("/api/v1/documents?format=pdf", json=plan | {"title": "Khác"})
    assert len(fake.calls) == 2
    off = create_app({"TESTING": True, "AUTH_REQUIRED": False, "PDF_CONVERTER": fake,
                      "PDF_CACHE_MB": 0,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'b.db'}"})  # fmt: skip
    assert off.extensions["converter"] is fake


@pytest.mark.libreoffice
def test_prestart_warms_the_pool_before_the_first_pdf(tmp_path: Path) -> None:
    from service.http import create_app

    app = create_app({"TESTING": True, "PDF_PRESTART": True, "PDF_CACHE_MB": 1,
                      "DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}"})  # fmt: skip
    cache = app.extensions["converter"]
    assert isinstance(cache, CachingConverter) and cache.max_bytes == 1024 * 1024
    pool = cache.inner
    try:
        deadline = time.monotonic() + 60
        while len(pool.stats().instances) < pool.config.instances:
            assert time.monotonic() < deadline, "the pool did not start by itself"
            time.sleep(0.1)
    finally:
        cache.close()

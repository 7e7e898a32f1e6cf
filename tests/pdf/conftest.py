"""Shared PDF fixtures: one real LibreOffice pool for the session, sample documents, leak checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from service.rendering.pdf import LibreOfficePool, PoolConfig
from tests.pdf.procs import pool_processes
from tests.pdf.samples import build_docx


@pytest.fixture(scope="session", autouse=True)
def no_leftover_processes() -> Iterator[None]:
    """The whole PDF test session leaves no soffice or worker behind."""
    before = pool_processes()
    yield
    left = pool_processes() - before
    assert not left, f"processes left behind: {sorted(left)}"


@pytest.fixture(scope="session")
def pool() -> Iterator[LibreOfficePool]:
    """Two warm instances shared by every real-LibreOffice test (small queue for the full test)."""
    config = PoolConfig(instances=2, queue_size=2, timeout=20, max_conversions=1000)
    with LibreOfficePool(config) as shared:
        shared.start()
        yield shared


@pytest.fixture(scope="session")
def sample_docx() -> bytes:
    """About seven pages of Vietnamese text in Times New Roman, page numbers from page 2."""
    return build_docx(60)


@pytest.fixture(scope="session")
def long_docx() -> bytes:
    """About thirty pages: a conversion that takes a while."""
    return build_docx(300)


@pytest.fixture(scope="session")
def sample_pdf(pool: LibreOfficePool, sample_docx: bytes) -> bytes:
    return pool.convert(sample_docx)


@pytest.fixture(scope="session")
def golden_pdf(pool: LibreOfficePool, golden_docx: dict[str, bytes]) -> dict[str, bytes]:
    """Every golden fixture through LibreOffice once for the whole PDF session."""
    return {name: pool.convert(docx) for name, docx in golden_docx.items()}

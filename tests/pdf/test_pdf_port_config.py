"""The converter port's fake, the pool's configuration, and no Flask in the PDF package."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from service.errors import ConversionError, ConversionTimeout, ConverterUnavailable
from service.rendering.pdf import Converter, FakeConverter, LibreOfficePool, PoolConfig
from service.rendering.pdf.postprocess import page_count


def test_fake_converter_records_calls_and_returns_a_pdf() -> None:
    fake = FakeConverter(pages=2)
    converter: Converter = fake
    assert page_count(converter.convert(b"docx", pdfa=True, timeout=5)) == 2
    assert fake.calls == [(b"docx", True, 5)]


def test_fake_converter_fails_on_demand_and_after_close() -> None:
    fake = FakeConverter(fail_with=ConversionTimeout("too slow"))
    with pytest.raises(ConversionTimeout):
        fake.convert(b"docx")
    fake.close()
    with pytest.raises(ConverterUnavailable):
        fake.convert(b"docx")


def test_config_from_environment() -> None:
    config = PoolConfig.from_env(
        {"PDF_POOL_SIZE": "3", "PDF_POOL_TIMEOUT": "7.5", "PDF_POOL_MAX_CONVERSIONS": "50"}
    )
    assert (config.instances, config.timeout, config.max_conversions) == (3, 7.5, 50)
    assert config.queue_size == 12
    assert PoolConfig.from_env(
        {"PDF_POOL_QUEUE": "1", "PDF_POOL_WORKDIR": "/srv/x"}
    ).workdir == Path("/srv/x")


@pytest.mark.parametrize("env", [{"PDF_POOL_SIZE": "0"}, {"PDF_POOL_TIMEOUT": "soon"}])
def test_config_rejects_nonsense(env: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        PoolConfig.from_env(env)


def test_pool_is_lazy_and_refuses_empty_documents() -> None:
    pool = LibreOfficePool(PoolConfig(instances=1))
    assert pool.stats().instances == ()
    with pytest.raises(ConversionError):
        pool.convert(b"")
    pool.close()
    with pytest.raises(ConverterUnavailable):
        pool.convert(b"docx")


def test_the_pdf_package_imports_no_flask() -> None:
    code = "import sys, service.rendering.pdf; sys.exit('flask' in sys.modules)"
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0

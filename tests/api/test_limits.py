"""Every limit answers at the edge with its documented status and a field-level message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from service.errors import ConversionTimeout, ConverterBusy
from service.http import create_app
from service.rendering.pdf import FakeConverter
from tests.builders import minimal_plan


def _client(tmp_path: Path, **config: Any) -> Any:
    base = {"TESTING": True, "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'limits.db'}"}  # fmt: skip
    return create_app({**base, **config}).test_client()


def test_full_conversion_queue_is_503_with_retry_after(tmp_path: Path) -> None:
    busy = FakeConverter(fail_with=ConverterBusy("queue full", retry_after=7))
    response = _client(tmp_path, PDF_CONVERTER=busy).post("/api/v1/documents?format=pdf",
                                                          json=minimal_plan())  # fmt: skip
    assert response.status_code == 503 and response.headers["Retry-After"] == "7"
    assert response.json["errors"]["_schema"] == [
        "Dịch vụ chuyển đổi đang bận; vui lòng thử lại sau 7 giây."
    ]


def test_conversion_timeout_is_504_never_a_hang(tmp_path: Path) -> None:
    slow = FakeConverter(fail_with=ConversionTimeout("took too long"))
    response = _client(tmp_path, PDF_CONVERTER=slow).post("/api/v1/documents?format=pdf",
                                                          json=minimal_plan())  # fmt: skip
    assert response.status_code == 504 and "Retry-After" in response.headers


def test_no_converter_is_503_not_500(tmp_path: Path) -> None:
    response = _client(tmp_path, PDF_CONVERTER=None).post("/api/v1/documents?format=pdf",
                                                          json=minimal_plan())  # fmt: skip
    assert response.status_code == 503


def test_batch_rows_are_bounded(tmp_path: Path) -> None:
    client = _client(tmp_path, BATCH_MAX_ROWS=3, PDF_CONVERTER=None)
    rows = [{"issuer.name": f"ỦY BAN NHÂN DÂN XÃ {n}", "place": f"Xã {n}"} for n in range(4)]
    response = client.post("/api/v1/batches/validate", json={"plan": minimal_plan(), "rows": rows})
    assert response.status_code == 422
    assert "rows" in response.json["errors"]

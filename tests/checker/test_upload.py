"""POST /api/v1/check's options: the profile, exact pages through the converter, .doc files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.http import create_app
from service.rendering.pdf import FakeConverter

from .reviews import FOLDER, as_doc


def _app(tmp_path: Path, **config: object) -> Flask:
    return create_app(
        {
            "TESTING": True,
            "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
            **config,
        }
    )


def _post(client: FlaskClient, data: bytes, name: str = "vb.docx", **fields: str):
    return client.post(
        "/api/v1/check",
        data={"file": (io.BytesIO(data), name), **fields},
        content_type="multipart/form-data",
    )


def _real(name: str) -> bytes:
    return (FOLDER / f"{name}.docx").read_bytes()


def test_the_profile_is_chosen_per_request(tmp_path: Path) -> None:
    client = _app(tmp_path).test_client()
    decree = _post(client, _real("vbai14_tb_ket_qua_dai_hoi")).json
    house = _post(client, _real("vbai14_tb_ket_qua_dai_hoi"), profile="house").json
    assert (decree["profile"], house["profile"]) == ("decree", "house")
    assert {f["basis"] for f in house["findings"]} == {"decree", "house"}
    assert house["warnings"] > decree["warnings"] and house["errors"] == decree["errors"]
    wrong = _post(client, b"x", profile="strict")
    assert wrong.status_code == 422 and "profile" in wrong.json["errors"]


def test_exact_pages_come_from_the_converter(tmp_path: Path) -> None:
    # A one-page letter the estimate puts on two pages would report no page numbers.
    converter = FakeConverter(pages=3)
    client = _app(tmp_path, PDF_CONVERTER=converter).test_client()
    data = _real("vbai21_cv_trien_khai_kh1014")
    plain = _post(client, data).json
    assert plain["pages_source"] == "word" and plain["pages"] == 1 and not converter.calls
    exact = _post(client, data, pages="exact").json
    assert (exact["pages"], exact["pages_source"]) == (3, "layout")
    assert [call[0] for call in converter.calls] == [data]
    assert "page_number.missing" in [f["rule"] for f in exact["findings"]]


def test_exact_pages_without_a_converter_is_503(tmp_path: Path) -> None:
    client = _app(tmp_path, PDF_ENABLED=False).test_client()
    response = _post(client, _real("vbai21_cv_trien_khai_kh1014"), pages="exact")
    assert response.status_code == 503
    assert _post(client, b"x", pages="all").status_code == 422


def test_a_bomb_never_reaches_the_converter(tmp_path: Path) -> None:
    from tests import hostile

    converter = FakeConverter()
    client = _app(tmp_path, PDF_CONVERTER=converter).test_client()
    response = _post(client, hostile.billion_laughs(), pages="exact")
    assert response.status_code == 422 and converter.calls == []


@pytest.mark.libreoffice
def test_a_legacy_doc_upload_is_converted(tmp_path: Path) -> None:
    legacy = as_doc("vbai23_giay_moi_hop_cchc", tmp_path)
    client = _app(tmp_path).test_client()
    report = _post(client, legacy.read_bytes(), name="gm.doc").json
    assert report["converted_from"] == "doc" and report["kind"] == "giay_moi"
    # Anything else that is not Word: a plain message, no repr.
    response = _post(client, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000, name="x.doc")
    assert response.status_code == 422
    (message,) = response.json["errors"]["file"]
    assert "<" not in message and "Error" not in message and ".doc" in message

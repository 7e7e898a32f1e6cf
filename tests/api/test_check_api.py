"""The checker at the edge: the API answers findings; the command line answers an exit status."""

from __future__ import annotations

import argparse
import io
import json

import pytest
from flask.testing import FlaskClient

from service.checker.cli import add_parser
from tests.checker.corpus import plan, to_bytes


def _broken_date() -> bytes:
    document = plan()
    for paragraph in (
        p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs
    ):
        if ", ngày" in paragraph.text:
            for run in paragraph.runs:
                run.text = run.text.replace("tháng 4", "tháng 04")
    return to_bytes(document)


def _post(client: FlaskClient, data: bytes, **headers: str) -> object:
    return client.post(
        "/api/v1/check",
        data={"file": (io.BytesIO(data), "kh.docx")},
        content_type="multipart/form-data",
        headers=headers,
    )


def test_our_golden_documents_pass(client: FlaskClient, golden_docx: dict[str, bytes]) -> None:
    """Every document we render, v1.1 ones included, checks with no error through the API."""
    for name, docx in golden_docx.items():
        report = _post(client, docx).json  # type: ignore[attr-defined]
        errors = [
            (f["rule"], f["where"]["text"]) for f in report["findings"] if f["severity"] == "error"
        ]
        assert errors == [], name


def test_a_broken_date_is_found_and_explained(client: FlaskClient) -> None:
    response = _post(client, _broken_date(), **{"Accept-Language": "en"})
    report = response.json  # type: ignore[attr-defined]
    rules = [f["rule"] for f in report["findings"]]
    assert "date.leading_zero" in rules and report["errors"] >= 1
    finding = report["findings"][rules.index("date.leading_zero")]
    assert {"rule", "severity", "where", "found", "expected", "hint"} <= set(finding)
    assert "tháng 04" in finding["where"]["text"]


def test_not_a_docx_and_no_file(client: FlaskClient) -> None:
    response = _post(client, b"plain text, not a Word file")
    assert response.status_code == 422  # type: ignore[attr-defined]
    assert "file" in response.json["errors"]  # type: ignore[attr-defined]
    missing = client.post("/api/v1/check", data={}, content_type="multipart/form-data")
    assert missing.status_code == 422 and missing.json["errors"] == {
        "file": ["Trường này là bắt buộc."]
    }
    not_a_file = client.post(
        "/api/v1/check", data={"file": "text"}, content_type="multipart/form-data"
    )
    assert not_a_file.json["errors"] == {"file": ["Phải là một tệp."]}
    as_json = client.post("/api/v1/check", json={"file": "x"})
    assert as_json.status_code == 415  # like every other operation given the wrong type


def _cli(tmp_path: object, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_parser(parser.add_subparsers())
    args = parser.parse_args(["check", *argv])
    return int(args.run(args))


def test_command_line_exit_status(
    tmp_path, capsys: pytest.CaptureFixture[str], golden_docx: dict[str, bytes]
) -> None:
    good, bad, junk = tmp_path / "good.docx", tmp_path / "bad.docx", tmp_path / "junk.docx"
    good.write_bytes(golden_docx["cong-van-tl"])
    bad.write_bytes(_broken_date())
    junk.write_bytes(b"nope")
    assert _cli(tmp_path, str(good)) == 0
    assert _cli(tmp_path, "--json", "--lang", "en", str(bad)) == 1
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert "date.leading_zero" in [f["rule"] for f in json.loads(line)["findings"]]
    assert _cli(tmp_path, str(good), str(junk)) == 2

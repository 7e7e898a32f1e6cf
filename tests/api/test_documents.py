"""The JSON API: rendering, validation, every error status with its shape, file names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from werkzeug.http import parse_options_header

from service.http import create_app
from tests.builders import minimal_letter, minimal_plan
from tests.conftest import expected_lines, plan_json
from tests.readback import printed_lines

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_renders_the_example_plan(client: FlaskClient) -> None:
    response = client.post("/api/v1/documents?format=docx", json=plan_json("ke-hoach-bac-kan-2023"))
    assert response.status_code == 200 and response.mimetype == DOCX
    assert printed_lines(response.data) == expected_lines("ke-hoach-bac-kan-2023")


def test_download_name_from_type_number_and_date(client: FlaskClient) -> None:
    response = client.post("/api/v1/documents", json=minimal_letter(number="7"))
    disposition = response.headers["Content-Disposition"]
    assert "filename=Cong-van-so-07-UBND-LDTBXH-ngay-2024-03-15.docx;" in disposition
    kind, options = parse_options_header(disposition)  # as a browser reads filename*
    assert (kind, options["filename"]) == (
        "attachment",
        "Công văn số 07-UBND-LĐTBXH ngày 2024-03-15.docx",
    )


def test_validate_answers_valid_without_rendering(client: FlaskClient) -> None:
    response = client.post("/api/v1/documents/validate", json=minimal_plan())
    assert response.status_code == 200 and response.json == {"valid": True}


def test_422_lists_every_field_in_vietnamese(client: FlaskClient) -> None:
    data = minimal_plan(organization={"assignments": [{"agency": "A"}, {}, {}, {"text": ["x"]}]})
    response = client.post("/api/v1/documents", json=data)
    assert response.status_code == 422
    errors = response.json["errors"]
    assert errors["organization.assignments.3.agency"] == ["Trường này là bắt buộc."]
    assert set(errors) == {f"organization.assignments.{n}.agency" for n in (1, 2, 3)}


def test_422_in_english_on_request(client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/documents/validate",
        json=minimal_plan(place=""),
        headers={"Accept-Language": "en-GB,en;q=0.9"},
    )
    assert response.json["errors"] == {"place": ["May not be empty."]}


def test_malformed_json_is_400(client: FlaskClient) -> None:
    for body in (b"{bad", b"\xff\xfe", b"[" * 100_000):
        response = client.post("/api/v1/documents", data=body, content_type="application/json")
        assert response.status_code == 400, body[:10]
        assert "_schema" in response.json["errors"]


def test_wrong_content_type_is_415(client: FlaskClient) -> None:
    response = client.post(
        "/api/v1/documents", data=json.dumps(minimal_plan()), content_type="text/plain"
    )
    assert response.status_code == 415 and "errors" in response.json


def test_oversized_body_is_413(tmp_path: Path) -> None:
    config = {
        "TESTING": True,
        "MAX_CONTENT_LENGTH": 1000,
        "AUTH_REQUIRED": False,
        "DATABASE_URL": f"sqlite:///{tmp_path}/a",
    }
    client = create_app(config).test_client()
    response = client.post("/api/v1/documents", json=minimal_plan(closing="x" * 2000))
    assert response.status_code == 413
    assert response.json["errors"]["_schema"] == ["Nội dung gửi lên quá lớn: tối đa 1000 byte."]


def test_bad_format_is_400(client: FlaskClient) -> None:
    response = client.post("/api/v1/documents?format=odt", json=minimal_plan())
    assert response.status_code == 400 and "format" in response.json["errors"]


def test_unknown_route_and_method_answer_json(client: FlaskClient) -> None:
    assert client.get("/api/v1/nothing").json["code"] == 404
    assert client.get("/api/v1/documents").json["code"] == 405


def test_openapi_is_generated_from_the_schemas(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").json
    plan = spec["components"]["schemas"]["Plan"]
    assert {"issuer", "signer", "targets", "organization"} <= set(plan["properties"])
    assert plan["additionalProperties"] is False
    assert spec["components"]["schemas"]["Plan"]["properties"]["type"]["enum"] == ["ke_hoach"]
    body = spec["paths"]["/api/v1/documents"]["post"]["requestBody"]["content"]
    mapping = body["application/json"]["schema"]["discriminator"]["mapping"]
    assert set(mapping) == {"ke_hoach", "cong_van", "quyet_dinh"}
    post = spec["paths"]["/api/v1/documents"]["post"]
    assert {"400", "413", "415", "422"} <= set(post["responses"])


def test_swagger_ui_is_served_locally(client: FlaskClient) -> None:
    page = client.get("/api/docs/")
    assert page.status_code == 200 and b"swagger-ui-bundle.js" in page.data
    with client.get("/api/docs/swagger-ui-bundle.js") as script:
        assert script.status_code == 200 and b"SwaggerUIBundle" in script.data


def test_app_factory_reads_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PLANDOC_MAX_CONTENT_LENGTH", "12345")
    monkeypatch.setenv("PLANDOC_DATABASE_URL", f"sqlite:///{tmp_path / 'env.db'}")
    app = create_app()
    assert app.config["MAX_CONTENT_LENGTH"] == 12345
    assert (tmp_path / "env.db").exists()

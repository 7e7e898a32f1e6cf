"""The OpenAPI description: valid for strict validators, generated from the views and the
schema registry, every operation named, every field hook honoured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from flask import Flask
from flask.testing import FlaskClient
from marshmallow import Schema, fields
from openapi_spec_validator import validate

from schemas import SCHEMAS, PlanSchema
from service.http import create_app
from service.http.openapi import fields as openapi_fields

SPEC = "/api/v1/openapi.json"


@pytest.fixture()
def secured(tmp_path: Path) -> Flask:
    return create_app({"TESTING": True, "AUTH_REQUIRED": True, "PDF_CONVERTER": None,
                       "DATABASE_URL": f"sqlite:///{tmp_path / 'o.db'}"})  # fmt: skip


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(m, p, op) for p, item in spec["paths"].items() for m, op in item.items()]


def test_the_served_description_passes_openapi_spec_validator(secured: Flask) -> None:
    spec = secured.test_client().get(SPEC).json
    validate(spec)
    assert spec["servers"] and spec["info"]["license"]["name"]
    ids = [op["operationId"] for _, _, op in _operations(spec)]
    assert len(ids) == len(set(ids)) >= 21 and all(ids)
    assert all(op["tags"] and op["summary"] for _, _, op in _operations(spec))


def test_every_routed_api_view_is_described_with_its_methods(secured: Flask) -> None:
    spec = secured.test_client().get(SPEC).json
    described = {(m.upper(), p) for m, p, _ in _operations(spec)}
    routed = {
        (method, rule.rule.replace("<id:", "<").replace("<", "{").replace(">", "}"))
        for rule in secured.url_map.iter_rules()
        if rule.rule.startswith(("/api/v1/", "/healthz", "/readyz"))
        for method in (rule.methods or set()) - {"HEAD", "OPTIONS"}
    }
    assert described == routed


def test_render_parameters_and_binary_answers(client: FlaskClient) -> None:
    render = client.get(SPEC).json["paths"]["/api/v1/documents"]["post"]
    names = {p["name"]: p for p in render["parameters"]}
    assert names["pdfa"]["schema"]["type"] == "boolean" and names["pdfa"]["in"] == "query"
    assert names["format"]["schema"]["enum"] == ["docx", "pdf"]
    ok = render["responses"]["200"]
    assert set(ok["content"]) == {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
    assert all(
        c["schema"] == {"type": "string", "format": "binary"} for c in ok["content"].values()
    )
    assert "Content-Disposition" in ok["headers"]
    invalid = render["responses"]["422"]["content"]["application/problem+json"]["schema"]
    assert invalid == {"$ref": "#/components/schemas/Problem"}
    letter = client.get(SPEC).json["components"]["schemas"]["Letter"]["properties"]
    assert letter["addressees"]["minItems"] == 1  # the service refuses an empty list


def test_security_follows_the_settings(secured: Flask, tmp_path: Path) -> None:
    spec = secured.test_client().get(SPEC).json
    render = spec["paths"]["/api/v1/documents"]["post"]
    assert render["security"] == [{"ApiKey": []}, {"Bearer": []}] and "401" in render["responses"]
    assert spec["paths"]["/healthz"]["get"]["security"] == []
    opened = create_app({"TESTING": True, "AUTH_REQUIRED": True, "PUBLIC_RENDERING": True,
                         "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}"})  # fmt: skip
    public = opened.test_client().get(SPEC).json["paths"]["/api/v1/documents"]["post"]
    assert public["security"] == [{}, {"ApiKey": []}, {"Bearer": []}]


def test_the_document_body_is_every_registered_type(
    client: FlaskClient, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class MemoSchema(PlanSchema):
        """A type registered by a test, as the lead registers quyet_dinh."""

    monkeypatch.setitem(SCHEMAS, "memo", MemoSchema)
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'm.db'}"})
    spec = app.test_client().get(SPEC).json
    body = spec["paths"]["/api/v1/documents"]["post"]["requestBody"]["content"]
    schema = body["application/json"]["schema"]
    assert schema["discriminator"]["mapping"] == {
        "ke_hoach": "#/components/schemas/Plan",
        "cong_van": "#/components/schemas/Letter",
        "quyet_dinh": "#/components/schemas/Decision",
        "memo": "#/components/schemas/Memo",
    }
    assert {"$ref": "#/components/schemas/Memo"} in schema["oneOf"]
    assert spec["components"]["schemas"]["Memo"]["properties"]["type"]["enum"] == ["memo"]
    validate(spec)


class SpanSchema(Schema):
    """A run of text with its formatting."""

    text = fields.String(required=True)
    bold = fields.Boolean()


class RichText(fields.Field[Any]):
    """A string, or a list of spans: describes itself through the hook."""

    def json_schema(self, resolve: Any) -> dict[str, Any]:
        return {"oneOf": [{"type": "string"}, {"type": "array", "items": resolve(SpanSchema)}]}


class NoteSchema(Schema):
    """A schema with a self-describing field."""

    body = RichText(required=True)
    title = fields.String(allow_none=True)


def test_a_field_with_json_schema_describes_itself() -> None:
    plugin = MarshmallowPlugin()
    spec = APISpec(title="t", version="1", openapi_version="3.0.3", plugins=[plugin])
    openapi_fields.install(plugin)
    spec.components.schema("Note", schema=NoteSchema)
    document = spec.to_dict()
    note = document["components"]["schemas"]["Note"]
    assert note["properties"]["body"] == {
        "oneOf": [
            {"type": "string"},
            {"type": "array", "items": {"$ref": "#/components/schemas/Span"}},
        ]
    }
    assert note["properties"]["title"] == {"type": "string", "nullable": True}
    assert document["components"]["schemas"]["Span"]["required"] == ["text"]
    assert note["required"] == ["body"]

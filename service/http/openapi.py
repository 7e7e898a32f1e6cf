"""OpenAPI 3 of the API, generated from the same marshmallow schemas that validate requests."""

from __future__ import annotations

from functools import cache
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import fields

from schemas import SCHEMAS
from schemas.fields import (
    BoundedList,
    Choice,
    DateText,
    DocumentNumber,
    Quantity,
    StringOrObject,
    Text,
    TextList,
)
from service.batch.request import BatchRequestSchema
from service.http.auth import RENDERING_PATHS
from service.http.web.openapi_drafts import drafts_paths

FINDING = {
    "type": "object",
    "required": ["rule", "severity", "where", "found", "expected", "hint"],
    "properties": {
        "rule": {"type": "string", "example": "date.leading_zero"},
        "severity": {"type": "string", "enum": ["error", "warning"]},
        "message": {"type": "string"},
        "where": {"type": "object"},
        "found": {"type": "string"},
        "expected": {"type": "string"},
        "hint": {"type": "string"},
    },
}
REPORT = {
    "type": "object",
    "required": ["errors", "warnings", "findings"],
    "properties": {
        "errors": {"type": "integer"},
        "warnings": {"type": "integer"},
        "findings": {"type": "array", "items": FINDING},
    },
}
DOCX_MIMETYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ERROR = {
    "type": "object",
    "required": ["errors"],
    "properties": {
        "code": {"type": "integer"},
        "status": {"type": "string"},
        "message": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "Messages keyed by the dotted path of the field "
            "(`organization.assignments.3.agency`); `_schema` for the request as a whole.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}


def _field_attributes(plugin: MarshmallowPlugin) -> Any:
    def attributes(_converter: Any, field: fields.Field[Any], **_: Any) -> dict[str, Any]:
        describe = getattr(field, "json_schema", None)
        if describe is not None:  # fields that describe themselves (rich text, blocks, tables)
            schema: dict[str, Any] = describe(plugin.converter.resolve_nested_schema)  # type: ignore[union-attr]
            return schema
        if isinstance(field, Text):
            return {"maxLength": field.max_length, "minLength": 1}
        if isinstance(field, Choice):
            return {"enum": list(field.choices)}
        if isinstance(field, TextList | BoundedList):
            bounds = {"maxItems": field.max_items}
            return bounds | ({"minItems": field.min_items} if field.min_items else {})
        if isinstance(field, DateText):
            return {"pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$", "example": "2023-04"}
        if isinstance(field, DocumentNumber):
            return {"pattern": r"^\d{1,9}$", "nullable": True}
        if isinstance(field, StringOrObject):
            ref = plugin.converter.resolve_nested_schema(field.schema())  # type: ignore[union-attr]
            return {"oneOf": [{"type": "string"}, ref]}
        return {}

    return attributes


@cache
def openapi_spec() -> dict[str, Any]:
    """The whole description, built once."""
    plugin = MarshmallowPlugin(
        schema_name_resolver=lambda s: (
            s if isinstance(s, type) else type(s)
        ).__name__.removesuffix("Schema")
    )
    spec = APISpec(
        title="Vietnamese plan documents",
        version="1.0.0",
        openapi_version="3.0.3",
        plugins=[plugin],
        info={"description": "Renders KẾ HOẠCH and công văn to Decree 30/2020 (DOCX, PDF)."},
    )
    plugin.map_to_openapi_type(DateText, "string", None)  # type: ignore[no-untyped-call]
    plugin.map_to_openapi_type(DocumentNumber, "string", None)  # type: ignore[no-untyped-call]
    plugin.map_to_openapi_type(Quantity, "number", None)  # type: ignore[no-untyped-call]
    plugin.map_to_openapi_type(StringOrObject, None, None)  # type: ignore[no-untyped-call]
    plugin.converter.add_attribute_function(_field_attributes(plugin))  # type: ignore[union-attr]
    refs = {}
    for code, schema in SCHEMAS.items():
        name = schema.__name__.removesuffix("Schema")
        spec.components.schema(name, schema=schema)
        refs[code] = f"#/components/schemas/{name}"
    spec.components.schema("Error", ERROR)
    spec.components.security_scheme(
        "ApiKey", {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    )
    spec.components.security_scheme(
        "Bearer",
        {"type": "http", "scheme": "bearer", "description": "an API key: plk_<id>_<secret>"},
    )
    document = {
        "oneOf": [{"$ref": ref} for ref in refs.values()],
        "discriminator": {"propertyName": "type", "mapping": refs},
    }
    body = {"required": True, "content": {"application/json": {"schema": document}}}
    errors = {str(s): _error(d) for s, d in _ERRORS.items()}
    spec.path(
        path="/api/v1/documents",
        operations={
            "post": {
                "summary": "Validate a plan and render it",
                "parameters": [
                    {
                        "name": "format",
                        "in": "query",
                        "schema": {"type": "string", "enum": ["docx", "pdf"], "default": "docx"},
                    },
                ],
                "requestBody": body,
                "responses": {
                    "200": {
                        "description": "The document, with a Content-Disposition "
                        "file name built from type, number and date",
                        "content": {
                            DOCX_MIMETYPE: {"schema": {"type": "string", "format": "binary"}},
                            "application/pdf": {"schema": {"type": "string", "format": "binary"}},
                        },
                    },
                    **errors,
                },
            }
        },
    )
    spec.path(
        path="/api/v1/documents/validate",
        operations={
            "post": {
                "summary": "Validate a plan; render nothing",
                "requestBody": body,
                "responses": {
                    "200": {
                        "description": "Valid",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "properties": {"valid": {"type": "boolean"}},
                                }
                            }
                        },
                    },
                    **errors,
                },
            }
        },
    )
    spec.path(
        path="/api/v1/check",
        operations={
            "post": {
                "summary": "Check any DOCX against Decree 30: every finding, located and explained",
                "parameters": [
                    {
                        "name": "kind",
                        "in": "query",
                        "required": False,
                        "schema": {"type": "string", "enum": ["ke_hoach", "cong_van"]},
                    }
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {
                            "schema": {
                                "type": "object",
                                "required": ["file"],
                                "properties": {"file": {"type": "string", "format": "binary"}},
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "The report",
                        "content": {"application/json": {"schema": REPORT}},
                    },
                    **{str(s): _error(d) for s, d in _ERRORS.items() if s in (400, 413, 422)},
                },
            }
        },
    )
    spec.path(
        path="/api/v1/openapi.json",
        operations={
            "get": {
                "summary": "This description",
                "security": [],  # public
                "responses": {
                    "200": {
                        "description": "OpenAPI 3",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    )
    for path, operations in drafts_paths().items():  # the web form's drafts API
        spec.path(path=path, operations=operations)
    spec.components.schema("BatchRequest", schema=BatchRequestSchema)
    for path, operations in batch_paths().items():
        spec.path(path=path, operations=operations)
    description = spec.to_dict()
    description["security"] = [{"ApiKey": []}, {"Bearer": []}]  # every operation but the spec
    for path in RENDERING_PATHS:  # public by default: a key is optional there
        for operation in description["paths"][path].values():
            operation["security"] = [{}, {"ApiKey": []}, {"Bearer": []}]
    for path, operations in description["paths"].items():
        for operation in operations.values():
            if path != "/api/v1/openapi.json":  # secured: may answer 401 and 429
                for status in ("401", "429"):
                    operation["responses"].setdefault(status, _error(_ERRORS[int(status)]))
    return description


_ERRORS = {
    400: "Malformed JSON or a bad query parameter",
    413: "Body too large",
    415: "Not application/json",
    422: "The plan breaks the contract: every offending field, by dotted path",
    401: "No valid API key (X-API-Key or Bearer) and no signed-in session",
    429: "Too many requests from this client (with Retry-After)",
    503: "PDF converters busy (with Retry-After)",
}


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


BATCH_STATUS = {
    "type": "object",
    "required": ["id", "status", "total"],
    "properties": {
        "id": {"type": "string"},
        "status": {"type": "string", "enum": ["queued", "running", "done", "failed"]},
        "total": {"type": "integer"},
        "done": {"type": "integer"},
        "failed": {"type": "integer"},
        "eta_seconds": {"type": "number", "nullable": True},
        "errors": {"type": "object"},
        "urls": {"type": "object"},
    },
}


def batch_paths() -> dict[str, dict[str, Any]]:
    """The batch API (issue 5): submit, validate, follow, download."""
    body = {
        "required": True,
        "content": {
            "application/json": {"schema": {"$ref": "#/components/schemas/BatchRequest"}},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["plan", "table"],
                    "properties": {
                        "plan": {"type": "string", "description": "the base plan's JSON"},
                        "table": {
                            "type": "string",
                            "format": "binary",
                            "description": ".xlsx, .csv or .json, one row per commune",
                        },
                        "formats": {"type": "string", "example": "docx,pdf"},
                    },
                }
            },
        },
    }
    key = {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "schema": {"type": "string", "maxLength": 200},
    }
    batch_id = {"name": "batch_id", "in": "path", "required": True, "schema": {"type": "string"}}
    status = {"application/json": {"schema": BATCH_STATUS}}
    errors = {str(s): _error(d) for s, d in _ERRORS.items() if s in (400, 413, 415, 422, 503)}
    binary = {"schema": {"type": "string", "format": "binary"}}
    not_ready = _error("The batch has not finished yet (with Retry-After)")
    return {
        "/api/v1/batches": {"post": {
            "summary": "One plan per commune: validate every row, then queue the batch",
            "parameters": [key], "requestBody": body,
            "responses": {"202": {"description": "Queued", "content": status}, **errors,
                          "409": _error("Same Idempotency-Key, different body")},
        }},
        "/api/v1/batches/validate": {"post": {
            "summary": "Validate a batch request; queue nothing", "requestBody": body,
            "responses": {"200": {"description": "Valid", "content": {
                "application/json": {"schema": {"type": "object"}}}}, **errors},
        }},
        "/api/v1/batches/{batch_id}": {"get": {
            "summary": "Status, progress, per-row errors, ETA", "parameters": [batch_id],
            "responses": {"200": {"description": "The batch", "content": status},
                          "404": _error("No such batch in your unit")},
        }},
        "/api/v1/batches/{batch_id}/archive.zip": {"get": {
            "summary": "Every commune's documents, named by commune", "parameters": [batch_id],
            "responses": {"200": {"description": "ZIP", "content": {"application/zip": binary}},
                          "404": _error("No such batch in your unit"), "409": not_ready},
        }},
        "/api/v1/batches/{batch_id}/merged.pdf": {"get": {
            "summary": "One PDF with a bookmark per commune", "parameters": [batch_id],
            "responses": {"200": {"description": "PDF", "content": {"application/pdf": binary}},
                          "404": _error("No such batch, or no PDF asked for"), "409": not_ready},
        }},
    }  # fmt: skip

"""The OpenAPI 3 document, generated from the app's URL map, each view's `@operation` and the
marshmallow schemas; nothing about a path is written anywhere but beside its view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from apispec_webframeworks.flask import FlaskPlugin
from flask import Flask
from marshmallow import Schema
from werkzeug.routing import Rule

from schemas import SCHEMAS
from service.http import auth, limits
from service.http.openapi import fields
from service.http.openapi.components import (
    KEYED,
    RATE_LIMIT_HEADERS,
    REQUEST_HEADERS,
    RESPONSE_HEADERS,
    SECURITY_SCHEMES,
)
from service.http.openapi.operations import Operation, Reply, SchemaLike, problem
from service.http.shapes import Problem

VERSION = "1.1.0"
INFO = {
    "description": "Renders Vietnamese administrative documents (KẾ HOẠCH, công văn) to "
    "Decree 30/2020 as DOCX and PDF, keeps drafts, generates a document per commune in "
    "batches and checks any Word file against the decree. Errors are RFC 9457 problem "
    "details in Vietnamese, or English with `Accept-Language: en`.",
    "license": {"name": "Proprietary (the deploying administration's terms)"},
}
TAGS = [
    {"name": "documents", "description": "Render and validate plan JSON (stateless)"},
    {"name": "check", "description": "Check any Word file against Decree 30 (stateless)"},
    {"name": "drafts", "description": "Plans being written, private to the caller's unit"},
    {"name": "batches", "description": "One plan per commune from a table"},
    {"name": "service", "description": "This description, health and readiness"},
]
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def schema_name(schema: type[Schema] | Schema) -> str:
    """Component names: the class name without `Schema` (PlanSchema -> Plan)."""
    schema_class = schema if isinstance(schema, type) else type(schema)
    return schema_class.__name__.removesuffix("Schema")


def build(app: Flask) -> dict[str, Any]:
    """The whole description of `app`'s documented views."""
    plugin = MarshmallowPlugin(schema_name_resolver=schema_name)
    spec = APISpec(
        title="Vietnamese plan documents",
        version=VERSION,
        openapi_version="3.0.3",
        plugins=[FlaskPlugin(), plugin],
        info=INFO,
        servers=[{"url": "/", "description": "This service"}],
        tags=TAGS,
    )
    fields.install(plugin)
    resolve = fields.resolver(plugin)
    spec.components.schema("Problem", schema=Problem)
    for name, scheme in SECURITY_SCHEMES.items():
        spec.components.security_scheme(name, scheme)
    for name, header in RESPONSE_HEADERS.items():
        spec.components.header(name, header)
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        view = app.view_functions[rule.endpoint]
        described: Operation | None = getattr(view, "openapi", None)
        if described is None:
            continue
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            operation = _operation(app, described, view, rule, method, resolve)
            spec.path(view=view, app=app, operations={method.lower(): operation})
    document = spec.to_dict()
    _narrow_document_types(document)
    return document


def _operation(
    app: Flask,
    described: Operation,
    view: Callable[..., Any],
    rule: Rule,
    method: str,
    resolve: fields.Resolve,
) -> dict[str, Any]:
    access = auth.access(rule.rule, app.config)
    limited = limits.limited(rule.rule, method)
    replies = list(described.replies)
    if access != "public":
        replies.append(problem(401, "", "WWW-Authenticate"))
    if access != "public" and method in UNSAFE:
        replies.append(problem(403))
    if limited:
        replies.append(problem(429))
    operation: dict[str, Any] = {
        "operationId": described.id,
        "tags": [described.tag],
        "summary": (view.__doc__ or "").strip().splitlines()[0],
        "parameters": [
            *_path_parameters(rule),
            *([{"in": "query", "schema": described.query}] if described.query else []),
            *(REQUEST_HEADERS[name] for name in described.headers),
            *([REQUEST_HEADERS["Accept-Language"]] if _translated(replies) else []),
        ],
        "responses": {
            str(reply.status): _reply(reply, resolve, limited)
            for reply in sorted(replies, key=lambda r: r.status)
        },
        "security": {"public": [], "optional": [{}, *KEYED], "key": KEYED}[access],
    }
    if described.description:
        operation["description"] = described.description
    if described.body is not None:
        operation["requestBody"] = {
            "required": True,
            "content": {t: {"schema": _schema(s, resolve)} for t, s in described.body.items()},
        }
    return operation


def _translated(replies: list[Reply]) -> bool:
    """Whether an answer may carry messages in the language asked for (problems do)."""
    return any("application/problem+json" in reply.content for reply in replies)


def _reply(reply: Reply, resolve: fields.Resolve, limited: bool) -> dict[str, Any]:
    headers = [*reply.headers, *(RATE_LIMIT_HEADERS if limited else ())]
    if reply.content and any(t.endswith("json") for t in reply.content):
        headers.append("Content-Language")
    answer: dict[str, Any] = {"description": reply.description}
    if headers:
        answer["headers"] = {h: {"$ref": f"#/components/headers/{h}"} for h in headers}
    if reply.content:
        answer["content"] = {t: {"schema": _schema(s, resolve)} for t, s in reply.content.items()}
    return answer


def _schema(schema: SchemaLike, resolve: fields.Resolve) -> Any:
    """A marshmallow schema (the plugin makes it a component), a component's name, a JSON
    Schema, or a function of `resolve` that builds one."""
    if isinstance(schema, str):
        return {"$ref": f"#/components/schemas/{schema}"}
    if isinstance(schema, dict | Schema | type):
        return schema
    return schema(resolve)


def _path_parameters(rule: Rule) -> list[dict[str, Any]]:
    return [
        {
            "name": name,
            "in": "path",
            "required": True,
            "schema": getattr(rule._converters[name], "openapi", {"type": "string"}),
        }
        for name in sorted(rule.arguments)
    ]


def document_body(resolve: fields.Resolve) -> dict[str, Any]:
    """Any document type of the registry, told apart by `type`: each registered type appears
    here by itself (`schemas.document.SCHEMAS`)."""
    refs = {kind: resolve(schema) for kind, schema in SCHEMAS.items()}
    return {
        "oneOf": list(refs.values()),
        "discriminator": {
            "propertyName": "type",
            "mapping": {kind: ref["$ref"] for kind, ref in refs.items()},
        },
    }


def _narrow_document_types(document: dict[str, Any]) -> None:
    """Each document type's `type` property allows its own code only, so that `oneOf`
    matches exactly one schema, as the discriminator says."""
    components = document.get("components", {}).get("schemas", {})
    for kind, schema_class in SCHEMAS.items():
        component = components.get(schema_class.__name__.removesuffix("Schema"))
        if component is not None and "type" in component.get("properties", {}):
            component["properties"]["type"] = {"type": "string", "enum": [kind]}

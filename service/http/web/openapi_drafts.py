"""The OpenAPI paths of the drafts API (service/http/drafts_api.py), merged by openapi.py."""

from __future__ import annotations

from typing import Any

ERROR = {"$ref": "#/components/schemas/Error"}
OBJECT = {"type": "object", "description": "The plan JSON of the contract, as typed (valid or not)"}
NAME = {"type": "string", "minLength": 1, "maxLength": 300}
SUMMARY = {
    "type": "object",
    "required": [
        "id",
        "name",
        "type",
        "title",
        "revision",
        "parent_id",
        "created_at",
        "updated_at",
    ],
    "properties": {
        "id": {"type": "string"},
        "name": {"type": "string"},
        "type": {"type": "string", "nullable": True, "description": "ke_hoach, cong_van or null"},
        "title": {"type": "string", "description": "the document's title on one line"},
        "revision": {"type": "integer", "description": "send it back with PUT; 409 if stale"},
        "parent_id": {"type": "string", "nullable": True, "description": "copied or cascaded from"},
        "created_at": {"type": "string", "format": "date-time"},
        "updated_at": {"type": "string", "format": "date-time"},
    },
}
DRAFT = {
    "allOf": [SUMMARY, {"type": "object", "required": ["data"], "properties": {"data": OBJECT}}]
}
_STATUS = {
    400: "Malformed JSON",
    404: "No such draft in the caller's unit (another unit's drafts do not exist)",
    409: "The draft was saved elsewhere since `revision`: reload, nothing is lost",
    413: "Body too large",
    415: "Not application/json",
    422: "An offending field, by dotted path",
    503: "The database refused the write just now (Retry-After)",
}
_ID = [{"name": "draft_id", "in": "path", "required": True, "schema": {"type": "string"}}]


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _body(properties: dict[str, Any], required: list[str]) -> dict[str, Any]:
    schema = {
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def _operation(summary: str, ok: dict[str, Any], *errors: int, **extra: Any) -> dict[str, Any]:
    responses = {**ok, **{str(s): _json(ERROR, _STATUS[s]) for s in errors}}
    return {"summary": summary, "tags": ["drafts"], "responses": responses, **extra}


def drafts_paths() -> dict[str, dict[str, Any]]:
    """Every path and operation of /api/v1/drafts."""
    writes = (400, 413, 415, 422, 503)
    created = {"201": _json(SUMMARY, "Created; Location gives its address")}
    summary = {"200": _json(SUMMARY, "The draft, without its data")}
    return {
        "/api/v1/drafts": {
            "get": _operation(
                "The unit's drafts, newest first",
                {
                    "200": _json(
                        {
                            "type": "object",
                            "required": ["drafts"],
                            "properties": {"drafts": {"type": "array", "items": SUMMARY}},
                        },
                        "Drafts without their data",
                    )
                },
            ),
            "post": _operation(
                "A new draft",
                created,
                *writes,
                requestBody=_body({"name": NAME, "data": OBJECT}, ["data"]),
            ),
        },
        "/api/v1/drafts/{draft_id}": {
            "get": _operation(
                "One draft with its data", {"200": _json(DRAFT, "The draft")}, 404, parameters=_ID
            ),
            "put": _operation(
                "Save the data",
                summary,
                404,
                409,
                *writes,
                parameters=_ID,
                requestBody=_body({"data": OBJECT, "revision": {"type": "integer"}}, ["data"]),
            ),
            "patch": _operation(
                "Rename",
                summary,
                404,
                *writes,
                parameters=_ID,
                requestBody=_body({"name": NAME}, ["name"]),
            ),
            "delete": _operation(
                "Delete", {"204": {"description": "Deleted"}}, 404, 503, parameters=_ID
            ),
        },
        "/api/v1/drafts/{draft_id}/duplicate": {
            "post": _operation(
                "A copy to start from (default name: `<name> (bản sao)`)",
                created,
                404,
                *writes,
                parameters=_ID,
                requestBody=_body({"name": NAME}, []),
            ),
        },
        "/api/v1/drafts/{draft_id}/export": {
            "get": _operation(
                "The plan JSON as a file (Content-Disposition)",
                {"200": _json(OBJECT, "The plan JSON")},
                404,
                parameters=_ID,
            ),
        },
        "/api/v1/drafts/import": {
            "post": _operation(
                "A new draft from a plan JSON file (the body is the plan)",
                created,
                *writes,
                requestBody={"required": True, "content": {"application/json": {"schema": OBJECT}}},
            ),
        },
        "/api/v1/drafts/cascade": {
            "post": _operation(
                "A plan for the level below: the parent's parts, the lower header, and "
                "`Thực hiện Kế hoạch số … của …` first in the preamble; errors in the parent "
                "are keyed `parent.<path>`, in the header by their path in the new plan",
                created,
                404,
                *writes,
                requestBody=_body(
                    {
                        "parent_id": {"type": "string", "maxLength": 32},
                        "parent": OBJECT,
                        "header": OBJECT,
                        "name": NAME,
                    },
                    ["header"],
                ),
            ),
        },
    }

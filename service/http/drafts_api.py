"""The drafts API the web form uses: list, create, open, save, rename, duplicate, delete,
import and export the plan JSON, and cascade a parent plan to the level below.

Every call sees only the caller's unit (`current_unit()`); another unit's draft is a 404.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, url_for
from marshmallow import Schema, ValidationError, fields

from schemas import flatten
from schemas.fields import Text
from schemas.messages import code
from schemas.plan import Contract
from service.http.errors import RequestRejected
from service.http.filenames import content_disposition
from service.http.identity import current_unit
from service.http.requests import json_body
from service.http.web.drafting import (
    MAX_NAME,
    cascade_draft,
    copy_name,
    default_name,
    full,
    summary,
)
from service.store.drafts import Draft, Drafts

bp = Blueprint("drafts_api", __name__, url_prefix="/api/v1/drafts")

_OBJECT: dict[str, str | list[Any] | dict[Any, Any]] = {
    "required": "required",
    "null": "null",
    "invalid": "not_object",
}


class CreateBody(Contract):
    """`POST /drafts`: the plan JSON as typed (valid or not) and an optional name."""

    name = Text(max_length=MAX_NAME)
    data = fields.Dict(required=True, error_messages=_OBJECT)


class SaveBody(Contract):
    """`PUT /drafts/<id>`: the new data and the revision it was based on."""

    data = fields.Dict(required=True, error_messages=_OBJECT)
    revision = fields.Integer(strict=True, error_messages={"invalid": "not_number"})


class RenameBody(Contract):
    """`PATCH /drafts/<id>`: a new name."""

    name = Text(required=True, max_length=MAX_NAME)


class DuplicateBody(Contract):
    """`POST /drafts/<id>/duplicate`: the copy's name (default: `<name> (bản sao)`)."""

    name = Text(max_length=MAX_NAME)


class CascadeBody(Contract):
    """`POST /drafts/cascade`: a parent (a draft's id or its JSON) and the lower header."""

    parent_id = Text(max_length=32)
    parent = fields.Dict(error_messages=_OBJECT)
    header = fields.Dict(required=True, error_messages=_OBJECT)
    name = Text(max_length=MAX_NAME)


def body(schema: Schema) -> dict[str, Any]:
    """The request's JSON loaded by `schema`; 422 with every offending field otherwise."""
    try:
        loaded: dict[str, Any] = schema.load(json_body())
    except ValidationError as error:
        raise RequestRejected(422, flatten(error.messages)) from error
    return loaded


def drafts() -> Drafts:
    """The drafts repository of this app."""
    repository: Drafts = current_app.extensions["drafts"]
    return repository


def created(draft: Draft) -> tuple[Response, int, dict[str, str]]:
    """201 with the new draft's summary and its address."""
    return jsonify(summary(draft)), 201, {"Location": url_for(".get_draft", draft_id=draft.id)}


@bp.get("")
def list_drafts() -> Response:
    """The unit's drafts, newest first, without their data."""
    return jsonify(drafts=[summary(d) for d in drafts().list(current_unit())])


@bp.post("")
def create_draft() -> tuple[Response, int, dict[str, str]]:
    """A new draft from plan JSON as typed."""
    request = body(CreateBody())
    name = request.get("name") or default_name(request["data"])
    return created(drafts().create(current_unit(), name, request["data"]))


@bp.get("/<draft_id>")
def get_draft(draft_id: str) -> Response:
    """One draft with its data."""
    return jsonify(full(drafts().get(current_unit(), draft_id)))


@bp.put("/<draft_id>")
def save_draft(draft_id: str) -> Response:
    """Replace the data; 409 if `revision` is given and is no longer the current one."""
    request = body(SaveBody())
    saved = drafts().save(current_unit(), draft_id, request["data"], request.get("revision"))
    return jsonify(summary(saved))


@bp.patch("/<draft_id>")
def rename_draft(draft_id: str) -> Response:
    """Give the draft another name."""
    name = body(RenameBody())["name"]
    return jsonify(summary(drafts().rename(current_unit(), draft_id, name)))


@bp.delete("/<draft_id>")
def delete_draft(draft_id: str) -> tuple[str, int]:
    """Remove the draft."""
    drafts().delete(current_unit(), draft_id)
    return "", 204


@bp.post("/<draft_id>/duplicate")
def duplicate_draft(draft_id: str) -> tuple[Response, int, dict[str, str]]:
    """A copy to start from ("start from last year's plan")."""
    original = drafts().get(current_unit(), draft_id)
    name = body(DuplicateBody()).get("name") or copy_name(original.name)
    return created(drafts().duplicate(current_unit(), draft_id, name))


@bp.get("/<draft_id>/export")
def export_draft(draft_id: str) -> Response:
    """The draft's plan JSON as a file, the same JSON `POST /api/v1/documents` takes."""
    draft = drafts().get(current_unit(), draft_id)
    text = json.dumps(draft.data, ensure_ascii=False, indent=2) + "\n"
    response = Response(text, mimetype="application/json")
    response.headers["Content-Disposition"] = content_disposition(f"{draft.name}.json")
    return response


@bp.post("/import")
def import_draft() -> tuple[Response, int, dict[str, str]]:
    """A new draft from a plan JSON file (the body is the plan itself, valid or not)."""
    data = json_body()
    if not isinstance(data, dict):
        raise RequestRejected(422, {"_schema": [code("not_object")]})
    return created(drafts().create(current_unit(), default_name(data), data))


@bp.post("/cascade")
def cascade() -> tuple[Response, int, dict[str, str]]:
    """A new plan for the level below from a parent plan and the lower level's header."""
    request = body(CascadeBody())
    parent_id, parent = parent_of(request)
    draft = cascade_draft(
        drafts(),
        current_unit(),
        parent,
        request["header"],
        name=request.get("name"),
        parent_id=parent_id,
    )
    return created(draft)


def parent_of(request: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """The parent plan: one of the unit's drafts by id, or JSON given inline."""
    if request.get("parent_id"):
        return request["parent_id"], drafts().get(current_unit(), request["parent_id"]).data
    if "parent" in request:
        parent: dict[str, Any] = request["parent"]
        return None, parent
    raise RequestRejected(422, {"parent_id": [code("required")]})

"""The request bodies of the drafts API: they load the request and describe it (OpenAPI)."""

from __future__ import annotations

from typing import Any

from marshmallow import fields

from schemas.fields import Text
from schemas.plan import Contract
from service.http.web.drafting import MAX_NAME

_OBJECT: dict[str, str | list[Any] | dict[Any, Any]] = {
    "required": "required",
    "null": "null",
    "invalid": "not_object",
}
PLAN = {"description": "The plan JSON of the contract, as typed (valid or not)"}


class CreateBody(Contract):
    """`POST /drafts`: the plan JSON as typed (valid or not) and an optional name."""

    name = Text(max_length=MAX_NAME)
    data = fields.Dict(required=True, error_messages=_OBJECT, metadata=PLAN)


class SaveBody(Contract):
    """`PUT /drafts/<id>`: the new data, and the revision it was based on."""

    data = fields.Dict(required=True, error_messages=_OBJECT, metadata=PLAN)
    revision = fields.Integer(
        strict=True,
        error_messages={"invalid": "not_number"},
        metadata={"description": "The revision the data was based on (409 if stale); for "
                  "clients that cannot send If-Match"},
    )  # fmt: skip


class RenameBody(Contract):
    """`PATCH /drafts/<id>`: a new name."""

    name = Text(required=True, max_length=MAX_NAME)


class DuplicateBody(Contract):
    """`POST /drafts/<id>/duplicate`: the copy's name (default: `<name> (bản sao)`)."""

    name = Text(max_length=MAX_NAME)


class CascadeBody(Contract):
    """`POST /drafts/cascade`: a parent (a draft's id or its JSON) and the lower header."""

    parent_id = Text(
        max_length=32, metadata={"description": "One of the unit's drafts; or give `parent`"}
    )
    parent = fields.Dict(error_messages=_OBJECT, metadata=PLAN)
    header = fields.Dict(
        required=True,
        error_messages=_OBJECT,
        metadata={"description": "The lower level's issuer, place, date, signer…"},
    )
    name = Text(max_length=MAX_NAME)

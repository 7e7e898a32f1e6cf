"""Query parameters and multipart forms as marshmallow schemas: they parse the request and
describe it in the OpenAPI document, from one source."""

from __future__ import annotations

from typing import Any

from flask import request
from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate
from werkzeug.datastructures import FileStorage

from schemas import flatten
from schemas.base import shared
from schemas.fields import CODED, Choice
from schemas.messages import code
from service.checker import KINDS, PROFILES
from service.http.errors import RequestRejected

FORMATS = ("docx", "pdf")
MAX_PAGE = 200


class QueryFlag(fields.Boolean):
    """`true`/`1` or `false`/`0`."""

    default_error_messages = {**CODED, "invalid": "not_boolean"}
    truthy = {"true", "1"}
    falsy = {"false", "0"}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(load_default=False, **kwargs)


class Upload(fields.Field[Any]):
    """A file part of a multipart form."""

    default_error_messages = {**CODED, "invalid": "not_file"}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, FileStorage):
            raise self.make_error("invalid")
        return value

    def json_schema(self, _resolve: Any) -> dict[str, Any]:
        """Binary content, whatever its type."""
        return {"type": "string", "format": "binary", **self.metadata}


class Query(Schema):
    """Query parameters: unknown ones are ignored, messages are codes."""

    class Meta:
        unknown = EXCLUDE


class RenderQuery(Query):
    """How to render a document."""

    format = Choice(FORMATS, load_default="docx", metadata={"description": "docx or pdf"})
    pdfa = QueryFlag(metadata={"description": "PDF/A-2b (archival) when format=pdf"})


class CheckQuery(Query):
    """How to check a Word file."""

    text = QueryFlag(metadata={"description": "Add every paragraph's text (to highlight)"})


class PageQuery(Query):
    """A page of a list."""

    limit = fields.Integer(
        load_default=50,
        validate=validate.Range(1, MAX_PAGE, error=code("number_out_of_range")),
        error_messages={"invalid": "not_number"},
        metadata={"minimum": 1, "maximum": MAX_PAGE},
    )
    cursor = fields.String(metadata={"description": "`next_cursor` of the previous page"})


class RevisionQuery(Query):
    """The precondition of a client that cannot send If-Match."""

    revision = fields.Integer(
        error_messages={"invalid": "not_number"},
        metadata={"description": "The draft's revision, for clients that cannot send If-Match"},
    )


def query(schema: type[Schema]) -> dict[str, Any]:
    """The request's query loaded by `schema`; 400 with every offending parameter."""
    try:
        loaded: dict[str, Any] = shared(schema).load(request.args)
    except ValidationError as error:
        raise RequestRejected(400, flatten(error.messages)) from error
    return loaded


def form(schema: type[Schema]) -> dict[str, Any]:
    """A multipart form (fields and files) loaded by `schema`; 415 for another content
    type, 422 with every offending field."""
    if request.mimetype != "multipart/form-data":
        raise RequestRejected(415, {"_schema": [code("unsupported_media_type_form")]})
    try:
        parts = {k: v for k, v in request.form.items() if v != ""}  # a blank select: absent
        loaded: dict[str, Any] = shared(schema).load({**parts, **request.files})
    except ValidationError as error:
        raise RequestRejected(422, flatten(error.messages)) from error
    return loaded


def _text(description: str, **kwargs: Any) -> fields.String:
    return fields.String(metadata={"description": description}, **kwargs)


class BatchForm(Schema):
    """`POST /batches` as multipart: the same request, with the table as a file."""

    plan = _text("The base plan's JSON", required=True)
    table = Upload(
        required=True, metadata={"description": ".xlsx, .csv or .json: one row per commune"}
    )
    formats = _text("Comma-separated: docx (default), pdf")
    fields_ = _text("Declared `{named}` fields, comma-separated", data_key="fields")
    header = _text("JSON: the lower level's header fields shared by every row")
    options = _text('JSON: {"cascade": ..., "deadline_days_before": ..., "pdfa": ...}')


class CheckForm(Schema):
    """`POST /check`: the Word file and, optionally, which kind of document it is."""

    class Meta:
        unknown = EXCLUDE

    file = Upload(required=True, metadata={"description": "The .docx (or legacy .doc) to check"})
    kind = Choice(KINDS, metadata={"description": "Default: recognised from its type line"})
    profile = Choice(
        PROFILES,
        metadata={
            "description": "`decree` (default): the decree's own ranges; `house`: our chosen "
            "values too, as warnings"
        },
    )
    pages = Choice(
        ("exact",), metadata={"description": "`exact`: count pages through LibreOffice's layout"}
    )

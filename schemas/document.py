"""The two document types of the contract and `load_document`, the one way in."""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from typing import Any

from marshmallow import INCLUDE, ValidationError, post_load, validates_schema

from schemas.fields import MAX_TEXT, BoundedList, Choice, DateText, DocumentNumber, Text, TextList
from schemas.messages import code
from schemas.plan import (
    MAX_APPENDICES,
    MAX_RECIPIENTS,
    MAX_SECTIONS,
    AppendixSchema,
    Contract,
    PartSchema,
    PurposeSchema,
    ReportingSchema,
    SectionSchema,
    TargetsSchema,
    nested,
)
from service import plan as model

MAX_DEPTH = 40  # JSON nesting; the deepest real plan is about 12


class IssuerSchema(Contract):
    """The issuing body and its governing body."""

    name = Text(required=True, multiline=True, max_length=300)
    parent = Text(multiline=True, max_length=300)
    abbreviation = Text(required=True, max_length=30, metadata={"pattern": r"^[^\s/]+$"})
    name_in_text = Text(max_length=300)

    @validates_schema
    def abbreviation_shape(self, data: dict[str, Any], **_: Any) -> None:
        if re.search(r"[\s/]", data.get("abbreviation", "")):
            raise ValidationError(code("invalid_abbreviation"), "abbreviation")

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Issuer:
        return model.Issuer(**data)


class SignerSchema(Contract):
    """The signature block; KT, TL and TUQ need the head's title."""

    collective = Text(max_length=200)
    mode = Choice(tuple(m.value for m in model.SigningMode))
    head = Text(
        max_length=200,
        metadata={
            "description": "The head's title: required with KT, TL and TUQ, not allowed otherwise"
        },
    )
    title = Text(required=True, max_length=200)
    name = Text(required=True, max_length=200)

    @validates_schema
    def authority(self, data: dict[str, Any], **_: Any) -> None:
        mode = data.get("mode")
        needs_head = mode is not None and model.SigningMode(mode).needs_head
        if needs_head and not data.get("head"):
            raise ValidationError(code("head_required"), "head")
        if data.get("head") and not needs_head:
            raise ValidationError(code("head_not_allowed"), "head")

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Signer:
        if "mode" in data:
            data["mode"] = model.SigningMode(data["mode"])
        return model.Signer(**data)


class DocumentSchema(Contract):
    """Fields both document types share."""

    type = Choice(tuple(t.value for t in model.DocumentType), required=True)
    issuer = nested(IssuerSchema, required=True)
    drafting_unit = Text(max_length=30)
    number = DocumentNumber(allow_none=True)
    symbol = Text(max_length=60)
    place = Text(required=True, max_length=100)
    date = DateText(required=True)
    title = Text(required=True, multiline=True, max_length=MAX_TEXT)
    recipients = TextList(max_items=MAX_RECIPIENTS, required=True)
    recipients_label = Text(max_length=200)
    signer = nested(SignerSchema, required=True)
    appendices = BoundedList(nested(AppendixSchema), max_items=MAX_APPENDICES)
    closing = Text(max_length=MAX_TEXT)

    def _clean(self, data: dict[str, Any]) -> dict[str, Any]:
        data.pop("type", None)
        return {k: v for k, v in data.items() if v is not None or k == "number"}


class PlanSchema(DocumentSchema):
    """KẾ HOẠCH (`"type": "ke_hoach"`)."""

    preamble = TextList()
    purpose = nested(PurposeSchema)
    targets = nested(TargetsSchema)
    tasks = nested(PartSchema)
    funding = nested(PartSchema)
    organization = nested(PartSchema)
    reporting = nested(ReportingSchema)
    sections = BoundedList(nested(SectionSchema), max_items=MAX_SECTIONS)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Plan:
        return model.Plan(**self._clean(data))


class LetterSchema(DocumentSchema):
    """công văn (`"type": "cong_van"`)."""

    addressees = TextList(max_items=MAX_RECIPIENTS, max_length=300, min_items=1, required=True)
    body = nested(PartSchema, required=True)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Letter:
        return model.Letter(**self._clean(data))


SCHEMAS: dict[str, type[DocumentSchema]] = {"ke_hoach": PlanSchema, "cong_van": LetterSchema}


class InvalidDocument(Exception):
    """The plan JSON breaks the contract; `errors` maps dotted paths to message codes."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(f"{len(errors)} invalid field(s)")
        self.errors = errors


def load_document(data: Any) -> model.Document:
    """Validate plan JSON (all errors at once) and return the domain model."""
    if not isinstance(data, Mapping):
        raise InvalidDocument({"_schema": [code("not_object")]})
    too_deep = _too_deep(data)
    if too_deep is not None:
        raise InvalidDocument({too_deep: [code("too_deep", MAX_DEPTH)]})
    kind = data.get("type")
    schema_class = SCHEMAS.get(kind) if isinstance(kind, str) else None
    try:
        if schema_class is None:
            DocumentSchema(unknown=INCLUDE).load(data)  # report the common fields' errors too
            raise ValidationError({"type": [code("one_of", ", ".join(SCHEMAS))]})
        document: model.Document = _schema(schema_class).load(data)
    except ValidationError as error:
        errors = flatten(error.messages)
        if schema_class is None:
            errors.setdefault("type", [code("one_of", ", ".join(SCHEMAS))])
        raise InvalidDocument(errors) from error
    return document


_schemas = threading.local()


def _schema(schema_class: type[DocumentSchema]) -> DocumentSchema:
    """One schema instance per class and thread: building one (its nested schemas and
    fields) costs more than loading a plan with it; loading keeps no state in it."""
    cache: dict[type[DocumentSchema], DocumentSchema] = _schemas.__dict__.setdefault("cache", {})
    if schema_class not in cache:
        cache[schema_class] = schema_class()
    return cache[schema_class]


def flatten(messages: Any, prefix: str = "") -> dict[str, list[str]]:
    """marshmallow's nested errors as `{"organization.assignments.3.agency": [...]}`."""
    if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
        return {prefix or "_schema": list(messages)}
    if isinstance(messages, str):
        return {prefix or "_schema": [messages]}
    flat: dict[str, list[str]] = {}
    items = messages.items() if isinstance(messages, Mapping) else enumerate(messages)
    for key, value in items:
        path = prefix if key == "_schema" else f"{prefix}.{key}" if prefix else str(key)
        for sub, texts in flatten(value, path).items():
            flat.setdefault(sub, []).extend(texts)
    return flat


def _too_deep(data: Any) -> str | None:
    """The dotted path where JSON nests deeper than MAX_DEPTH, found without recursion."""
    stack: list[tuple[Any, str, int]] = [(data, "", 0)]
    while stack:
        node, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            return path or "_schema"
        children = (
            node.items()
            if isinstance(node, Mapping)
            else (enumerate(node) if isinstance(node, list) else ())
        )
        for key, child in children:
            stack.append((child, f"{path}.{key}" if path else str(key), depth + 1))
    return None

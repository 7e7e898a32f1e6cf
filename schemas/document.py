"""The document types of the contract (`SCHEMAS`, one entry a type) and `load_document`,
the one way in."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import INCLUDE, ValidationError, post_load

from schemas.base import nested, shared
from schemas.common import DocumentSchema
from schemas.content import PartSchema
from schemas.decision import DecisionSchema
from schemas.fields import Choice, TextList
from schemas.messages import code
from schemas.plan import MAX_RECIPIENTS, PlanBodySchema
from schemas.rich import Closing
from service import model
from service.documents.letter import Letter
from service.documents.plan import Plan

MAX_DEPTH = 40  # JSON nesting; the deepest real plan is about 12


class PlanSchema(DocumentSchema, PlanBodySchema):
    """KẾ HOẠCH (`"type": "ke_hoach"`)."""

    type = Choice((Plan.type,), required=True)
    addressees = TextList(max_items=MAX_RECIPIENTS, max_length=300)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Plan:
        return Plan(**self._clean(data))


class LetterSchema(DocumentSchema):
    """công văn (`"type": "cong_van"`)."""

    type = Choice((Letter.type,), required=True)
    addressees = TextList(max_items=MAX_RECIPIENTS, max_length=300, min_items=1, required=True)
    body = nested(PartSchema, required=True)
    closing = Closing()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Letter:
        return Letter(**self._clean(data))


SCHEMAS: dict[str, type[DocumentSchema]] = {
    Plan.type: PlanSchema,
    Letter.type: LetterSchema,
    "quyet_dinh": DecisionSchema,
}


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
        document: model.Document = shared(schema_class).load(data)
    except ValidationError as error:
        errors = flatten(error.messages)
        if schema_class is None:
            errors.setdefault("type", [code("one_of", ", ".join(SCHEMAS))])
        raise InvalidDocument(errors) from error
    return document


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


_CONTAINERS = (dict, list)  # what JSON nests; other mappings are checked the slow way
_SCALARS = (str, int, float, bool, type(None))


def _too_deep(data: Any) -> str | None:
    """The dotted path where JSON nests deeper than MAX_DEPTH, found without recursion.
    Only containers are visited and a path is spelled out only for the one too deep: this
    runs on every request's whole body."""
    stack: list[tuple[Any, int, Any]] = [(data, 0, None)]  # (node, depth, parent link)
    while stack:
        node, depth, link = stack.pop()
        if depth > MAX_DEPTH:
            return _path(link)
        items = node.items() if isinstance(node, dict | Mapping) else enumerate(node)
        for key, child in items:
            kind = type(child)
            if kind in _SCALARS or not child:
                continue
            if kind in _CONTAINERS or isinstance(child, Mapping):
                stack.append((child, depth + 1, (key, link)))
    return None


def _path(link: Any) -> str:
    keys: list[str] = []
    while link is not None:
        key, link = link
        keys.append(str(key))
    return ".".join(reversed(keys)) or "_schema"

"""Every row checked before any work starts; all errors at once, keyed `rows.7.signer.name`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from schemas import SCHEMAS, InvalidDocument, load_document
from schemas.messages import code
from service.batch.expand import Expander, RowInvalid, cascades
from service.batch.placeholders import MAX_FIELDS, invalid_names
from service.batch.request import BatchRequest
from service.documents.registry import kind_of
from service.model import Document
from service.rendering.parts import issuer_in_text

MAX_ERRORS = 1000  # past this many fields, a summary: a response stays readable
_COMMITTEE = re.compile(r"^(ủy|uỷ) ban nhân dân\s+", re.IGNORECASE)


@dataclass(frozen=True)
class PreparedRow:
    """A row that makes a valid plan, and the commune's name for files and bookmarks."""

    position: int
    label: str
    row: dict[str, Any]


def check(request: BatchRequest) -> tuple[Expander, list[PreparedRow]]:
    """The batch's expander and every row prepared; InvalidDocument listing every error."""
    parent = base_plan(request)
    expander = Expander(request, parent)
    errors: dict[str, list[str]] = {}
    prepared: list[PreparedRow] = []
    for position, row in enumerate(request.rows):
        try:
            document = expander.document(row)
        except RowInvalid as invalid:
            for path, messages in invalid.errors.items():
                errors[f"rows.{position}.{path}"] = messages
            continue
        prepared.append(PreparedRow(position, label(document), row))
    if errors:
        raise InvalidDocument(_capped(errors))
    return expander, prepared


def base_plan(request: BatchRequest) -> Document:
    """The base plan, valid, with declarable field names; errors keyed `plan.*`, `fields.*`."""
    errors: dict[str, list[str]] = {}
    parent = None
    try:
        parent = load_document(request.plan)
    except InvalidDocument as invalid:
        errors.update({f"plan.{path}": messages for path, messages in invalid.errors.items()})
    kind = request.plan.get("type")
    taken = SCHEMAS[kind]().fields if isinstance(kind, str) and kind in SCHEMAS else {}
    for position in invalid_names(request.fields, taken):
        errors[f"fields.{position}"] = [code("invalid_field_name")]
    if len(request.fields) > MAX_FIELDS:
        errors["fields"] = [code("too_many", MAX_FIELDS)]
    if parent is not None and not kind_of(parent).cascades and cascades(request, parent):
        errors["options.cascade"] = [code("cascade_plan_only")]
    if errors or parent is None:
        raise InvalidDocument(errors)
    return parent


def label(document: Document) -> str:
    """`Xã Quang Thuận` from `ỦY BAN NHÂN DÂN XÃ QUANG THUẬN`; the place if nothing is left."""
    name = _COMMITTEE.sub("", issuer_in_text(document)).strip() or document.place
    return (name[:1].upper() + name[1:])[:200]


def _capped(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    if len(errors) <= MAX_ERRORS:
        return errors
    kept = dict(list(errors.items())[:MAX_ERRORS])
    kept["_schema"] = [code("more_errors", len(errors) - MAX_ERRORS)]
    return kept

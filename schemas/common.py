"""What every document type shares: issuer, signer, header fields, appendices."""

from __future__ import annotations

import re
from typing import Any

from marshmallow import ValidationError, fields, post_load, validates_schema

from schemas.base import Contract, nested
from schemas.fields import MAX_TEXT, BoundedList, Choice, DateText, DocumentNumber, Text, TextList
from schemas.messages import code
from schemas.plan import MAX_APPENDICES, MAX_RECIPIENTS, AppendixSchema
from service import model


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
    """Fields every document type shares; each type's schema names its own `type`."""

    type: fields.Field[Any] = Text(required=True)
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

    def _clean(self, data: dict[str, Any]) -> dict[str, Any]:
        """The loaded fields as the model takes them."""
        data.pop("type", None)
        return {k: v for k, v in data.items() if v is not None or k == "number"}

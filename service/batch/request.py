"""The batch request: a base plan, its communes' rows, formats, declared fields and options."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from marshmallow import ValidationError, fields, validate

from schemas import InvalidDocument, flatten
from schemas.fields import Choice, Flag, TextList
from schemas.messages import code
from schemas.plan import Contract, nested

FORMATS = ("docx", "pdf")
MAX_COMMUNES = 5000  # a template's prefilled lines, as BATCH_MAX_ROWS's default
CODED = {"required": "required", "null": "null"}


class JsonObject(fields.Dict):
    """Any JSON object, checked later against the contract."""

    default_error_messages = {**CODED, "invalid": "not_object"}


class JsonList(fields.List[Any]):
    """A JSON list."""

    default_error_messages = {**CODED, "invalid": "not_list"}


class Whole(fields.Integer):
    """A JSON integer."""

    default_error_messages = {**CODED, "invalid": "not_number", "too_large": "not_number"}


class OptionsSchema(Contract):
    """How rows become plans: cascade (default for a plan), deadline shift, PDF/A."""

    cascade = Flag(allow_none=True)
    deadline_days_before = Whole(
        strict=True, validate=validate.Range(0, 366, error=code("number_out_of_range"))
    )
    pdfa = Flag()


class BatchRequestSchema(Contract):
    """`{"plan": {...}, "rows": [...], "formats": [...], "fields": [...], "header": {...}}`."""

    plan = JsonObject(required=True)
    rows = JsonList(JsonObject(), required=True, metadata={"minItems": 1})
    formats = JsonList(Choice(FORMATS))
    names = JsonList(fields.String(error_messages={"invalid": "not_string"}), data_key="fields")
    header = JsonObject()
    options = nested(OptionsSchema)


class BatchTemplateRequestSchema(Contract):
    """`{"plan": {...}, "fields": ["ten_xa"], "communes": ["Quang Thuận", "Phường Sông Cầu"]}`:
    the base plan, its declared fields, and optionally the communes to list in the template."""

    plan = JsonObject(required=True)
    names = JsonList(fields.String(error_messages={"invalid": "not_string"}), data_key="fields")
    communes = TextList(MAX_COMMUNES, max_length=200)


@dataclass(frozen=True)
class Options:
    """Resolved options; `cascade` None means: yes for a plan, no for an official letter."""

    cascade: bool | None = None
    deadline_days_before: int = 0
    pdfa: bool = False


@dataclass(frozen=True)
class BatchRequest:
    """A validated envelope (rows not yet checked against the contract)."""

    plan: dict[str, Any]
    rows: list[dict[str, Any]]
    formats: tuple[str, ...] = ("docx",)
    fields: tuple[str, ...] = ()
    header: dict[str, Any] = field(default_factory=dict)
    options: Options = Options()

    def fingerprint(self) -> str:
        """SHA-256 of the request in canonical JSON: equal requests, equal fingerprints."""
        body = {**self.settings(), "plan": self.plan, "rows": self.rows}
        canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    def settings(self) -> dict[str, Any]:
        """Everything but plan and rows, as stored with the batch."""
        return {
            "formats": list(self.formats),
            "fields": list(self.fields),
            "header": self.header,
            "cascade": self.options.cascade,
            "deadline_days_before": self.options.deadline_days_before,
            "pdfa": self.options.pdfa,
        }

    @classmethod
    def from_stored(
        cls, plan: dict[str, Any], settings: dict[str, Any], rows: list[dict[str, Any]]
    ) -> BatchRequest:
        """The request as a batch row keeps it (see `settings`)."""
        options = Options(
            settings.get("cascade"),
            int(settings.get("deadline_days_before", 0)),
            bool(settings.get("pdfa")),
        )
        return cls(
            plan,
            rows,
            tuple(settings.get("formats", ("docx",))),
            tuple(settings.get("fields", ())),
            dict(settings.get("header", {})),
            options,
        )


def parse_request(data: Any, max_rows: int) -> BatchRequest:
    """Check the envelope; InvalidDocument with every error at once (rows' contents later)."""
    if not isinstance(data, dict):
        raise InvalidDocument({"_schema": [code("not_object")]})
    if isinstance(data.get("rows"), list) and len(data["rows"]) > max_rows:  # before loading them
        raise InvalidDocument({"rows": [code("too_many", max_rows)]})
    try:
        loaded: dict[str, Any] = BatchRequestSchema().load(data)
    except ValidationError as error:
        raise InvalidDocument(flatten(error.messages)) from error
    rows = loaded["rows"]
    if not rows:
        raise InvalidDocument({"rows": [code("too_few", 1)]})
    if len(rows) > max_rows:
        raise InvalidDocument({"rows": [code("too_many", max_rows)]})
    formats = tuple(dict.fromkeys(["docx", *loaded.get("formats", ())]))  # DOCX always
    options = loaded.get("options", {})
    return BatchRequest(
        plan=loaded["plan"],
        rows=rows,
        formats=formats,
        fields=tuple(loaded.get("names", ())),
        header=loaded.get("header", {}),
        options=Options(
            options.get("cascade"),
            options.get("deadline_days_before", 0),
            options.get("pdfa", False),
        ),
    )


def parse_template_request(data: Any) -> tuple[BatchRequest, tuple[str, ...]]:
    """A template request: the batch it prepares (without rows), and the communes' names;
    InvalidDocument with every error."""
    if not isinstance(data, dict):
        raise InvalidDocument({"_schema": [code("not_object")]})
    try:
        loaded: dict[str, Any] = BatchTemplateRequestSchema().load(data)
    except ValidationError as error:
        raise InvalidDocument(flatten(error.messages)) from error
    batch = BatchRequest(loaded["plan"], [], fields=tuple(loaded.get("names", ())))
    return batch, tuple(loaded.get("communes", ()))

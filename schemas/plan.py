"""The plan contract (PLAN-CONTRACT.md) as marshmallow schemas, loading the domain model."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, ValidationError, fields, post_load, validates_schema

from schemas.fields import (
    MAX_TEXT,
    BoundedList,
    Choice,
    DateText,
    Flag,
    Quantity,
    StringOrObject,
    Text,
    TextList,
)
from schemas.messages import code
from service import plan as model
from service.vietnamese import LETTERS

MAX_SECTIONS = 100
MAX_RECIPIENTS = 100
MAX_APPENDICES = 20


class Contract(Schema):
    """Base: unknown fields are errors, so typos surface; messages are codes."""

    class Meta:
        unknown = RAISE

    error_messages = {"unknown": "unknown_field", "type": "not_object"}


def nested(schema: Any, **kwargs: Any) -> fields.Nested:
    """A nested object with coded messages."""
    field = fields.Nested(schema, **kwargs)
    field.error_messages.update(required="required", null="null", type="not_object")
    return field


def lettered_list() -> BoundedList:
    """A lettered list: at most as many entries as there are letters a ... y."""
    entry = StringOrObject(lambda: EntrySchema(), _entry)
    return BoundedList(entry, max_items=len(LETTERS), too_many="too_many_letters")


def _entry(text: str) -> model.Entry:
    return model.Entry(text=text)


class EntrySchema(Contract):
    """A numbered or lettered paragraph given as an object, with sub-lists."""

    text = Text(required=True, max_length=MAX_TEXT)
    items = TextList()
    lettered = lettered_list()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Entry:
        return model.Entry(**data)


class PartSchema(Contract):
    """A Part: heading, text, items, numbered, lettered, sections, assignments."""

    heading = Text()
    text = TextList()
    items = TextList()
    numbered = BoundedList(StringOrObject(lambda: EntrySchema(), _entry))
    lettered = lettered_list()
    sections = BoundedList(nested(lambda: SectionSchema()), max_items=MAX_SECTIONS)
    assignments = BoundedList(nested(lambda: AssignmentSchema()), max_items=MAX_SECTIONS)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        return model.Part(**data)


class SectionSchema(PartSchema):
    """A numbered sub-heading; `after` places an extra top-level section of a plan."""

    heading = Text(required=True)
    run_in = Flag()
    numbering = Choice(tuple(n.value for n in model.Numbering))
    after = Choice(model.SECTION_ANCHORS)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        if "numbering" in data:
            data["numbering"] = model.Numbering(data["numbering"])
        return model.Section(**data)


class AssignmentSchema(PartSchema):
    """A task for an agency; `request` prints `Đề nghị <agency>`."""

    agency = Text(required=True)
    request = Flag()
    run_in = Flag()
    numbering = Choice(tuple(n.value for n in model.Numbering))

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        if "numbering" in data:
            data["numbering"] = model.Numbering(data["numbering"])
        return model.Assignment(**data)


class TargetSchema(Contract):
    """A target whose `{value}` is formatted for Vietnamese."""

    text = Text(required=True, max_length=MAX_TEXT)
    value = Quantity(metadata={"description": "Required exactly when `text` has `{value}`"})
    unit = Text(max_length=50)

    @validates_schema
    def placeholder(self, data: dict[str, Any], **_: Any) -> None:
        has_placeholder = "{value}" in data.get("text", "")
        if "value" in data and not has_placeholder:
            raise ValidationError(code("value_placeholder_missing"), "text")
        if has_placeholder and "value" not in data:
            raise ValidationError(code("value_missing"), "value")

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Target:
        return model.Target(**data)


def _target(text: str) -> model.Target:
    return model.Target(text=text)


class PurposeSchema(Contract):
    """Part I: purposes and requirements."""

    heading = Text()
    purposes = TextList()
    requirements = TextList()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Purpose:
        return model.Purpose(**data)


class TargetsSchema(Contract):
    """Targets: general paragraphs and specific targets."""

    heading = Text()
    general = TextList()
    specific = BoundedList(StringOrObject(lambda: TargetSchema(), _target))

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Targets:
        return model.Targets(**data)


class DeadlineSchema(Contract):
    """A reporting deadline."""

    report = Text(required=True)
    due = DateText(required=True)
    submit_to = Text()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Deadline:
        return model.Deadline(**data)


class ReportingSchema(PartSchema):
    """The reporting regime, with deadlines as data."""

    deadlines = BoundedList(nested(DeadlineSchema), max_items=50)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        return model.Reporting(**data)


class AppendixSchema(PartSchema):
    """An appendix; its sections are numbered I, II, ..."""

    title = Text(required=True, multiline=True)
    subtitle = Text(multiline=True)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        return model.Appendix(**data)

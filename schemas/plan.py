"""The KẾ HOẠCH body (contract v1, with v1.1's rich text and content): typed parts, targets,
deadlines, appendices; the body is shared by a plan and a decision's attached plan."""

from __future__ import annotations

from typing import Any

from marshmallow import ValidationError, post_load, validates_schema

from schemas.base import Contract, nested
from schemas.content import MAX_SECTIONS, AssignmentSchema, PartSchema, SectionSchema
from schemas.fields import BoundedList, Choice, DateText, Quantity, Text
from schemas.messages import code
from schemas.rich import Closing, RichList, RichOrObject, RichText
from service import model

MAX_RECIPIENTS = 100
MAX_APPENDICES = 20

__all__ = [
    "MAX_APPENDICES",
    "MAX_RECIPIENTS",
    "MAX_SECTIONS",
    "AppendixSchema",
    "AssignmentSchema",
    "Contract",
    "PartSchema",
    "PlanBodySchema",
    "SectionSchema",
    "nested",
]


class TargetSchema(Contract):
    """A target whose `{value}` is formatted for Vietnamese."""

    text = RichText(required=True)
    value = Quantity(metadata={"description": "Required exactly when `text` has `{value}`"})
    unit = Text(max_length=50)

    @validates_schema(skip_on_field_errors=True)
    def placeholder(self, data: dict[str, Any], **_: Any) -> None:
        has_placeholder = "{value}" in data["text"].text
        if "value" in data and not has_placeholder:
            raise ValidationError(code("value_placeholder_missing"), "text")
        if has_placeholder and "value" not in data:
            raise ValidationError(code("value_missing"), "value")

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Target:
        return model.Target(**data)


class PurposeSchema(Contract):
    """Part I: purposes and requirements."""

    heading = RichText()
    purposes = RichList()
    requirements = RichList()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Purpose:
        return model.Purpose(**data)


class TargetsSchema(Contract):
    """Targets: general paragraphs and specific targets."""

    heading = RichText()
    general = RichList()
    specific = BoundedList(
        RichOrObject(
            TargetSchema,
            lambda text: model.Target(text=text),
            error_messages={"invalid": "invalid_target"},
        )
    )

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
        return model.Reporting(**self.part_fields(data))


class AppendixSchema(PartSchema):
    """An appendix: label and reference line as printed, orientation, content."""

    title = Text(required=True, multiline=True)
    subtitle = Text(multiline=True)
    label = Text(max_length=100)
    reference = Text(max_length=1_000)
    orientation = Choice(tuple(o.value for o in model.Orientation))

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        data = self.part_fields(data)
        if "orientation" in data:
            data["orientation"] = model.Orientation(data["orientation"])
        return model.Appendix(**data)


class PlanBodySchema(Contract):
    """A KẾ HOẠCH's body: preamble, typed parts, extra sections, closing."""

    preamble = RichList()
    purpose = nested(PurposeSchema)
    targets = nested(TargetsSchema)
    tasks = nested(PartSchema)
    funding = nested(PartSchema)
    organization = nested(PartSchema)
    reporting = nested(ReportingSchema)
    sections = BoundedList(nested(SectionSchema), max_items=MAX_SECTIONS)
    closing = Closing()

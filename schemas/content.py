"""Parts and their content (contract v1 "Content building blocks" and v1.1 §2).

A Part takes either the v1 keys (`text`, `items`, `numbered`, `lettered`, `sections`,
`assignments`), printed in that order, or one `content` list of blocks printed as given;
both load into the model's single `content` tuple.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load, validates_schema

from schemas.base import Contract, Lean, nested
from schemas.fields import CODED, MAX_LIST, BoundedList, Choice, Flag, each
from schemas.messages import code
from schemas.rich import Resolve, RichList, RichOrObject, RichText
from schemas.table import TableSchema
from service import model
from service.vietnamese import LETTERS

MAX_SECTIONS = 100
V1_KEYS = ("text", "items", "numbered", "lettered", "sections", "assignments")


def _numbering(data: dict[str, Any]) -> dict[str, Any]:
    if "numbering" in data:
        data["numbering"] = model.Numbering(data["numbering"])
    return data


def entry_field(entry: type[model.Numbered] | type[model.Lettered], **kwargs: Any) -> RichOrObject:
    """A numbered or lettered entry: rich text, or `{"text", "content"}` (v1.1), or v1's
    `{"text", "items", "lettered"}`."""
    return RichOrObject(
        lambda: EntrySchema(),
        lambda text: entry(text=text),
        lambda loaded: entry(**loaded),
        **kwargs,
    )


def entries(entry: type[model.Numbered] | type[model.Lettered]) -> BoundedList:
    """A `numbered` list, or a `lettered` one (at most as many as the letters a ... y)."""
    if entry is model.Lettered:
        return BoundedList(entry_field(entry), max_items=len(LETTERS), too_many="too_many_letters")
    return BoundedList(entry_field(entry), max_items=MAX_LIST)


class ContentField(Lean):
    """`content`: blocks printed in the given order, each an object with one key."""

    default_error_messages = {**CODED, "invalid": "not_list"}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._fields: dict[str, fields.Field[Any]] = {}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, list):
            raise self.make_error("invalid")
        if len(value) > MAX_LIST:
            raise ValidationError(code("too_many", MAX_LIST))
        return tuple(each(value, self._block))

    def _block(self, block: Any) -> model.Content:
        if not isinstance(block, Mapping):
            raise ValidationError(code("not_object"))
        keys = list(block)
        if len(keys) != 1 or keys[0] not in BLOCKS:
            known = [k for k in keys if k in BLOCKS]
            if len(known) > 1:
                raise ValidationError(code("one_block_key", ", ".join(known)))
            raise ValidationError(code("unknown_block", ", ".join(BLOCKS)))
        kind = keys[0]
        field = self._fields.get(kind)
        if field is None:  # the block schema's own field: one declaration validates and documents
            field = self._fields[kind] = BLOCKS[kind]().fields[kind]
        try:
            loaded: Any = field.deserialize(block[kind])
        except ValidationError as error:
            raise ValidationError({kind: error.messages}) from error
        wrap = _WRAPPED.get(kind)
        content: model.Content = wrap(loaded) if wrap is not None else loaded
        return content

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: an array of blocks, each one of the block kinds."""
        return {
            "type": "array",
            "maxItems": MAX_LIST,
            "items": {"oneOf": [resolve(schema) for schema in BLOCKS.values()]},
            "description": "Blocks printed in this order (contract v1.1 §2); "
            "each block is an object with exactly one key.",
        }


class EntrySchema(Contract):
    """A numbered or lettered entry as an object: `content` below it, or v1's sub-lists."""

    text = RichText(required=True)
    items = RichList()
    lettered = entries(model.Lettered)
    content = ContentField()

    @validates_schema
    def one_form(self, data: dict[str, Any], **_: Any) -> None:
        _no_conflict(data, ("items", "lettered"))

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> dict[str, Any]:
        content = data.get("content") or model.v1_content(
            items=data.get("items", ()), lettered=data.get("lettered", ())
        )
        return {"text": data["text"], "content": content}


class PartSchema(Contract):
    """A Part: heading, then the v1 keys or one `content` list."""

    heading = RichText()
    text = RichList()
    items = RichList()
    numbered = entries(model.Numbered)
    lettered = entries(model.Lettered)
    sections = BoundedList(nested(lambda: SectionSchema()), max_items=MAX_SECTIONS)
    assignments = BoundedList(nested(lambda: AssignmentSchema()), max_items=MAX_SECTIONS)
    content = ContentField()

    @validates_schema
    def one_form(self, data: dict[str, Any], **_: Any) -> None:
        _no_conflict(data, V1_KEYS)

    def part_fields(self, data: dict[str, Any]) -> dict[str, Any]:
        """The loaded fields with the v1 keys folded into `content`."""
        v1 = {key: data.pop(key) for key in V1_KEYS if key in data}
        if "content" not in data:
            data["content"] = model.v1_content(**v1)
        return data

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        return model.Part(**self.part_fields(data))


class SectionSchema(PartSchema):
    """A numbered sub-heading; `after` places an extra top-level section of a plan."""

    heading = RichText(required=True)
    run_in = Flag()
    numbering = Choice(tuple(n.value for n in model.Numbering))
    after = Choice(model.SECTION_ANCHORS)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        return model.Section(**_numbering(self.part_fields(data)))


class AssignmentSchema(PartSchema):
    """A task for an agency; `request` prints `Đề nghị <agency>`."""

    agency = RichText(required=True)
    request = Flag()
    run_in = Flag()
    numbering = Choice(tuple(n.value for n in model.Numbering))

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Any:
        return model.Assignment(**_numbering(self.part_fields(data)))


def _no_conflict(data: dict[str, Any], v1_keys: tuple[str, ...]) -> None:
    """`content` cannot stand beside the v1 keys it replaces (422 on `content`)."""
    clash = [key for key in v1_keys if key in data]
    if "content" in data and clash:
        raise ValidationError(code("content_conflict", ", ".join(clash)), "content")


class ParagraphBlock(Contract):
    """`{"paragraph": rich}`."""

    paragraph = RichText(required=True)


class DashBlock(Contract):
    """`{"dash": rich}`: a `- ` item."""

    dash = RichText(required=True)


class PlusBlock(Contract):
    """`{"plus": rich}`: a `+ ` item, the level under a dash."""

    plus = RichText(required=True)


class NumberedBlock(Contract):
    """`{"numbered": rich}` or `{"numbered": {"text": rich, "content": [...]}}`."""

    numbered = entry_field(model.Numbered, required=True)


class LetteredBlock(Contract):
    """`{"lettered": rich}` or `{"lettered": {"text": rich, "content": [...]}}`."""

    lettered = entry_field(model.Lettered, required=True)


class SectionBlock(Contract):
    """`{"section": Section}`: a numbered sub-heading with its own content."""

    section = nested(SectionSchema, required=True)


class AssignmentBlock(Contract):
    """`{"assignment": Assignment}`: an agency's assignment, numbered like a section."""

    assignment = nested(AssignmentSchema, required=True)


class TableBlock(Contract):
    """`{"table": Table}`."""

    table = nested(TableSchema, required=True)


# Text blocks load as rich text, then become their model block; the others load as models.
_WRAPPED: dict[str, Any] = {"paragraph": model.Paragraph, "dash": model.Dash, "plus": model.Plus}
BLOCKS: dict[str, type[Schema]] = {
    "paragraph": ParagraphBlock,
    "dash": DashBlock,
    "plus": PlusBlock,
    "numbered": NumberedBlock,
    "lettered": LetteredBlock,
    "section": SectionBlock,
    "assignment": AssignmentBlock,
    "table": TableBlock,
}

"""JSON Schema of our custom marshmallow fields, and the hook any field may offer.

A field with a method `json_schema(self, resolve)` describes itself: its return value is
the property's schema; `resolve(schema_or_class)` gives the `$ref` of a nested schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import Schema, fields

from schemas.fields import (
    MAX_TEXT,
    BoundedList,
    Choice,
    DateText,
    DocumentNumber,
    Quantity,
    Text,
    TextList,
)

Resolve = Callable[[Any], dict[str, Any]]


def resolver(plugin: MarshmallowPlugin) -> Resolve:
    """`resolve(schema_or_class)`: the `$ref` of a schema, registered as a component once."""

    def resolve(schema: type[Schema] | Schema) -> dict[str, Any]:
        ref: dict[str, Any] = plugin.converter.resolve_nested_schema(schema)  # type: ignore[union-attr]
        return ref

    return resolve


def install(plugin: MarshmallowPlugin) -> None:
    """Teach the plugin our fields; a field's own `json_schema` wins over everything."""
    resolve = resolver(plugin)
    for field_class, openapi_type in (
        (DateText, "string"),
        (DocumentNumber, "string"),
        (Quantity, "number"),
    ):
        plugin.map_to_openapi_type(field_class, openapi_type, None)  # type: ignore[no-untyped-call]

    def attributes(_converter: Any, field: fields.Field[Any], **kwargs: Any) -> dict[str, Any]:
        hook = getattr(field, "json_schema", None)
        if callable(hook):
            kwargs["ret"].clear()  # the field's own description replaces the generic one
            schema: dict[str, Any] = hook(resolve)
            return schema
        return _known(field, resolve)

    plugin.converter.add_attribute_function(attributes)  # type: ignore[union-attr]


# Printable text with something in it: no C0/C1 controls (a line break where allowed), not
# blank. What a pattern cannot say (lone surrogates, legacy encodings) stays a 422.
_PRINTABLE = "[^\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f]"
_LINE = "[^\\u0000-\\u001f\\u007f-\\u009f]"


def text_pattern(multiline: bool) -> str:
    """The JSON Schema pattern of a `Text` field."""
    allowed = _PRINTABLE if multiline else _LINE
    return f"^{allowed}*[^\\s\\u0000-\\u001f\\u007f-\\u009f]{allowed}*$"


DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"  # YYYY, YYYY-MM, YYYY-MM-DD
PARAGRAPH = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_TEXT,
    "pattern": text_pattern(False),
}


def _known(field: fields.Field[Any], resolve: Resolve) -> dict[str, Any]:
    """What the JSON Schema can say of each custom field of `schemas.fields`."""
    if isinstance(field, Text):
        pattern = field.metadata.get("pattern") or text_pattern(field.multiline)
        return {"maxLength": field.max_length, "minLength": 1, "pattern": pattern}
    if isinstance(field, Choice):
        return {"enum": list(field.choices)}
    if isinstance(field, TextList | BoundedList):
        bounds = {"maxItems": field.max_items}
        return {**bounds, "minItems": field.min_items} if field.min_items else bounds
    if isinstance(field, DateText):
        return {"pattern": DATE, "example": "2023-04"}
    if isinstance(field, DocumentNumber):
        return {"pattern": r"^\d{1,9}$", "nullable": True}
    if isinstance(field, Quantity):
        bound = 10**15  # Quantity refuses |value| >= 10^15
        return {"minimum": -bound, "maximum": bound, "exclusiveMinimum": True,
                "exclusiveMaximum": True}  # fmt: skip
    return {}

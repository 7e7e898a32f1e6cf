"""The base of every contract schema, and nested objects with coded messages."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, fields


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

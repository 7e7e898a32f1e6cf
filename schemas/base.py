"""The base of every contract schema, and nested objects with coded messages."""

from __future__ import annotations

from typing import Any

from marshmallow import RAISE, Schema, fields, missing


class Contract(Schema):
    """Base: unknown fields are errors, so typos surface; messages are codes."""

    class Meta:
        unknown = RAISE

    error_messages = {"unknown": "unknown_field", "type": "not_object"}


class Lean(fields.Field[Any]):
    """A field whose `deserialize` goes straight to `_deserialize` when marshmallow's
    wrapper would do nothing else: a value is present, not null, and the field has no
    validators or processors (ours check inside `_deserialize`); or straight to the default
    when an optional field is left out. marshmallow builds a
    validator chain and checks for a missing value on every call otherwise: a plan has
    hundreds of fields, and this was a tenth of loading one."""

    def deserialize(
        self, value: Any, attr: str | None = None, data: Any = None, **kwargs: Any
    ) -> Any:
        """As marshmallow's, faster when it has nothing to add."""
        if value is missing and not self.required:  # an optional field left out
            default = self.load_default
            return default() if callable(default) else default
        if value is None or value is missing or self.validators or self.pre_load or self.post_load:
            return super().deserialize(value, attr, data, **kwargs)
        return self._deserialize(value, attr, data, **kwargs)


class Nested(Lean, fields.Nested):
    """marshmallow's nested object, lean."""


def nested(schema: Any, **kwargs: Any) -> fields.Nested:
    """A nested object with coded messages."""
    field = Nested(schema, **kwargs)
    field.error_messages.update(required="required", null="null", type="not_object")
    return field

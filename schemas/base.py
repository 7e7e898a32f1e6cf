"""The base of every contract schema, and nested objects with coded messages."""

from __future__ import annotations

import threading
from typing import Any, TypeVar

from marshmallow import RAISE, Schema, ValidationError, fields, missing

S = TypeVar("S", bound=Schema)
_instances = threading.local()


def shared(schema_class: type[S]) -> S:
    """One instance of a schema per class and thread: building one (its nested schemas and
    fields) costs more than loading a plan or a query with it; loading keeps no state in it."""
    cache: dict[type[Schema], Schema] = _instances.__dict__.setdefault("cache", {})
    instance = cache.get(schema_class)
    if instance is None:
        instance = cache[schema_class] = schema_class()
    return instance  # type: ignore[return-value]


class Contract(Schema):
    """Base: unknown fields are errors, so typos surface; messages are codes."""

    class Meta:
        unknown = RAISE

    error_messages = {"unknown": "unknown_field", "type": "not_object"}

    def _deserialize(self, data: Any, *, error_store: Any, **kwargs: Any) -> Any:
        """marshmallow's, for the one case a plan loads (one JSON object, unknown keys
        refused, no partial loading, no `data_key`), without the per-field closures and
        with optional fields left out skipped: the objects of a plan declare dozens of
        fields and use a few. Errors are stored exactly as marshmallow stores them."""
        many, partial = kwargs.get("many", False), kwargs.get("partial")
        unknown, index = kwargs.get("unknown", RAISE), kwargs.get("index")
        load_fields = self.load_fields
        plain = self.__dict__.get("_plain_keys")
        if plain is None:  # each field read under its own name
            plain = self._plain_keys = all(f.data_key is None for f in load_fields.values())
        if many or partial is not None or unknown != RAISE or type(data) is not dict or not plain:
            return super()._deserialize(data, error_store=error_store, **kwargs)
        index = index if self.opts.index_errors else None
        loaded: dict[str, Any] = {}
        for name, field in load_fields.items():
            raw = data.get(name, missing)
            if raw is missing and not field.required and field.load_default is missing:
                continue  # what marshmallow does too, after calling the field
            try:
                value = field.deserialize(raw, name, data)
            except ValidationError as error:
                error_store.store_error(error.messages, name, index=index)
                value = error.valid_data or missing
            if value is not missing:
                loaded[field.attribute or name] = value
        for key in data:
            if key not in load_fields:
                error_store.store_error([self.error_messages["unknown"]], key, index)
        return loaded


class Lean(fields.Field[Any]):
    """A field whose `deserialize` goes straight to `_deserialize` when marshmallow's
    wrapper would do nothing else (a value is present, not null, and the field has no
    validators or processors: ours check inside `_deserialize`), and straight to the
    default when an optional field is left out. Otherwise marshmallow builds a validator
    chain and checks for a missing value on every call: a plan has hundreds of fields, and
    that was a tenth of loading one."""

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

"""Tables (contract v1.1 §3): columns, rows of cells (spans, `colspan`, `rowspan`), group rows."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from marshmallow import ValidationError, fields, post_load, validates_schema

from schemas.base import Contract, Lean, nested
from schemas.fields import CODED, MAX_TEXT, BoundedList, Choice, Text, clean_text, each
from schemas.messages import code
from schemas.rich import Resolve, RichOrObject, RichText
from service import model
from service.model.table import FONT_SIZES, MAX_COLUMNS, MAX_ROWS, problems

MAX_SPAN = MAX_ROWS


class Width(Lean):
    """A column's relative width: a JSON number above 0."""

    default_error_messages = {**CODED, "invalid": "not_number"}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.make_error("invalid")
        if not math.isfinite(value) or value <= 0 or value > 10_000:
            raise ValidationError(code("width_range"))
        return float(value)

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: a positive number."""
        del resolve
        return {"type": "number", "exclusiveMinimum": True, "minimum": 0, "maximum": 10_000}


class Span(Lean, fields.Integer):
    """`colspan` or `rowspan`: a whole number from 1."""

    default_error_messages = {**CODED, "invalid": "not_integer"}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.make_error("invalid")
        if not 1 <= value <= MAX_SPAN:
            raise ValidationError(code("span_range", MAX_SPAN))
        return value


class ColumnSchema(Contract):
    """A column: title, relative width, alignment, optional group (second header row)."""

    title = RichText(required=True)
    width = Width()
    align = Choice(tuple(a.value for a in model.Align))
    group = Text(max_length=300)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Column:
        if "align" in data:
            data["align"] = model.Align(data["align"])
        return model.Column(**data)


class CellSchema(Contract):
    """A cell given as an object: its text and how many columns and rows it spans."""

    text = RichText(required=True, multiline=True, allow_empty=True)
    colspan = Span()
    rowspan = Span()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Cell:
        return model.Cell(**data)


def cell_field() -> RichOrObject:
    """A cell: rich text (a `\\n` starts a new paragraph in the cell), or an object."""
    return RichOrObject(
        CellSchema,
        lambda text: model.Cell(text=text),
        rich=RichText(multiline=True, allow_empty=True),
        error_messages={"invalid": "invalid_cell"},
    )


class GroupRowSchema(Contract):
    """`{"group": rich}`: one bold cell spanning every column."""

    group = RichText(required=True)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.GroupRow:
        return model.GroupRow(data["group"])


class RowField(Lean):
    """A row: a list of cells, or a group row."""

    default_error_messages = {**CODED, "invalid": "invalid_row"}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._cell = cell_field()
        self._group: GroupRowSchema | None = None

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> model.Row:
        if type(value) is list:  # most rows (before the slower check for a mapping)
            return self._row(value)
        if isinstance(value, Mapping):
            if self._group is None:
                self._group = GroupRowSchema()
            group: model.GroupRow = self._group.load(value)
            return group
        if isinstance(value, list):
            return self._row(value)
        raise self.make_error("invalid")

    def _row(self, value: list[Any]) -> tuple[model.Cell, ...]:
        """Each cell loaded (thousands of rows: no list field around them), errors by index."""
        if not value:
            raise ValidationError(code("empty_row"))
        if len(value) > MAX_COLUMNS:
            raise ValidationError(code("too_many", MAX_COLUMNS))
        if all(type(item) is str for item in value):  # most rows: every cell plain text
            texts = _clean_all(value)  # None if one is refused: the loop below names it
            if texts is not None:
                return tuple(model.Cell(model.Rich((model.Span(t),))) for t in texts)
        return tuple(each(value, self._one))

    def _one(self, item: Any) -> model.Cell:
        if type(item) is str and item.strip():  # most cells: plain text, loaded directly
            text = clean_text(item, multiline=True, max_length=MAX_TEXT)
            return model.Cell(text=model.Rich((model.Span(text),)))
        cell: model.Cell = self._cell._deserialize(item, None, None)
        return cell

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: an array of cells, or a group row."""
        cell = self._cell.json_schema(resolve)
        return {
            "oneOf": [
                {"type": "array", "minItems": 1, "maxItems": MAX_COLUMNS, "items": cell},
                resolve(GroupRowSchema),
            ]
        }


def _clean_all(texts: list[str]) -> list[str] | None:
    """Every cell's text cleaned, or None when one of them is refused."""
    try:
        return [clean_text(t, multiline=True, max_length=MAX_TEXT) for t in texts]
    except ValidationError:
        return None


class FontSize(Lean, fields.Integer):
    """11 to 14 pt."""

    default_error_messages = {**CODED, "invalid": "not_integer"}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> int:
        if isinstance(value, bool) or value not in FONT_SIZES:
            raise ValidationError(code("one_of", ", ".join(map(str, FONT_SIZES))))
        return int(value)

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: one of the sizes."""
        del resolve
        return {"type": "integer", "enum": list(FONT_SIZES), "default": 12}


class TableSchema(Contract):
    """A table; rows must fill the columns, counting `colspan` and the `rowspan`s above."""

    columns = BoundedList(nested(ColumnSchema), max_items=MAX_COLUMNS, min_items=1, required=True)
    rows = BoundedList(RowField(), max_items=MAX_ROWS, min_items=1, required=True)
    font_size = FontSize()

    @validates_schema(skip_on_field_errors=True)
    def grid(self, data: dict[str, Any], **_: Any) -> None:
        columns, rows = data["columns"], data["rows"]
        shapes = [
            None if isinstance(row, model.GroupRow) else [(c.colspan, c.rowspan) for c in row]
            for row in rows
        ]
        found = problems(len(columns), shapes)
        if found:
            messages = {
                path: [code("row_fill", len(columns)) if kind == "fill" else code("rowspan_past")]
                for path, kind in found.items()
            }
            raise ValidationError({"rows": _nest(messages)})

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Table:
        return model.Table(**data)


def _nest(flat: dict[str, list[str]]) -> dict[Any, Any]:
    """`{"7.2.rowspan": [...]}` as marshmallow's nested error dict."""
    out: dict[Any, Any] = {}
    for path, messages in flat.items():
        node = out
        *head, last = path.split(".")
        for key in head:
            node = node.setdefault(int(key) if key.isdigit() else key, {})
        node[int(last) if last.isdigit() else last] = messages
    return out

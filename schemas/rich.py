"""Rich text (contract v1.1 §1): a string, or a list of spans with marks and footnotes."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from marshmallow import Schema, ValidationError, fields, post_load

from schemas.base import Contract, Lean
from schemas.encoding import legacy_encoding
from schemas.fields import (
    CODED,
    MAX_LIST,
    MAX_TEXT,
    BoundedList,
    Flag,
    check_characters,
    clean_text,
    each,
)
from schemas.messages import code
from service import model
from service.vietnamese import nfc

Resolve = Callable[[Any], dict[str, Any]]  # a marshmallow schema -> its `$ref`


class SpanText(Lean, fields.String):
    """A span's text: NFC, no control characters; its spaces are the author's, kept. (Line
    breaks are checked for the paragraph as a whole: only table cells take them.)"""

    default_error_messages = {**CODED, "invalid": "not_string", "invalid_utf8": "not_string"}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = nfc(super()._deserialize(value, attr, data, **kwargs))
        check_characters(text, multiline=True)
        if not text:
            raise ValidationError(code("empty"))
        return text


class TextSpanSchema(Contract):
    """`{"text": ..., "bold": true, "italic": true, "underline": true}`: marks default off
    (a heading's own bold stays unless a span sets `"bold": false`)."""

    text = SpanText(required=True)
    bold = Flag()
    italic = Flag()
    underline = Flag()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Span:
        return model.Span(**data)


class RichText(Lean):
    """A paragraph's text where the contract takes rich text; loads `model.Rich`."""

    default_error_messages = {**CODED, "invalid": "not_rich"}

    def __init__(
        self,
        *,
        max_length: int = MAX_TEXT,
        footnotes: bool = True,
        multiline: bool = False,
        allow_empty: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.max_length, self.footnotes = max_length, footnotes
        self.multiline, self.allow_empty = multiline, allow_empty
        self._span_text = SpanText()
        self._span: TextSpanSchema | None = None
        self._note: FootnoteSpanSchema | None = None

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> model.Rich:
        if isinstance(value, str):
            if self.allow_empty and not value.strip():
                return model.Rich(())
            text = clean_text(value, multiline=self.multiline, max_length=self.max_length)
            return model.Rich((model.Span(text),))
        if not isinstance(value, list):
            raise self.make_error("invalid")
        if not value:
            raise ValidationError(code("empty"))
        return self._finish(model.Rich(tuple(each(value, self._inline))))

    def _inline(self, item: Any) -> model.Inline:
        if isinstance(item, str):
            return model.Span(self._span_text.deserialize(item))
        if not isinstance(item, Mapping):
            raise ValidationError(code("invalid_span"))
        if "footnote" in item:
            if not self.footnotes:
                raise ValidationError({"footnote": [code("footnote_in_footnote")]})
            if self._note is None:
                self._note = FootnoteSpanSchema()
            note: model.Footnote = self._note.load(item)
            return note
        if self._span is None:
            self._span = TextSpanSchema()
        span: model.Span = self._span.load(item)
        return span

    def _finish(self, rich: model.Rich) -> model.Rich:
        """The paragraph's own edges trimmed, its length and encoding checked."""
        rich = rich.edit_last_text(str.rstrip)
        first = next((i for i, p in enumerate(rich.parts) if isinstance(p, model.Span)), None)
        if first is not None:
            head = rich.parts[first]
            assert isinstance(head, model.Span)
            stripped = model.Span(head.text.lstrip(), head.bold, head.italic, head.underline)
            rich = model.Rich((*rich.parts[:first], stripped, *rich.parts[first + 1 :]))
        text = rich.text
        if not self.multiline and "\n" in text:
            raise ValidationError(code("line_break"))
        if not text.strip() and not self.allow_empty:
            raise ValidationError(code("empty"))
        if len(text) > self.max_length:
            raise ValidationError(code("too_long", self.max_length))
        encoding = legacy_encoding(text)
        if encoding is not None:
            raise ValidationError(code("legacy_encoding", encoding))
        return rich

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: a string, or a list whose items are strings, text spans or footnotes."""
        spans: list[dict[str, Any]] = [{"type": "string", "minLength": 1}, resolve(TextSpanSchema)]
        if self.footnotes:
            spans.append(resolve(FootnoteSpanSchema))
        return {
            "oneOf": [
                {
                    "type": "string",
                    "minLength": 0 if self.allow_empty else 1,
                    "maxLength": self.max_length,
                },
                {"type": "array", "minItems": 1, "items": {"oneOf": spans}},
            ],
            "description": "Plain text, or spans joined with nothing between them "
            "(contract v1.1 §1): strings, {text, bold, italic, underline}, {footnote}.",
        }


class FootnoteSpanSchema(Contract):
    """`{"footnote": <string or spans>}`: a real Word footnote, numbered through the document."""

    footnote = RichText(required=True, footnotes=False)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> model.Footnote:
        return model.Footnote(data["footnote"])


class RichList(BoundedList):
    """A list of paragraphs or items, each rich text, bounded in length."""

    def __init__(self, max_items: int = MAX_LIST, *, min_items: int = 0, **kwargs: Any) -> None:
        super().__init__(RichText(), max_items=max_items, min_items=min_items, **kwargs)

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: an array of rich text."""
        inner = self.inner.json_schema(resolve)  # type: ignore[attr-defined]
        bounds = {"maxItems": self.max_items, "minItems": self.min_items}
        return {"type": "array", "items": inner, **bounds}


class RichOrObject(Lean):
    """Rich text, or an object loaded by `schema`: a numbered entry, an article, a table
    cell, a target. `from_text` makes the model from the text alone, `from_object` from
    what the schema loaded."""

    default_error_messages = {**CODED, "invalid": "invalid_entry"}

    def __init__(
        self,
        schema: Callable[[], Schema],
        from_text: Callable[[model.Rich], Any],
        from_object: Callable[[Any], Any] = lambda loaded: loaded,
        *,
        rich: RichText | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.schema, self.from_text, self.from_object = schema, from_text, from_object
        self.rich = rich or RichText()
        self._object: Schema | None = None  # a factory: schemas may refer to themselves

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, Mapping):
            if self._object is None:
                self._object = self.schema()  # built once: building a schema is costly
            return self.from_object(self._object.load(value))
        if isinstance(value, str | list):
            return self.from_text(self.rich._deserialize(value, attr, data))
        raise self.make_error("invalid")

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: the rich text's forms, or the object."""
        return {"oneOf": [*self.rich.json_schema(resolve)["oneOf"], resolve(self.schema())]}


class Closing(RichText):
    """The closing paragraph: rich text, or `false` for none at all (contract v1.1 §6)."""

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if value is False:
            return False
        if value is True:
            raise ValidationError(code("closing_true"))
        return super()._deserialize(value, attr, data, **kwargs)

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: rich text or `false`."""
        rich = super().json_schema(resolve)
        return {"oneOf": [*rich["oneOf"], {"type": "boolean", "enum": [False]}]}

"""Custom marshmallow fields: NFC text without control characters, partial dates, numbers."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from marshmallow import ValidationError, fields

from schemas.base import Lean
from schemas.encoding import MARKERS, legacy_encoding
from schemas.messages import code
from service.vietnamese import PartialDate, nfc

CODED = {"required": "required", "null": "null", "validator_failed": "one_of"}
T = TypeVar("T")
MAX_TEXT = 20_000  # one paragraph; longer is almost surely a paste gone wrong
MAX_LINE = 1_000  # headings, names, titles
MAX_LIST = 500  # entries of one list
# Unicode's Cc (C0, DEL, C1) and Cs (lone surrogates) and the two noncharacters XML refuses.
_FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# Whatever calls for a closer look: the characters above, a line break, a legacy-encoding
# marker (most texts have none, and are checked by this one search).
_SUSPECT = re.compile(f"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff{MARKERS}]")


def check_characters(text: str, *, multiline: bool) -> None:
    """Reject what cannot print or cannot live in XML: controls, lone surrogates."""
    bad = _FORBIDDEN.search(text)
    if bad:
        raise ValidationError(code("control_character", f"U+{ord(bad.group()):04X}"))
    if not multiline and "\n" in text:
        raise ValidationError(code("line_break"))


class Text(Lean, fields.String):
    """A string normalised to NFC, trimmed, with no control characters; empty is an error."""

    default_error_messages = {**CODED, "invalid": "not_string", "invalid_utf8": "not_string"}

    def __init__(self, *, multiline: bool = False, max_length: int = MAX_LINE, **kwargs: Any):
        super().__init__(**kwargs)
        self.multiline = multiline
        self.max_length = max_length

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        if not isinstance(value, str):
            raise self.make_error("invalid")
        return clean_text(value, multiline=self.multiline, max_length=self.max_length)


def clean_text(value: str, *, multiline: bool = False, max_length: int = MAX_LINE) -> str:
    """A typed string as the contract keeps it: NFC, trimmed, checked (ValidationError)."""
    text = value if unicodedata.is_normalized("NFC", value) else nfc(value)
    suspect = _SUSPECT.search(text) is not None  # rare: a control, a break, a legacy letter
    if suspect:
        check_characters(text, multiline=multiline)
    if multiline and suspect:  # a line break is suspect: otherwise there is one line
        text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip("\n")
    elif multiline:
        text = " ".join(text.split())
    text = text.strip()
    if not text:
        raise ValidationError(code("empty"))
    if len(text) > max_length:
        raise ValidationError(code("too_long", max_length))
    encoding = legacy_encoding(text) if suspect else None
    if encoding is not None:
        raise ValidationError(code("legacy_encoding", encoding))
    return text


class TextList(Lean, fields.List[Any]):
    """A list of paragraphs or items, bounded in length."""

    default_error_messages = {**CODED, "invalid": "not_list"}

    def __init__(
        self,
        max_items: int = MAX_LIST,
        *,
        max_length: int = MAX_TEXT,
        min_items: int = 0,
        **kw: Any,
    ):
        super().__init__(Text(max_length=max_length), **kw)
        self.max_items, self.min_items = max_items, min_items

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, list) and len(value) > self.max_items:
            raise ValidationError(code("too_many", self.max_items))
        if isinstance(value, list) and len(value) < self.min_items:
            raise ValidationError(code("too_few", self.min_items))
        return _each(self, value, attr, data, kwargs)


class BoundedList(Lean, fields.List[Any]):
    """A list of nested objects, bounded in length, loaded as a tuple."""

    default_error_messages = {**CODED, "invalid": "not_list"}

    def __init__(
        self,
        inner: fields.Field[Any],
        max_items: int = MAX_LIST,
        too_many: str = "too_many",
        min_items: int = 0,
        **kw: Any,
    ):
        super().__init__(inner, **kw)
        self.max_items, self.too_many, self.min_items = max_items, too_many, min_items

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, list) and len(value) > self.max_items:
            raise ValidationError(code(self.too_many, self.max_items))
        if isinstance(value, list) and len(value) < self.min_items:
            raise ValidationError(code("too_few", self.min_items))
        return _each(self, value, attr, data, kwargs)


def _each(
    field: fields.List[Any], value: Any, attr: Any, data: Any, kwargs: Any
) -> tuple[Any, ...]:
    """A JSON list's items loaded by the list's inner field, as marshmallow's List loads
    them, without its generic checks for iterables; anything but a list goes to
    marshmallow for its error."""
    if type(value) is not list:
        return tuple(fields.List._deserialize(field, value, attr, data, **kwargs))
    inner = field.inner
    return tuple(each(value, lambda item: inner.deserialize(item, **kwargs), keep_valid=True))


def each(items: list[Any], load: Callable[[Any], T], *, keep_valid: bool = False) -> list[T]:
    """Every item loaded by `load`, every error at once keyed by the item's index;
    `keep_valid`: the items loaded go with the error, as marshmallow's List does."""
    loaded: list[Any] = []
    errors: dict[int, Any] = {}
    for index, item in enumerate(items):
        try:
            loaded.append(load(item))
        except ValidationError as error:
            if error.valid_data is not None:
                loaded.append(error.valid_data)
            errors[index] = error.messages
    if errors:
        raise ValidationError(errors, valid_data=loaded if keep_valid else None)
    return loaded


class Flag(Lean, fields.Boolean):
    """A strict JSON boolean."""

    default_error_messages = {**CODED, "invalid": "not_boolean"}
    truthy = {True}
    falsy = {False}


class Choice(Lean, fields.String):
    """One of a fixed set of strings."""

    default_error_messages = {**CODED, "invalid": "not_string"}

    def __init__(self, choices: tuple[str, ...], **kwargs: Any):
        super().__init__(**kwargs)
        self.choices = choices

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        if text not in self.choices:
            raise ValidationError(code("one_of", ", ".join(self.choices)))
        return text


class DateText(Lean):
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY`: blanks left for the signing day."""

    default_error_messages = {**CODED, "invalid": "invalid_date"}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if not isinstance(value, str):
            raise self.make_error("invalid")
        try:
            return PartialDate.parse(value.strip())
        except ValueError as error:
            raise self.make_error("invalid") from error

    def _serialize(self, value: Any, attr: str | None, obj: Any, **kwargs: Any) -> Any:
        return None if value is None else value.isoformat()


class DocumentNumber(Lean):
    """The number given by the records office: digits, or null for a blank."""

    default_error_messages = {**CODED, "invalid": "invalid_number"}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool) and 0 < value < 10**9:
            return str(value)
        if isinstance(value, str) and re.fullmatch(r"\d{1,9}", value.strip()):
            return value.strip()
        raise self.make_error("invalid")


class Quantity(Lean):
    """A target value: a JSON number, kept exact as Decimal."""

    default_error_messages = {**CODED, "invalid": "not_number"}

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.make_error("invalid")
        try:
            number = Decimal(str(value))
        except InvalidOperation as error:
            raise self.make_error("invalid") from error
        if not number.is_finite() or abs(number) >= Decimal(10) ** 15:
            raise ValidationError(code("number_out_of_range"))
        return number

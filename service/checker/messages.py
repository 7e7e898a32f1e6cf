"""Message keys and their rendering in Vietnamese (default) or English."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from service.errors import UnsafeUpload

from .catalog import CATALOG
from .refusals import refusal_key

LOCALES: Final = ("vi", "en")
DEFAULT_LOCALE: Final = "vi"


@dataclass(frozen=True, slots=True)
class Msg:
    """A catalog key and its parameters; parameters may be Msgs, numbers, lists or text."""

    key: str
    params: tuple[tuple[str, object], ...] = ()


Text = str | Msg


def t(key: str, **params: object) -> Msg:
    """A message for `key` with `params` filled in when rendered."""
    if key not in CATALOG:
        raise KeyError(f"no message {key!r} in the catalog")
    return Msg(key, tuple(params.items()))


def quote(text: str) -> Msg:
    """Document text shown as found, in quotation marks."""
    return Msg("quote", (("text", text),))


def render(value: object, locale: str = DEFAULT_LOCALE) -> str:
    """`value` as text in `locale` ("vi" or "en")."""
    if isinstance(value, Msg):
        template = CATALOG[value.key][LOCALES.index(locale)]
        return template.format(**{name: render(param, locale) for name, param in value.params})
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float | int):
        return _number(float(value), locale)
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else value
        return ", ".join(render(item, locale) for item in items)
    return str(value)


def _number(value: float, locale: str) -> str:
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") if locale == "vi" else text


def check_locale(locale: str) -> str:
    """`locale` if the catalog has it; ValueError otherwise."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; use one of {', '.join(LOCALES)}")
    return locale


def explain(error: UnsafeUpload, locale: str = DEFAULT_LOCALE) -> str:
    """Why the uploaded file could not be checked, for the person who sent it."""
    limit = round(getattr(error, "limit", 0) / (1024 * 1024))
    return render(t(refusal_key(error), limit=limit), locale)

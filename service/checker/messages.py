"""Message keys and their rendering in Vietnamese (default) or English, through the one
gettext catalogue (service/i18n.py): a key names an English message id of catalog.py."""

from __future__ import annotations

from dataclasses import dataclass

from service.errors import UnsafeUpload
from service.i18n import DEFAULT_LOCALE, LOCALES, fill, pgettext

from .catalog import CATALOG, CONTEXT
from .refusals import refusal_key

__all__ = ["DEFAULT_LOCALE", "LOCALES", "Msg", "Text", "check_locale", "explain", "render", "t"]


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
        template = pgettext(CONTEXT, CATALOG[value.key], locale)
        # One pass, like the API's messages: text quoted from the document is never
        # read again as a placeholder.
        return fill(template, {name: render(param, locale) for name, param in value.params})
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
    """`locale` if the catalogue has it; ValueError otherwise."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}; use one of {', '.join(LOCALES)}")
    return locale


def explain(error: UnsafeUpload, locale: str = DEFAULT_LOCALE) -> str:
    """Why the uploaded file could not be checked, for the person who sent it."""
    limit = round(getattr(error, "limit", 0) / (1024 * 1024))
    return render(t(refusal_key(error), limit=limit), locale)

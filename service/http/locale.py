"""The response language: Vietnamese unless the client asks for English."""

from __future__ import annotations

from flask import request

from schemas.messages import DEFAULT_LOCALE, LOCALES, localize


def current_locale() -> str:
    """`Accept-Language: en` gives English; everything else Vietnamese."""
    best = request.accept_languages.best_match(LOCALES, default=DEFAULT_LOCALE)
    return best or DEFAULT_LOCALE


def localized(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Message codes of every field in the request's language."""
    locale = current_locale()
    return {path: [localize(m, locale) for m in messages] for path, messages in errors.items()}

"""The response language: Vietnamese unless the client asks for English; a response whose
text was translated says so (`Content-Language`, `Vary: Accept-Language`)."""

from __future__ import annotations

from flask import Flask, Response, g, request

from schemas.messages import DEFAULT_LOCALE, LOCALES, localize


def current_locale() -> str:
    """`Accept-Language: en` gives English; everything else Vietnamese."""
    best = request.accept_languages.best_match(LOCALES, default=DEFAULT_LOCALE) or DEFAULT_LOCALE
    g.content_language = best
    return best


def localized(errors: dict[str, list[str]]) -> dict[str, list[str]]:
    """Message codes of every field in the request's language."""
    locale = current_locale()
    return {path: [localize(m, locale) for m in messages] for path, messages in errors.items()}


def register(app: Flask) -> None:
    """Label every response whose text was chosen by `Accept-Language`."""

    @app.after_request
    def language(response: Response) -> Response:
        chosen = g.get("content_language")
        if chosen is not None and request.path.startswith("/api/"):
            response.headers["Content-Language"] = chosen
            response.vary.add("Accept-Language")
        return response

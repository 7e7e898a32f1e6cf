"""URL converters: record ids are 32 hex digits, so `/drafts/import` is never a draft id
(and `OPTIONS` answers the methods of one route only)."""

from __future__ import annotations

from flask import Flask
from werkzeug.routing import BaseConverter


class IdConverter(BaseConverter):
    """`<id:draft_id>`: a record id as `service.store.tables.new_id` makes them."""

    regex = "[0-9a-f]{32}"
    openapi = {"type": "string", "pattern": "^[0-9a-f]{32}$"}  # read by the OpenAPI builder


def register(app: Flask) -> None:
    """Install the converters (before any blueprint adds its rules)."""
    app.url_map.converters["id"] = IdConverter

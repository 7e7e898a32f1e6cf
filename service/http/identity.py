"""Who is calling: the unit (đơn vị) whose drafts and batches a request may see."""

from __future__ import annotations

from flask import current_app, g


def current_unit() -> str:
    """The caller's unit; until accounts exist (issue 7), the configured default unit."""
    unit = g.get("unit")
    return str(unit) if unit else str(current_app.config["DEFAULT_UNIT"])

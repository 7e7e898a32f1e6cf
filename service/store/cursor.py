"""Page cursors: the position after the last row a page showed, opaque to clients."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass


class InvalidCursor(ValueError):
    """A cursor this service did not write (or a damaged one)."""


@dataclass(frozen=True)
class Cursor:
    """After the row with this `updated_at` and id (newest first, ties by id)."""

    moment: dt.datetime
    id: str

    def encode(self) -> str:
        """URL-safe text for a `cursor` query parameter."""
        moment = self.moment if self.moment.tzinfo else self.moment.replace(tzinfo=dt.UTC)
        raw = json.dumps([moment.astimezone(dt.UTC).isoformat(), self.id], separators=(",", ":"))
        return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        """The cursor `encode` wrote; InvalidCursor for anything else."""
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            moment, draft_id = json.loads(raw)
            parsed = dt.datetime.fromisoformat(moment)
        except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as error:
            raise InvalidCursor(text) from error
        if not isinstance(draft_id, str) or len(draft_id) > 64 or parsed.tzinfo is None:
            raise InvalidCursor(text)
        return cls(parsed, draft_id)

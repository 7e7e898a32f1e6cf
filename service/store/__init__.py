"""Persistence: drafts and batches in a real database (SQLite by default, PostgreSQL by URL)."""

from service.store.database import Database

__all__ = ["Database"]

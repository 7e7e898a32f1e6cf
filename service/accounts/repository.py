"""Units, users and API keys in the database."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from service.accounts.secrets import (
    MIN_PASSWORD,
    digest,
    hash_password,
    new_api_key,
    same_digest,
    split_api_key,
    verify_password,
)
from service.errors import AccountError, NotFound
from service.store.database import Database
from service.store.tables import ApiKeyRow, UnitRow, UserRow, new_id

_UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")


@dataclass(frozen=True)
class User:
    """A logged-in officer."""

    id: str
    username: str
    unit: str
    is_admin: bool
    session_version: int = 0  # a session made at another version is revoked


@dataclass(frozen=True)
class ApiKey:
    """An API key's public record (never its secret)."""

    id: str
    unit: str
    name: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class Accounts:
    """Account operations; the only place that touches password hashes and key digests."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def ensure_unit(self, unit: str, name: str | None = None) -> None:
        """Create the unit if it does not exist yet."""
        if not _UNIT_ID.match(unit):
            raise AccountError(f"unit id must be a slug like xa-quang-thuan, not {unit!r}")
        with self.database.session() as session:
            if session.get(UnitRow, unit) is None:
                session.add(UnitRow(id=unit, name=name or unit))

    def unit_name(self, unit: str) -> str:
        """The unit's name as typed when it was made (`Xã Quang Thuận`); its slug if unnamed."""
        with self.database.session() as session:
            row = session.get(UnitRow, unit)
            return row.name if row is not None and row.name else unit

    def has_users(self) -> bool:
        """Whether any account exists (the first one is made from the command line)."""
        with self.database.session() as session:
            return bool(session.scalar(select(func.count()).select_from(UserRow)))

    def create_user(self, username: str, password: str, unit: str, *, admin: bool = False) -> User:
        """A new local account in an existing or new unit."""
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
        self.ensure_unit(unit)
        row = UserRow(
            id=new_id(),
            username=username.strip().lower(),
            password_hash=hash_password(password),
            unit=unit,
            is_admin=admin,
            disabled=False,
        )
        try:
            with self.database.session() as session:
                session.add(row)
        except IntegrityError as error:
            raise AccountError(f"the username {username!r} is taken") from error
        return _user(row)

    def authenticate(self, username: str, password: str) -> User | None:
        """The user whose password this is, or None (same work either way)."""
        with self.database.session() as session:
            row = session.scalar(
                select(UserRow).where(UserRow.username == username.strip().lower())
            )
        stored = row.password_hash if row is not None and not row.disabled else None
        if not verify_password(stored, password) or row is None:
            return None
        return _user(row)

    def user(self, user_id: str) -> User | None:
        """A still-active user by id (sessions keep only the id)."""
        with self.database.session() as session:
            row = session.get(UserRow, user_id)
        if row is None or row.disabled:
            return None
        return _user(row)

    def end_sessions(self, user_id: str) -> None:
        """Revoke every session of the user (logout): their cookies no longer sign anyone in."""
        with self.database.session() as session:
            row = session.get(UserRow, user_id)
            if row is not None:
                row.session_version = (row.session_version or 0) + 1

    def create_key(self, unit: str, name: str) -> tuple[ApiKey, str]:
        """A new key for a unit; the full key is returned once and never stored."""
        self.ensure_unit(unit)
        key_id, key, secret_hash = new_api_key()
        row = ApiKeyRow(
            id=key_id,
            unit=unit,
            name=name,
            secret_hash=secret_hash,
            created_at=dt.datetime.now(dt.UTC),
        )
        with self.database.session() as session:
            session.add(row)
        return _key(row), key

    def identify_key(self, key: str) -> str | None:
        """The unit of a valid, unrevoked key, else None."""
        parts = split_api_key(key)
        if parts is None:
            return None
        with self.database.session() as session:
            row = session.get(ApiKeyRow, parts[0])
        if row is None or row.revoked_at is not None:
            return None
        return row.unit if same_digest(row.secret_hash, digest(parts[1])) else None

    def revoke_key(self, key_id: str) -> None:
        """Revoke a key at once."""
        with self.database.session() as session:
            row = session.get(ApiKeyRow, key_id)
            if row is None:
                raise NotFound(f"API key {key_id}")
            row.revoked_at = dt.datetime.now(dt.UTC)

    def keys(self, unit: str | None = None) -> list[ApiKey]:
        """Keys, of one unit or all."""
        query = select(ApiKeyRow).order_by(ApiKeyRow.created_at)
        if unit is not None:
            query = query.where(ApiKeyRow.unit == unit)
        with self.database.session() as session:
            return [_key(row) for row in session.scalars(query)]


def _user(row: UserRow) -> User:
    return User(row.id, row.username, row.unit, row.is_admin, row.session_version or 0)


def _key(row: ApiKeyRow) -> ApiKey:
    return ApiKey(row.id, row.unit, row.name, row.created_at, row.revoked_at)

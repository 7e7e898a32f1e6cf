"""Accounts in a real database: Argon2id passwords, unit-scoped, revocable API keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from service.accounts import Accounts
from service.errors import AccountError, NotFound
from service.store import Database
from service.store.tables import ApiKeyRow, UserRow


@pytest.fixture()
def accounts(tmp_path: Path) -> Accounts:
    database = Database(f"sqlite:///{tmp_path / 'accounts.db'}")
    database.migrate()
    return Accounts(database)


def test_passwords_are_stored_as_argon2id_only(accounts: Accounts) -> None:
    assert not accounts.has_users()
    accounts.create_user("Lan", "một mật khẩu dài", "xa-quang-thuan", admin=True)
    assert accounts.has_users()
    with accounts.database.session() as session:
        stored = session.scalar(select(UserRow.password_hash))
    assert stored.startswith("$argon2id$") and "một mật khẩu dài" not in stored


def test_authenticate(accounts: Accounts) -> None:
    accounts.create_user("lan", "một mật khẩu dài", "xa-quang-thuan")
    user = accounts.authenticate(" LAN ", "một mật khẩu dài")
    assert user is not None and user.unit == "xa-quang-thuan"
    assert accounts.authenticate("lan", "sai mật khẩu!!") is None
    assert accounts.authenticate("nobody", "một mật khẩu dài") is None


def test_weak_password_duplicate_name_and_bad_unit_are_refused(accounts: Accounts) -> None:
    with pytest.raises(AccountError):
        accounts.create_user("lan", "ngắn", "xa-a")
    accounts.create_user("lan", "một mật khẩu dài", "xa-a")
    with pytest.raises(AccountError):
        accounts.create_user("LAN", "một mật khẩu khác", "xa-a")
    with pytest.raises(AccountError):
        accounts.create_user("hoa", "một mật khẩu dài", "Xã A")


def test_api_keys_identify_their_unit_until_revoked(accounts: Accounts) -> None:
    record, key = accounts.create_key("huyen-dinh-hoa", "hệ thống một cửa")
    assert key.startswith(f"plk_{record.id}_")
    assert accounts.identify_key(key) == "huyen-dinh-hoa"
    assert accounts.identify_key(key[:-1] + ("A" if key[-1] != "A" else "B")) is None
    assert accounts.identify_key("plk_nothing_here") is None
    assert accounts.identify_key("garbage") is None
    with accounts.database.session() as session:
        assert key.split("_", 2)[2] not in session.scalar(select(ApiKeyRow.secret_hash))
    accounts.revoke_key(record.id)
    assert accounts.identify_key(key) is None
    assert accounts.keys("huyen-dinh-hoa")[0].revoked_at is not None
    with pytest.raises(NotFound):
        accounts.revoke_key("nope")

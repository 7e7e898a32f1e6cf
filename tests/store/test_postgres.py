"""The same repositories on a real PostgreSQL server: switching is only a URL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from service.accounts import Accounts
from service.errors import Conflict, NotFound
from service.store import Database
from service.store.drafts import SqlDrafts
from tests.builders import minimal_plan
from tests.store import postgres

pytestmark = pytest.mark.postgres  # fails, not skips, without the server: setup.sh installs it


@pytest.fixture(scope="module")
def database() -> Iterator[Database]:
    with postgres.migrated_database() as database:
        database.migrate()  # idempotent there too
        yield database


def test_drafts_on_postgresql(database: Database) -> None:
    drafts = SqlDrafts(database)
    plan = minimal_plan(title="Kế hoạch {{ x }} & <y> 👶")
    created = drafts.create("xa-a", "Nháp", plan)
    assert drafts.get("xa-a", created.id).data == plan
    with pytest.raises(NotFound):
        drafts.get("xa-b", created.id)
    drafts.save("xa-a", created.id, minimal_plan(place="Mới"), revision=1)
    with pytest.raises(Conflict):
        drafts.save("xa-a", created.id, minimal_plan(place="Cũ"), revision=1)
    assert [d.name for d in drafts.list("xa-a")] == ["Nháp"]


def test_accounts_on_postgresql(database: Database) -> None:
    accounts = Accounts(database)
    accounts.create_user("lan", "một mật khẩu dài", "xa-a")
    assert accounts.authenticate("lan", "một mật khẩu dài") is not None
    _, key = accounts.create_key("xa-a", "hệ thống")
    assert accounts.identify_key(key) == "xa-a"

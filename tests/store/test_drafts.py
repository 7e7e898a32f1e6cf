"""Drafts in a real SQLite file: unit isolation, revisions, duplication, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from service.errors import Conflict, NotFound, StorageError
from service.store import Database
from service.store.drafts import SqlDrafts
from tests.builders import minimal_plan


@pytest.fixture()
def drafts(tmp_path: Path) -> SqlDrafts:
    database = Database(f"sqlite:///{tmp_path / 'plans.db'}")
    database.migrate()
    return SqlDrafts(database)


def test_create_list_get_round_trip(drafts: SqlDrafts) -> None:
    plan = minimal_plan(title="Kế hoạch {{ x }} & <y>")
    created = drafts.create("xa-a", "Kế hoạch trẻ em 2024", plan)
    assert drafts.get("xa-a", created.id).data == plan
    assert [d.name for d in drafts.list("xa-a")] == ["Kế hoạch trẻ em 2024"]
    assert created.document_type == "ke_hoach" and created.revision == 1


def test_another_units_draft_does_not_exist(drafts: SqlDrafts) -> None:
    created = drafts.create("xa-a", "Riêng", minimal_plan())
    assert drafts.list("xa-b") == []
    for action in (
        lambda: drafts.get("xa-b", created.id),
        lambda: drafts.save("xa-b", created.id, {}),
        lambda: drafts.delete("xa-b", created.id),
    ):
        with pytest.raises(NotFound):
            action()
    assert drafts.get("xa-a", created.id).data == minimal_plan()


def test_invalid_data_is_kept_as_typed(drafts: SqlDrafts) -> None:
    half_written = {"type": "ke_hoach", "title": "", "targets": {"specific": [{"value": "abc"}]}}
    created = drafts.create("xa-a", "Nháp", half_written)
    assert drafts.get("xa-a", created.id).data == half_written


def test_stale_revision_is_a_conflict_and_loses_nothing(drafts: SqlDrafts) -> None:
    created = drafts.create("xa-a", "Nháp", minimal_plan())
    saved = drafts.save("xa-a", created.id, minimal_plan(place="Mới"), revision=1)
    assert saved.revision == 2
    with pytest.raises(Conflict):
        drafts.save("xa-a", created.id, minimal_plan(place="Cũ"), revision=1)
    assert drafts.get("xa-a", created.id).data["place"] == "Mới"


def test_rename_duplicate_delete(drafts: SqlDrafts) -> None:
    created = drafts.create("xa-a", "2023", minimal_plan())
    drafts.rename("xa-a", created.id, "Kế hoạch 2023")
    copy = drafts.duplicate("xa-a", created.id, "Kế hoạch 2024")
    assert copy.parent_id == created.id and copy.data == created.data and copy.id != created.id
    drafts.delete("xa-a", created.id)
    assert [d.name for d in drafts.list("xa-a")] == ["Kế hoạch 2024"]


def test_locked_database_is_a_storage_error_not_a_lost_draft(tmp_path: Path) -> None:
    path = tmp_path / "plans.db"
    database = Database(f"sqlite:///{path}")
    database.migrate()
    drafts = SqlDrafts(database)
    created = drafts.create("xa-a", "Nháp", minimal_plan())
    blocker = sqlite3.connect(path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StorageError):
            SqlDrafts(_quick(path)).save("xa-a", created.id, minimal_plan(place="Mới"))
    finally:
        blocker.rollback()
        blocker.close()
    assert SqlDrafts(database).get("xa-a", created.id).data == minimal_plan()


def _quick(path: Path) -> Database:
    """A database whose writers give up after 0.1 s instead of 15 s."""
    from sqlalchemy import event

    database = Database(f"sqlite:///{path}")

    @event.listens_for(database.engine, "connect")
    def short_timeout(connection: object, _record: object) -> None:
        connection.execute("PRAGMA busy_timeout=100")  # type: ignore[attr-defined]

    return database


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'x.db'}")
    database.migrate()
    database.migrate()
    with database.engine.connect() as connection:
        version = connection.exec_driver_sql("select version_num from alembic_version").scalar()
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from service.store.database import MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert version == ScriptDirectory.from_config(config).get_current_head()


def test_full_disk_is_a_storage_error_and_the_draft_survives(tmp_path: Path) -> None:
    from sqlalchemy import event

    path = tmp_path / "full.db"
    Database(f"sqlite:///{path}").migrate()
    database = Database(f"sqlite:///{path}")

    @event.listens_for(database.engine, "connect")
    def no_room(connection: object, _record: object) -> None:
        # SQLite's own "database or disk is full" path, as on a full disk: no page may be added.
        cursor = connection.cursor()  # type: ignore[attr-defined]
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count={pages + 2}")
        cursor.close()

    drafts = SqlDrafts(database)
    created = drafts.create("xa-a", "Nháp", minimal_plan())
    with pytest.raises(StorageError) as caught:
        drafts.save("xa-a", created.id, minimal_plan(closing="x" * 200_000))
    assert "full" in str(caught.value)
    assert drafts.get("xa-a", created.id).data == minimal_plan()


def test_processes_starting_together_migrate_once(tmp_path: Path) -> None:
    import subprocess
    import sys

    url = f"sqlite:///{tmp_path / 'together.db'}"
    code = f"from service.store import Database; Database({url!r}).migrate()"
    starts = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE)
              for _ in range(6)]  # fmt: skip
    errors = [process.communicate(timeout=60)[1] for process in starts]
    assert [process.returncode for process in starts] == [0] * 6, errors
    SqlDrafts(Database(url)).create("xa-a", "Sau khi khởi động", minimal_plan())

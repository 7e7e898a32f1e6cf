"""Draft versions (ETags), pages with cursors, idempotent creation, a private database file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from service.errors import Conflict, IdempotencyMismatch, PreconditionFailed
from service.store import Database
from service.store.cursor import Cursor, InvalidCursor
from service.store.drafts import ANY, SqlDrafts
from tests.builders import minimal_plan


@pytest.fixture()
def drafts(tmp_path: Path) -> SqlDrafts:
    database = Database(f"sqlite:///{tmp_path / 'plans.db'}")
    database.migrate()
    return SqlDrafts(database)


def test_etag_changes_with_every_save_and_rename_and_reads_back_the_same(
    drafts: SqlDrafts,
) -> None:
    created = drafts.create("xa-a", "Nháp", minimal_plan())
    assert drafts.get("xa-a", created.id).etag == created.etag  # SQLite's naive timestamps too
    saved = drafts.save("xa-a", created.id, minimal_plan(place="Mới"), if_match=[created.etag])
    renamed = drafts.rename("xa-a", created.id, "Kế hoạch")
    tags = {created.etag, saved.etag, renamed.etag}
    assert len(tags) == 3 and drafts.get("xa-a", created.id).etag == renamed.etag
    assert saved.etag.startswith("2-")


def test_stale_tag_is_refused_and_changes_nothing(drafts: SqlDrafts) -> None:
    created = drafts.create("xa-a", "Nháp", minimal_plan())
    drafts.save("xa-a", created.id, minimal_plan(place="Mới"), revision=1)
    with pytest.raises(PreconditionFailed):
        drafts.save("xa-a", created.id, minimal_plan(place="Cũ"), if_match=[created.etag])
    with pytest.raises(PreconditionFailed):
        drafts.delete("xa-a", created.id, if_match=[created.etag, "weak-or-other"])
    with pytest.raises(Conflict):
        drafts.delete("xa-a", created.id, revision=1)
    assert drafts.get("xa-a", created.id).data["place"] == "Mới"
    drafts.save("xa-a", created.id, minimal_plan(place="Ghi đè"), if_match=[ANY])
    drafts.delete("xa-a", created.id, if_match=[drafts.get("xa-a", created.id).etag])
    assert drafts.list("xa-a") == []


def test_pages_walk_every_draft_once_newest_first(drafts: SqlDrafts) -> None:
    made = [drafts.create("xa-a", f"Nháp {n}", minimal_plan()).id for n in range(7)]
    drafts.create("xa-b", "Của xã khác", minimal_plan())
    seen, cursor = [], None
    while True:
        page, cursor = drafts.page("xa-a", 3, cursor)
        seen.append([d.id for d in page])
        if cursor is None:
            break
        cursor = Cursor.decode(cursor.encode())  # as a client sends it back
    assert [len(p) for p in seen] == [3, 3, 1]
    assert [i for p in seen for i in p] == list(reversed(made))
    assert drafts.page("xa-a", 7) == (drafts.page("xa-a", 10)[0], None)


def test_a_cursor_not_written_by_us_is_refused() -> None:
    for text in ("", "abc", "bm90IGpzb24", Cursor.__name__):
        with pytest.raises(InvalidCursor):
            Cursor.decode(text)


def test_create_once_replays_the_same_request_and_refuses_another(drafts: SqlDrafts) -> None:
    first, made = drafts.create_once("xa-a", "k-1", "hash-a", "Nháp", minimal_plan())
    again, made_again = drafts.create_once("xa-a", "k-1", "hash-a", "Nháp", minimal_plan())
    assert (made, made_again) == (True, False) and again.id == first.id
    with pytest.raises(IdempotencyMismatch):
        drafts.create_once("xa-a", "k-1", "hash-b", "Khác", minimal_plan())
    other, made_other = drafts.create_once("xa-b", "k-1", "hash-b", "Khác", minimal_plan())
    assert made_other and other.id != first.id  # a key belongs to its unit
    assert len(drafts.list("xa-a")) == 1


def test_the_database_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "private.db"
    database = Database(f"sqlite:///{path}")
    database.migrate()
    SqlDrafts(database).create("xa-a", "Nháp", minimal_plan())
    files = [path, *tmp_path.glob("private.db-*"), *tmp_path.glob("private.db.*")]
    assert len(files) >= 2  # the WAL beside it too
    assert {f.name: stat.S_IMODE(f.stat().st_mode) & 0o077 for f in files} == {
        f.name: 0 for f in files
    }
    path.chmod(0o644)  # an older installation's file is made private at the next start
    Database(f"sqlite:///{path}")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

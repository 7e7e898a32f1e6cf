"""The database: engine, sessions and migrations; SQLite file by default, any URL otherwise."""

from __future__ import annotations

import fcntl
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
MIGRATION_LOCK_ID = 8_202_611  # any constant: the advisory lock all starting processes share
DEFAULT_PATH = Path(__file__).resolve().parent.parent.parent / "var" / "plandoc.db"


def default_url() -> str:
    """The embedded default: a SQLite file under var/, no server to install."""
    return f"sqlite:///{DEFAULT_PATH}"


class Database:
    """One engine and its session factory."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or default_url()
        self.engine = _engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: committed on success, rolled back on any error."""
        session = self._sessions()
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def migrate(self) -> None:
        """Bring the schema to the newest migration: idempotent, and safe when several
        processes start at once (gunicorn workers, Celery workers): one migrates, the
        others wait for it and then find nothing to do."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self._migration_lock(), self.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_ID})")
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
        self.engine.dispose()  # no connection crosses a fork into a worker process

    @contextmanager
    def _migration_lock(self) -> Iterator[None]:
        """An exclusive file lock beside a SQLite file (PostgreSQL locks in the database)."""
        path = self.url.removeprefix("sqlite:///")
        if not self.url.startswith("sqlite:///") or path == ":memory:":
            yield
            return
        with open(private_file(Path(f"{path}.migrate.lock")), "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def private_file(path: Path) -> Path:
    """Create `path` readable by its owner only (0600), or make an existing file so: drafts
    and password hashes are nobody else's business on a shared machine."""
    descriptor = os.open(path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        if stat.S_IMODE(os.fstat(descriptor).st_mode) & 0o077:
            os.fchmod(descriptor, 0o600)
    finally:
        os.close(descriptor)
    return path


def _engine(url: str) -> Engine:
    if not url.startswith("sqlite"):
        return create_engine(url, pool_pre_ping=True)
    path = url.removeprefix("sqlite:///")
    if url.startswith("sqlite:///") and path and path != ":memory:" and "?" not in path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        private_file(Path(path))  # SQLite gives its -wal and -shm files the same mode
    engine = create_engine(url, connect_args={"timeout": 15, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def pragmas(connection: Any, _record: Any) -> None:
        # WAL: readers never block the writer; the busy timeout waits out a locked file.
        cursor = connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine

"""A throwaway PostgreSQL server on loopback for tests (Debian's postgresql package)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from service.store import Database

BIN = Path("/usr/lib/postgresql/15/bin")


def available() -> bool:
    """Whether the server binaries are installed (scripts/setup.sh installs them)."""
    return (BIN / "initdb").exists()


def _as_owner(command: list[str], owner: str | None) -> list[str]:
    # PostgreSQL refuses to run as root: run it as the `postgres` system user then.
    return ["runuser", "-u", owner, "--", *command] if owner else command


@contextmanager
def server() -> Iterator[str]:
    """Start a fresh cluster on a free port; yield its SQLAlchemy URL; remove it after."""
    owner = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="pg-"))
    data, sockets = root / "data", root / "run"
    sockets.mkdir()
    if owner:
        shutil.chown(root, owner)
        shutil.chown(sockets, owner)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    def run(*args: str) -> None:
        subprocess.run(_as_owner(list(args), owner), check=True, capture_output=True)

    run(str(BIN / "initdb"), "-D", str(data), "--auth=trust", "-U", "plandoc", "-E", "UTF8")
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    run(str(BIN / "pg_ctl"), "-D", str(data), "-o", options, "-w", "-l", str(root / "log"), "start")
    try:
        run(str(BIN / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "plandoc", "plandoc")
        yield f"postgresql+psycopg://plandoc@127.0.0.1:{port}/plandoc"
    finally:
        run(str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def migrated_database() -> Iterator[Database]:
    """A fresh server with the schema at its newest migration, as a Database."""
    with server() as url:
        database = Database(url)
        database.migrate()
        try:
            yield database
        finally:
            database.dispose()

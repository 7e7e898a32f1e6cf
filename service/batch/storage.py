"""Where outputs live: a directory every worker can reach (local, or NFS for several machines).

Every write goes to a temporary file in the target's directory and is renamed over the
target, so a reader (the archive, a duplicate task) sees a whole file or none, and
writing the same key twice leaves one file. `sync()` makes the writes durable before
the database records them as done.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Protocol

_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*")


class Storage(Protocol):
    """Outputs by key (`<batch id>/0007-xa-quang-thuan.docx`)."""

    def write(self, key: str, data: bytes) -> None:
        """Store `data` under `key` atomically, replacing any previous version."""
        ...

    def writer(self, key: str) -> contextlib.AbstractContextManager[BinaryIO]:
        """A stream whose contents replace `key` atomically when the block ends without error."""
        ...

    def open(self, key: str) -> BinaryIO:
        """Read a stored file; FileNotFoundError if there is none."""
        ...

    def exists(self, key: str) -> bool:
        """Whether `key` holds a file."""
        ...

    def sync(self) -> None:
        """Make every write so far durable."""
        ...


def check_key(key: str) -> str:
    """Keys are relative paths of safe ASCII names: nothing can escape the root."""
    if not _KEY.fullmatch(key) or ".." in key.split("/"):
        raise ValueError(f"invalid storage key: {key!r}")
    return key


class FileStorage:
    """A directory tree under `root`."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, key: str, data: bytes) -> None:
        """Temp file, then rename."""
        with self.writer(key) as stream:
            stream.write(data)

    @contextlib.contextmanager
    def writer(self, key: str) -> Iterator[BinaryIO]:
        """Write to `.<name>.<random>.tmp` beside the target, rename it over the target."""
        target = self.root / check_key(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
        try:
            with temporary.open("wb") as stream:
                yield stream
            os.replace(temporary, target)
        finally:
            temporary.unlink(missing_ok=True)

    def open(self, key: str) -> BinaryIO:
        """The file, opened for reading."""
        return (self.root / check_key(key)).open("rb")

    def exists(self, key: str) -> bool:
        """Whether the file exists."""
        return (self.root / check_key(key)).is_file()

    def sync(self) -> None:
        """One `sync()` for a whole chunk of documents: fsync per file costs 4 ms each."""
        os.sync()


class MemoryStorage:
    """Storage in a dict, for unit tests."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.writes = 0

    def write(self, key: str, data: bytes) -> None:
        """Keep a copy."""
        self.files[check_key(key)] = bytes(data)
        self.writes += 1

    @contextlib.contextmanager
    def writer(self, key: str) -> Iterator[BinaryIO]:
        """Collect the stream, keep it when the block succeeds."""
        buffer = io.BytesIO()
        yield buffer
        self.write(key, buffer.getvalue())

    def open(self, key: str) -> BinaryIO:
        """A stream over the stored bytes."""
        try:
            return io.BytesIO(self.files[check_key(key)])
        except KeyError:
            raise FileNotFoundError(key) from None

    def exists(self, key: str) -> bool:
        """Whether the key was written."""
        return check_key(key) in self.files

    def sync(self) -> None:
        """Nothing to flush."""

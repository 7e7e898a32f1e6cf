"""Looking at and poking the pool's processes from tests, through /proc and signals."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable
from pathlib import Path


def _state(pid: int | str) -> str | None:
    """The process state letter (R, S, T, Z...), None when there is no such process."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def alive(pid: int) -> bool:
    """Whether `pid` is a process that has not ended (zombies have)."""
    return _state(pid) not in (None, "Z")


def pool_processes(owner: int | None = None) -> set[int]:
    """Live soffice and UNO worker processes of the pools that process `owner` (us) started."""
    # Every instance is named lo-<owner pid>-<n>, and the name is on both command lines.
    marker = f"lo-{os.getpid() if owner is None else owner}-"
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
        except (FileNotFoundError, ProcessLookupError):
            continue  # it ended while we looked
        if marker in cmdline and alive(int(entry.name)):
            found.add(int(entry.name))
    return found


def freeze(pid: int) -> None:
    """SIGSTOP: the process stops answering, as a hung LibreOffice does."""
    os.kill(pid, signal.SIGSTOP)


def thaw(pid: int) -> None:
    """SIGCONT, harmless when the process has gone."""
    try:
        os.kill(pid, signal.SIGCONT)
    except ProcessLookupError:
        return


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll `condition` until it holds; AssertionError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(0.01)

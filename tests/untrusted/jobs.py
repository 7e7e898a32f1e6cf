"""Jobs run in a separate process by the isolation tests (importable by the fork server)."""

from __future__ import annotations

import os
import signal
import time

from service.errors import UploadTooComplex


def length(data: bytes, extra: int = 0) -> int:
    """The size of what the job received."""
    return len(data) + extra


def forever(data: bytes) -> None:
    """A job that never ends (the `while used > room` loop of issue 15)."""
    while True:
        time.sleep(0.01)


def hog(data: bytes) -> int:
    """A job that allocates far more than its budget, a megabyte at a time."""
    blocks = [bytearray(1024 * 1024) for _ in range(4096)]
    return len(blocks)


def refuse(data: bytes) -> None:
    """A job that refuses its input the ordinary way."""
    raise UploadTooComplex("too many paragraphs")


def bug(data: bytes) -> None:
    """A job with a bug."""
    raise KeyError("no such style")


def die(data: bytes) -> None:
    """A job killed from outside (as the system's OOM killer would)."""
    os.kill(os.getpid(), signal.SIGKILL)

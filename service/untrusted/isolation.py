"""Run one job on untrusted input in a separate process, within a time and memory budget.

The process is forked from multiprocessing's fork server (started once, single-threaded,
with the job's modules imported), so a job starts in a few milliseconds however many
threads the caller has. On overrun it is killed: the caller's thread is free at the
deadline and whatever memory the job took goes back to the system with it.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from service.errors import JobCrashed, ServiceError, UploadTooComplex, UploadTooLarge

from .limits import MIB

T = TypeVar("T")
_PRELOAD: set[str] = {"service.untrusted"}


@dataclass(frozen=True)
class Budget:
    """How long a job may take (wall clock, start included) and how much memory it may add."""

    seconds: float = 8.0
    memory: int = 768 * MIB  # address space on top of the fork server's

    def __post_init__(self) -> None:
        if self.seconds <= 0 or self.memory < 16 * MIB:
            raise ValueError(f"invalid budget: {self}")


def preload(*modules: str) -> None:
    """Import `modules` in the fork server so that jobs start warm (call before the first job)."""
    _PRELOAD.update(modules)


def run_bounded(func: Callable[..., T], data: bytes, *args: Any, budget: Budget = Budget()) -> T:
    """`func(data, *args)` in a separate process. UploadTooComplex when it overruns the time,
    UploadTooLarge when it runs out of memory; its own ServiceErrors are raised here."""
    if multiprocessing.current_process().daemon:
        return func(data, *args)  # a daemonic worker (Celery) may not fork: limits still hold
    deadline = time.monotonic() + budget.seconds
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(sorted(_PRELOAD))
    ours, theirs = context.Pipe()
    process = context.Process(target=_job, args=(theirs, func, args, budget.memory), daemon=True)
    process.start()
    theirs.close()
    try:
        ours.send_bytes(data)
        if not ours.poll(max(deadline - time.monotonic(), 0)):
            raise UploadTooComplex(f"the job took longer than {budget.seconds:g} s")
        outcome, value = ours.recv()
    except (EOFError, OSError):
        outcome, value = "died", None
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        ours.close()
    if outcome == "ok":
        return value  # type: ignore[no-any-return]
    if outcome == "error":
        raise value
    if outcome == "crash":
        raise JobCrashed(value)
    # Out of memory, or killed by the system for it (the only other way a job dies).
    raise UploadTooLarge(f"the job needed more than {budget.memory // MIB} MiB", budget.memory)


def _job(conn: Connection, func: Callable[..., Any], args: tuple[Any, ...], memory: int) -> None:
    _limit_memory(memory)
    try:
        data = conn.recv_bytes()
        outcome: tuple[str, Any] = ("ok", func(data, *args))
    except MemoryError:
        outcome = ("memory", None)
    except ServiceError as error:
        outcome = ("error", error)
    except Exception:  # noqa: BLE001 - a bug: its traceback is raised in the caller
        outcome = ("crash", traceback.format_exc())
    try:
        conn.send(outcome)
    except MemoryError:
        os._exit(1)  # the caller sees a job that died of memory
    finally:
        conn.close()


def _limit_memory(extra: int) -> None:
    """Cap the address space at what the process has now plus `extra` bytes."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            current = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return  # not Linux: the time budget still holds
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = current + extra
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))

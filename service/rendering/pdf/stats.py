"""Snapshots of the pool for health checks, tests and the benchmark."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InstanceStats:
    """One running instance: its slot, process ids and how much it has done."""

    slot: int
    pid: int  # the UNO worker, leader of the instance's process group
    soffice_pid: int
    conversions: int
    busy: bool


@dataclass(frozen=True)
class PoolStats:
    """A snapshot of the pool; `replaced` counts instances killed after a crash or a timeout."""

    instances: tuple[InstanceStats, ...]
    queued: int
    converted: int
    failed: int
    replaced: int
    recycled: int

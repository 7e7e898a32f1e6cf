"""No LibreOffice outlives the service: neither at interpreter exit nor when it is killed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.pdf.procs import alive, pool_processes, wait_until

pytestmark = pytest.mark.libreoffice

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = """
import os, signal, sys
from service.rendering.pdf import LibreOfficePool, PoolConfig
from tests.pdf.samples import build_docx
pool = LibreOfficePool(PoolConfig(instances=1))
pool.convert(build_docx(5))
(instance,) = pool.stats().instances
print(os.getpid(), instance.pid, instance.soffice_pid, flush=True)
if sys.argv[1] == "kill":
    os.kill(os.getpid(), signal.SIGKILL)  # no atexit, no close: only the worker's watch is left
"""


def run_service(how: str) -> tuple[int, int, list[int]]:
    """Run a pool in a child interpreter that ends `how`: exit code, pid, its instance's pids."""
    child = subprocess.run(
        [sys.executable, "-c", SCRIPT, how], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert child.stdout, child.stderr
    owner, *pids = (int(pid) for pid in child.stdout.split())
    return child.returncode, owner, pids


def test_interpreter_exit_without_close_stops_the_instances() -> None:
    code, owner, pids = run_service("exit")
    assert code == 0
    assert not [pid for pid in pids if alive(pid)]
    assert not pool_processes(owner)


def test_a_killed_service_takes_its_instances_along() -> None:
    code, owner, pids = run_service("kill")
    assert code == -9
    wait_until(lambda: not any(alive(pid) for pid in pids), timeout=5)
    assert not pool_processes(owner)

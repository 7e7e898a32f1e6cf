"""The real pool under faults: killed, hung and slow instances, a full queue, recycling."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from service.errors import ConversionTimeout, ConverterBusy, ConverterUnavailable
from service.rendering.pdf import LibreOfficePool, PoolConfig
from tests.pdf.procs import alive, freeze, thaw, wait_until

pytestmark = pytest.mark.libreoffice


@pytest.fixture(scope="module")
def background() -> Iterator[ThreadPoolExecutor]:
    """Threads for requests that must wait while the test pokes the pool."""
    with ThreadPoolExecutor(max_workers=4) as executor:
        yield executor


def soffice_pids(pool: LibreOfficePool, *, busy: bool | None = None) -> list[int]:
    return [i.soffice_pid for i in pool.stats().instances if busy is None or i.busy == busy]


@pytest.fixture
def frozen(pool: LibreOfficePool) -> Iterator[list[int]]:
    """Every instance of the shared pool frozen (SIGSTOP) for the test, thawed afterwards."""
    pool.start()  # a slot whose instance failed twice starts its next one only on demand
    pids = soffice_pids(pool)
    for pid in pids:
        freeze(pid)
    yield pids
    for pid in pids:
        thaw(pid)


def test_kill_9_mid_conversion_costs_one_retry(
    pool: LibreOfficePool, sample_docx: bytes, frozen: list[int], background: ThreadPoolExecutor
) -> None:
    before = pool.stats().replaced
    job = background.submit(pool.convert, sample_docx)
    wait_until(lambda: bool(soffice_pids(pool, busy=True)))
    victim = soffice_pids(pool, busy=True)[0]
    os.kill(victim, signal.SIGKILL)
    assert job.result(timeout=30).startswith(b"%PDF-")
    stats = pool.stats()
    assert stats.replaced == before + 1
    assert victim not in soffice_pids(pool)


def test_hung_instance_is_killed_and_the_request_retried(
    pool: LibreOfficePool, sample_docx: bytes, frozen: list[int]
) -> None:
    before = pool.stats().replaced
    began = time.monotonic()
    pdf = pool.convert(sample_docx, timeout=2.0)
    assert pdf.startswith(b"%PDF-")
    assert time.monotonic() - began < 15
    assert pool.stats().replaced == before + 1
    hung = next(pid for pid in frozen if pid not in soffice_pids(pool))
    wait_until(lambda: not alive(hung))


def test_conversion_longer_than_the_timeout_raises_instead_of_hanging(
    pool: LibreOfficePool, long_docx: bytes
) -> None:
    began = time.monotonic()
    with pytest.raises(ConversionTimeout):
        pool.convert(long_docx, timeout=0.05)
    assert time.monotonic() - began < 15  # two attempts and one restart, not a hang
    assert pool.convert(long_docx).startswith(b"%PDF-")  # and the pool goes on


def test_full_queue_answers_busy_at_once(
    pool: LibreOfficePool, sample_docx: bytes, frozen: list[int], background: ThreadPoolExecutor
) -> None:
    running = [background.submit(pool.convert, sample_docx) for _ in range(2)]
    wait_until(lambda: len(soffice_pids(pool, busy=True)) == 2)
    waiting = [background.submit(pool.convert, sample_docx) for _ in range(2)]
    wait_until(lambda: pool.stats().queued == 2)
    began = time.monotonic()
    with pytest.raises(ConverterBusy) as busy:
        pool.convert(sample_docx)
    assert time.monotonic() - began < 0.1
    assert busy.value.retry_after >= 1
    assert isinstance(busy.value, ConverterUnavailable)
    for pid in frozen:
        thaw(pid)
    assert all(job.result(timeout=30).startswith(b"%PDF-") for job in running + waiting)


def test_instances_are_recycled_and_close_leaves_no_process(sample_docx: bytes) -> None:
    config = PoolConfig(instances=1, max_conversions=2, timeout=20)
    with LibreOfficePool(config) as pool:
        pool.convert(sample_docx)
        (worn,) = pool.stats().instances
        pool.convert(sample_docx)
        wait_until(lambda: len(pool.stats().instances) == 1)
        (fresh,) = pool.stats().instances
        assert pool.stats().recycled == 1
        assert fresh.conversions == 0 and fresh.soffice_pid != worn.soffice_pid
        assert not alive(worn.pid) and not alive(worn.soffice_pid)
        assert pool.convert(sample_docx).startswith(b"%PDF-")
    assert not alive(fresh.pid) and not alive(fresh.soffice_pid)
    with pytest.raises(ConverterUnavailable):
        pool.convert(sample_docx)


def test_a_dead_worker_takes_its_soffice_along_and_is_replaced(sample_docx: bytes) -> None:
    with LibreOfficePool(PoolConfig(instances=1, timeout=20)) as pool:
        pool.start()
        (victim,) = pool.stats().instances
        os.kill(victim.pid, signal.SIGKILL)  # the worker alone, not its process group
        wait_until(lambda: not alive(victim.soffice_pid), timeout=5)  # PR_SET_PDEATHSIG
        assert pool.convert(sample_docx).startswith(b"%PDF-")
        assert pool.stats().replaced == 1

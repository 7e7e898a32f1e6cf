"""A job on an upload runs in its own process: killed at its deadline, capped in memory,
its errors raised in the caller, and the caller's memory unchanged."""

from __future__ import annotations

import threading
import time

import pytest

from service.errors import JobCrashed, UploadTooComplex, UploadTooLarge
from service.untrusted import Budget, preload, run_bounded
from tests.hostile import rss_mib

from . import jobs

MIB = 1024 * 1024
preload("tests.untrusted.jobs")


def test_the_result_comes_back() -> None:
    assert run_bounded(jobs.length, b"x" * (5 * MIB), 2) == 5 * MIB + 2


def test_a_job_that_never_ends_is_killed_at_its_deadline() -> None:
    run_bounded(jobs.length, b"warm the fork server")
    started = time.perf_counter()
    with pytest.raises(UploadTooComplex, match="longer than 1 s"):
        run_bounded(jobs.forever, b"", budget=Budget(seconds=1))
    assert time.perf_counter() - started < 3  # the deadline, plus the kill and the join


def test_a_job_that_hogs_memory_is_stopped_and_the_caller_stays_small() -> None:
    before = rss_mib()
    started = time.perf_counter()
    with pytest.raises(UploadTooLarge):
        run_bounded(jobs.hog, b"", budget=Budget(seconds=20, memory=256 * MIB))
    assert time.perf_counter() - started < 10
    assert rss_mib() - before < 20


@pytest.mark.parametrize(
    ("job", "error"),
    [(jobs.refuse, UploadTooComplex), (jobs.bug, JobCrashed), (jobs.die, UploadTooLarge)],
    ids=["refused", "bug", "killed"],
)
def test_how_a_job_ends_is_raised_in_the_caller(job, error) -> None:
    with pytest.raises(error) as raised:
        run_bounded(job, b"")
    if error is JobCrashed:
        assert "KeyError: 'no such style'" in str(raised.value)
    if error is UploadTooComplex:
        assert raised.value.reason == "too many paragraphs"


def test_jobs_run_side_by_side_from_many_threads() -> None:
    results: list[int] = []
    threads = [
        threading.Thread(target=lambda n=n: results.append(run_bounded(jobs.length, b"x" * n)))
        for n in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == list(range(8))


def test_a_budget_must_be_sensible() -> None:
    with pytest.raises(ValueError, match="budget"):
        Budget(seconds=0)

"""The job-queue port, its embedded adapter (a thread pool in the service) and a fake.

The database holds every batch's and row's state, so a queue only has to say "work on
batch X": the embedded pool hands batch ids to its threads; the Celery adapter
(`celery_queue.py`) sends the same ids to workers on any machine. Both run
`Worker.drain`.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import threading
import time
import weakref
from collections.abc import Callable
from typing import Protocol

from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)


class QueueUnavailable(Exception):
    """The queue could not take the job (the broker is down); the batch is stored, not lost."""


class JobQueue(Protocol):
    """Where submitted batches go to be drained."""

    def submit(self, batch_id: str) -> None:
        """Have the batch worked on; QueueUnavailable if that cannot be arranged now."""
        ...

    def stop(self) -> None:
        """Stop taking rows, at once and without waiting (safe in a signal handler)."""
        ...

    def close(self, timeout: float = 30.0) -> bool:
        """Stop taking rows; wait up to `timeout` s while rows in flight finish or go back.
        True when nothing of this queue is still working."""
        ...


class RecordingQueue:
    """A queue for unit tests: remembers submitted ids, runs nothing."""

    def __init__(self) -> None:
        self.submitted: list[str] = []
        self.closed = False

    def submit(self, batch_id: str) -> None:
        """Record the id."""
        self.submitted.append(batch_id)

    def stop(self) -> None:
        """Nothing runs here."""

    def close(self, timeout: float = 30.0) -> bool:
        """Record the close."""
        self.closed = True
        return True


Drain = Callable[[str, threading.Event], None]


class EmbeddedQueue:
    """N threads in this process draining batches; they start on the first submission."""

    def __init__(
        self, drain: Drain, workers: int, poll_seconds: float, unfinished: Callable[[], list[str]]
    ) -> None:
        self.drain, self.workers, self.poll_seconds = drain, workers, poll_seconds
        self.unfinished = unfinished
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._owner = 0  # the pid whose threads these are; a forked child starts its own
        self._scheduled: dict[str, int] = {}  # batch id -> threads queued or working on it
        self._last_scan = 0.0

    def submit(self, batch_id: str) -> None:
        """Queue the batch for every thread, so they all work on it together."""
        self._start()
        with self._lock:
            if self._scheduled.get(batch_id):
                return
            self._scheduled[batch_id] = self.workers
        for _ in range(self.workers):
            self._queue.put(batch_id)

    def stop(self) -> None:
        """No thread takes another row; each finishes its current one and hands back the rest."""
        self._stop.set()

    def close(self, timeout: float = 30.0) -> bool:
        """Stop, then wait up to `timeout` s for the threads; True when every one has ended."""
        self.stop()
        atexit.unregister(self.close)
        with self._lock:
            threads = list(self._threads)
        for _ in threads:
            self._queue.put(None)  # wakes a thread waiting for a batch
        deadline = time.monotonic() + timeout
        for thread in threads:
            thread.join(max(deadline - time.monotonic(), 0))
        return not any(thread.is_alive() for thread in threads)

    def _start(self) -> None:
        with self._lock:
            if self._owner == os.getpid() or self._stop.is_set():
                return
            if self._owner:  # forked (gunicorn --preload): the parent's threads are not here
                self._queue, self._scheduled = queue.Queue(), {}
            self._owner = os.getpid()
            self._threads = [
                threading.Thread(target=self._serve, name=f"batch-{n}", daemon=True)
                for n in range(self.workers)
            ]
            threads = list(self._threads)
        atexit.register(self.close)
        _stop_at_exit(self)
        for thread in threads:
            thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                batch_id = self._queue.get(timeout=self.poll_seconds)
            except queue.Empty:
                self._scan()
                continue
            if batch_id is None:
                return
            try:
                self.drain(batch_id, self._stop)
            except Exception:  # logged; the rows stay claimable and the next scan resumes them
                log.exception("batch %s: a worker thread failed", batch_id)
            finally:
                with self._lock:
                    self._scheduled[batch_id] -= 1
                    if not self._scheduled[batch_id]:
                        del self._scheduled[batch_id]

    def _scan(self) -> None:
        """Pick up batches left unfinished (by a restart, or by another process that died)."""
        with self._lock:
            if time.monotonic() - self._last_scan < self.poll_seconds:
                return
            self._last_scan = time.monotonic()
        try:
            unfinished = self.unfinished()
        except SQLAlchemyError as error:  # the database is busy or gone: next scan
            log.warning("unfinished batches not looked up: %s", error)
            return
        for batch_id in unfinished:
            if self._stop.is_set():
                return
            self.submit(batch_id)


_running: weakref.WeakSet[EmbeddedQueue] = weakref.WeakSet()
_watchers: set[int] = set()  # the pids whose watcher runs
_watch_lock = threading.Lock()


def _stop_at_exit(embedded: EmbeddedQueue) -> None:
    """Have `embedded` stop taking rows as soon as this process's main thread ends."""
    with _watch_lock:
        _running.add(embedded)
        if os.getpid() in _watchers:
            return
        _watchers.add(os.getpid())
    threading.Thread(target=_watch_main_thread, name="batch-exit", daemon=True).start()


def _watch_main_thread() -> None:
    """The main thread has ended: the interpreter is exiting and its exit handlers (the PDF
    pool's close among them) run next, in an order no one controls; stop every queue first."""
    threading.main_thread().join()
    for embedded in list(_running):
        embedded.stop()

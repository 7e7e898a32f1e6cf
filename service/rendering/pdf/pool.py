"""A Converter over N warm LibreOffice instances, fed through a bounded queue."""

from __future__ import annotations

import atexit
import logging
import math
import os
import queue
import shutil
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from service.errors import ConversionError, ConversionTimeout, ConverterBusy, ConverterUnavailable

from .config import PoolConfig
from .instance import InstanceLost, LibreOfficeInstance
from .port import Converted
from .stats import InstanceStats, PoolStats

logger = logging.getLogger(__name__)


@dataclass
class _Job:
    docx: bytes
    pdfa: bool
    timeout: float
    future: Future[Converted]
    destinations: bool = False


class _Slot:
    """A place in the pool: one thread and the instance only it drives."""

    def __init__(self, index: int) -> None:
        self.index = index
        self.lock = threading.Lock()
        self.instance: LibreOfficeInstance | None = None
        self.busy = False


class LibreOfficePool:
    """The Converter of the service: instances start lazily, hung or dead ones are replaced."""

    exports_destinations = True  # a grouped.JointConverter: batches join communes on it

    def __init__(self, config: PoolConfig | None = None) -> None:
        self.config = config or PoolConfig.from_env()
        self._lock = threading.Lock()
        self._closed = False
        self._owner = 0  # the pid that started the threads; a forked child starts its own
        self._queue: queue.Queue[_Job | None] = queue.Queue(self.config.queue_size)
        self._slots: list[_Slot] = []
        self._threads: list[threading.Thread] = []
        self._root = Path()
        self._counts: Counter[str] = Counter()
        self._seconds = 1.0  # moving average of one conversion, for Retry-After

    def convert(self, docx: bytes, *, pdfa: bool = False, timeout: float | None = None) -> bytes:
        """The PDF of `docx`; ConverterBusy at once when the queue is full (see Converter)."""
        return self.convert_counted(docx, pdfa=pdfa, timeout=timeout).pdf

    def convert_counted(
        self,
        docx: bytes,
        *,
        pdfa: bool = False,
        timeout: float | None = None,
        destinations: bool = False,
    ) -> Converted:
        """The PDF of `docx` and its page count; `destinations`: bookmarks as named
        destinations (grouped.py finds where each joined document starts by them)."""
        if not docx:
            raise ConversionError("an empty document cannot be converted")
        self._ensure_started()
        seconds = self.config.timeout if timeout is None else timeout
        job = _Job(docx, pdfa, seconds, Future(), destinations)
        try:
            self._queue.put_nowait(job)
        except queue.Full:
            n = self.config.instances
            wait = max(1, math.ceil(self._seconds * (self._queue.qsize() + n) / n))
            raise ConverterBusy(f"all {n} PDF converters are busy", retry_after=wait) from None
        return job.future.result()

    def start(self) -> None:
        """Start every instance now rather than on first use; ConverterUnavailable on failure."""
        self._ensure_started()
        failures: list[ConverterUnavailable] = []

        def warm(slot: _Slot) -> None:
            with slot.lock:
                try:
                    self._instance(slot)
                except ConverterUnavailable as exc:
                    failures.append(exc)

        starters = [threading.Thread(target=warm, args=(slot,)) for slot in self._slots]
        for thread in starters:
            thread.start()
        for thread in starters:
            thread.join()
        if failures:
            raise failures[0]

    def start_in_background(self) -> None:
        """Start every instance from a thread, so the first PDF finds them warm; failures
        are logged, and the first conversion tries again."""

        def start() -> None:
            try:
                self.start()
            except ConverterUnavailable as exc:
                logger.warning("PDF converters not started ahead: %s", exc)

        threading.Thread(target=start, name="pdf-prestart", daemon=True).start()

    def stats(self) -> PoolStats:
        """A snapshot of the instances and counters."""
        running = [
            InstanceStats(s.index, i.pid, i.soffice_pid, i.conversions, s.busy)
            for s in self._slots
            if (i := s.instance) is not None
        ]
        with self._lock:
            counts = dict(self._counts)
        return PoolStats(
            tuple(running),
            self._queue.qsize(),
            counts.get("converted", 0),
            counts.get("failed", 0),
            counts.get("replaced", 0),
            counts.get("recycled", 0),
        )

    def close(self) -> None:
        """Fail queued jobs, stop every instance (killing busy ones) and join the threads."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        atexit.unregister(self.close)
        if self._owner != os.getpid():
            return  # never started, or forked: those processes belong to the parent
        self._fail_queued()
        for slot in self._slots:
            if slot.busy and (instance := slot.instance) is not None:
                instance.interrupt()
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join()
        self._fail_queued()  # a job that slipped in behind the stop signals
        shutil.rmtree(self._root, ignore_errors=True)

    def __enter__(self) -> LibreOfficePool:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _fail_queued(self) -> None:
        while True:
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                return
            if job is not None:
                job.future.set_exception(ConverterUnavailable("the PDF converter pool closed"))

    def _ensure_started(self) -> None:
        with self._lock:
            if self._closed:
                raise ConverterUnavailable("the PDF converter pool is closed")
            if self._owner == os.getpid():
                return
            n = self.config.instances
            self._queue = queue.Queue(self.config.queue_size)
            self._root = Path(tempfile.mkdtemp(prefix="pdf-pool-", dir=self.config.workdir))
            self._slots = [_Slot(i) for i in range(n)]
            # Daemon threads: the interpreter would wait for others before running atexit.
            self._threads = [
                threading.Thread(target=self._serve, args=(s,), name=f"pdf-{s.index}", daemon=True)
                for s in self._slots
            ]
            self._owner = os.getpid()
            atexit.register(self.close)
            for thread in self._threads:
                thread.start()

    def _serve(self, slot: _Slot) -> None:
        while (job := self._queue.get()) is not None:
            if not job.future.set_running_or_notify_cancel():
                continue
            began = time.monotonic()
            try:
                with slot.lock:
                    slot.busy = True
                    try:
                        result = self._convert_on(slot, job)
                    finally:
                        slot.busy = False
            except ConversionError as exc:
                self._count("failed")
                job.future.set_exception(exc)
            except Exception as exc:
                # A bug must reach the waiting caller rather than leave it hanging.
                logger.exception("PDF converter %d failed unexpectedly", slot.index)
                job.future.set_exception(exc)
            else:
                self._seconds = 0.8 * self._seconds + 0.2 * (time.monotonic() - began)
                self._count("converted")
                job.future.set_result(result)
                self._recycle_if_worn(slot)
        with slot.lock:
            self._drop(slot, graceful=True)

    def _convert_on(self, slot: _Slot, job: _Job) -> Converted:
        """Convert on this slot's instance; a dead, hung or unstartable one gets one fresh retry."""
        for attempt in (1, 2):
            try:
                instance = self._instance(slot)
                if self._closed:  # close() came while this instance was starting
                    raise ConverterUnavailable("the PDF converter pool closed")
                return instance.convert(
                    job.docx, pdfa=job.pdfa, timeout=job.timeout, destinations=job.destinations
                )
            except (ConversionTimeout, InstanceLost, ConverterUnavailable) as exc:
                self._drop(slot, graceful=False)
                if self._closed:
                    raise ConverterUnavailable("the PDF converter pool closed") from exc
                self._count("replaced")
                if attempt == 2:
                    if isinstance(exc, InstanceLost):
                        raise ConversionError(f"LibreOffice failed twice: {exc}") from exc
                    raise
                logger.warning("PDF converter %d replaced, retrying: %s", slot.index, exc)
        raise AssertionError("unreachable")

    def _instance(self, slot: _Slot) -> LibreOfficeInstance:
        if slot.instance is None:
            if self._closed:
                raise ConverterUnavailable("the PDF converter pool closed")
            slot.instance = LibreOfficeInstance(self.config, self._root)
        return slot.instance

    def _drop(self, slot: _Slot, *, graceful: bool) -> None:
        instance, slot.instance = slot.instance, None
        if instance is not None:
            instance.stop() if graceful else instance.kill()

    def _recycle_if_worn(self, slot: _Slot) -> None:
        """Replace an instance that has done max_conversions: LibreOffice grows over time."""
        with slot.lock:
            instance = slot.instance
            if instance is None or instance.conversions < self.config.max_conversions:
                return
            self._drop(slot, graceful=True)
            self._count("recycled")
            try:
                self._instance(slot)  # now, while idle, rather than on the next request
            except ConverterUnavailable as exc:
                logger.warning(
                    "PDF converter %d not restarted, next job retries: %s", slot.index, exc
                )

    def _count(self, name: str) -> None:
        with self._lock:
            self._counts[name] += 1

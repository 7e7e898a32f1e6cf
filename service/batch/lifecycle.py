"""The end of a service process, in order: stop taking rows at once, let the rows in
flight finish (or hand them back), close the PDF pool last.

gunicorn calls these through its worker hooks (`gunicorn.conf.py`): on SIGTERM a worker
stops its batch threads from taking rows while gunicorn finishes the requests in flight;
when the worker leaves its loop (`worker_exit`), the threads get what is left of the
graceful timeout to finish their rows, then the PDF pool closes. Without these hooks
(another server, or none) the threads still stop when the process's main thread ends and
hand back any row the closing pool interrupts, without counting an attempt
(`block.stopping`), but rows in flight are given up rather than finished.
"""

from __future__ import annotations

import logging
import signal
import time
from collections.abc import Mapping
from types import FrameType
from typing import Any

log = logging.getLogger(__name__)
MARGIN = 3.0  # seconds of the graceful timeout kept for the pool's close and the hand-backs
HAND_BACK_SECONDS = 5.0  # after the pool closed: threads whose conversion it interrupted
_signalled: dict[str, float] = {}  # when this process was told to stop (monotonic)


def stop_taking_rows(extensions: Mapping[str, Any]) -> None:
    """The app's batch threads take no new row (returns at once; safe in a signal handler)."""
    _signalled.setdefault("at", time.monotonic())
    runtime = extensions.get("batches")
    if runtime is not None:
        runtime.stop()


def shutdown(extensions: Mapping[str, Any], timeout: float) -> bool:
    """Stop the app's batch threads, waiting up to `timeout` s for their rows, then close its
    PDF pool; a row the closing pool interrupts goes back. True when no thread is left."""
    runtime, converter = extensions.get("batches"), extensions.get("converter")
    finished = True
    if runtime is not None:
        finished = runtime.close(timeout)
    if converter is not None:
        converter.close()
    if runtime is not None and not finished:
        log.warning("batch rows still in flight after %.0f s: handed back", timeout)
        finished = runtime.queue.close(HAND_BACK_SECONDS)
    return finished


def _extensions(worker: Any) -> Mapping[str, Any] | None:
    """The Flask app's extensions, once the worker has loaded the app (never in the master)."""
    app = getattr(worker, "wsgi", None)
    extensions = getattr(app, "extensions", None)
    return extensions if isinstance(extensions, Mapping) else None


def post_worker_init(worker: Any) -> None:
    """gunicorn hook: SIGTERM also stops the batch threads from taking rows, at once."""
    previous = signal.getsignal(signal.SIGTERM)

    def on_term(signum: int, frame: FrameType | None) -> None:
        extensions = _extensions(worker)
        if extensions is not None:
            stop_taking_rows(extensions)
        if callable(previous):
            previous(signum, frame)

    signal.signal(signal.SIGTERM, on_term)
    signal.siginterrupt(signal.SIGTERM, False)  # as gunicorn set it: requests are not disturbed


def worker_int(worker: Any) -> None:
    """gunicorn hook (SIGINT, SIGQUIT: a quick stop): no new rows; `worker_exit` follows."""
    extensions = _extensions(worker)
    if extensions is not None:
        stop_taking_rows(extensions)


def worker_exit(_server: Any, worker: Any) -> None:
    """gunicorn hook, in the worker after its loop: rows in flight get what is left of the
    graceful timeout (the master kills the worker after it), then the PDF pool closes."""
    extensions = _extensions(worker)
    if extensions is None:
        return
    since = _signalled.get("at", time.monotonic())
    budget = float(worker.cfg.graceful_timeout) - (time.monotonic() - since) - MARGIN
    began = time.monotonic()
    finished = shutdown(extensions, max(budget, 1.0))
    log.info(
        "worker %s stopped its batch rows in %.1f s%s", worker.pid, time.monotonic() - began,
        "" if finished else " (some left to their lease)",
    )  # fmt: skip

"""The Celery adapter of the job queue: Redis as broker, `Worker.drain` as the task.

The web service only sends task messages by name; workers (`celery_worker.py`) run them.
Rows' state lives in the database, so Celery is used for delivery alone: no result
backend, late acknowledgement so a killed worker's task is delivered again, and one
message at a time per worker process so nothing waits behind a long batch.
"""

from __future__ import annotations

from typing import Any

from celery import Celery
from kombu.exceptions import OperationalError

from service.batch.queue import QueueUnavailable
from service.batch.settings import BatchSettings

TASK = "plandoc.batch.drain"


def make_celery(settings: BatchSettings) -> Celery:
    """A Celery app for the batch queue; it connects to Redis only when used."""
    app = Celery("plandoc", broker=settings.redis_url, set_as_current=False)
    app.conf.update(
        task_serializer="json",
        accept_content=["json"],
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_default_queue=settings.celery_queue,
        broker_connection_retry_on_startup=True,
        # A task unacknowledged this long is delivered again; the claims make that harmless.
        broker_transport_options={"visibility_timeout": 3600},
        worker_hijack_root_logger=False,
    )
    return app


class CeleryQueue:
    """Sends `celery_tasks` drain tasks per batch: one per worker process that should help."""

    def __init__(self, app: Celery, settings: BatchSettings) -> None:
        self.app, self.settings = app, settings

    def submit(self, batch_id: str) -> None:
        """Send the drain tasks; QueueUnavailable when Redis cannot be reached."""
        options: dict[str, Any] = {"queue": self.settings.celery_queue, "retry": True}
        options["retry_policy"] = {"max_retries": 2, "interval_start": 0.2, "interval_step": 0.5}
        try:
            for _ in range(self.settings.celery_tasks):
                self.app.send_task(TASK, args=[batch_id], **options)
        except OperationalError as error:
            raise QueueUnavailable(str(error)) from error

    def stop(self) -> None:
        """Nothing to stop here: the workers run elsewhere and stop on their own signals."""

    def close(self, timeout: float = 30.0) -> bool:
        """Close the broker connections."""
        self.app.close()
        return True

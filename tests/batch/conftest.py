"""Batch fixtures: the district's plan, a migrated database, a runtime of fakes, the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from service.batch.queue import RecordingQueue
from service.batch.runtime import BatchRuntime, build_runtime
from service.batch.settings import BatchSettings
from service.batch.storage import MemoryStorage, Storage
from service.http import create_app
from service.rendering import Renderer
from service.rendering.pdf import Converter, FakeConverter
from service.store import Database
from tests.conftest import plan_json

DISTRICT = "ke-hoach-bac-kan-2023"


@pytest.fixture()
def plan() -> dict[str, Any]:
    """The district's plan (TP. Bắc Kạn) that communes implement."""
    return plan_json(DISTRICT)


@pytest.fixture()
def database(tmp_path: Path) -> Iterator[Database]:
    database = Database(f"sqlite:///{tmp_path / 'batch.db'}")
    database.migrate()
    yield database
    database.dispose()


RuntimeFactory = Callable[..., BatchRuntime]


@pytest.fixture()
def make_runtime(database: Database, renderer: Renderer) -> Iterator[RuntimeFactory]:
    """Runtimes over the test database with fakes: memory storage, a recording queue."""
    made: list[BatchRuntime] = []

    def make(
        converter: Converter | None = None, storage: Storage | None = None, **settings: Any
    ) -> BatchRuntime:
        runtime = build_runtime(
            BatchSettings(**{"lease_seconds": 5.0, "poll_seconds": 0.2, **settings}),
            database,
            renderer=renderer,
            converter=lambda: converter or FakeConverter(),
            storage=storage or MemoryStorage(),
            queue=lambda _worker, _batches: RecordingQueue(),
        )
        made.append(runtime)
        return runtime

    yield make
    for runtime in made:
        runtime.close()


def make_app(tmp_path: Path, **config: Any) -> Flask:
    """The app with a SQLite file, storage and the fake converter under `tmp_path`."""
    return create_app(
        {
            "TESTING": True,
            "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
            "STORAGE_DIR": str(tmp_path / "storage"),
            "PDF_CONVERTER": FakeConverter(pages=2),
            "BATCH_POLL_SECONDS": 0.2,
            **config,
        }
    )


@pytest.fixture()
def batch_app(tmp_path: Path) -> Iterator[Flask]:
    app = make_app(tmp_path)
    yield app
    app.extensions["batches"].close()


@pytest.fixture()
def api(batch_app: Flask) -> FlaskClient:
    return batch_app.test_client()

"""The web form's app: no PDF converter unless a test gives one, two units by a test header."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, g, request
from flask.testing import FlaskClient

from service.http import create_app

UNIT_HEADER = "X-Test-Unit"  # the test hook: which unit the request acts for


def web_app(tmp_path: Path, **config: Any) -> Flask:
    """An app whose requests act for the unit named in X-Test-Unit (default: `xa-a`)."""
    app = create_app(
        {
            "TESTING": True,
            "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'web.db'}",
            "PDF_CONVERTER": None,
            "RATE_LIMIT_PER_MINUTE": 0,
            **config,
        }
    )

    @app.before_request
    def act_for_unit() -> None:
        g.unit = request.headers.get(UNIT_HEADER, "xa-a")

    return app


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    yield web_app(tmp_path)


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture()
def other_unit(app: Flask) -> Callable[..., Any]:
    """Call the app as another unit: `other_unit("get", "/api/v1/drafts")`."""
    client = app.test_client()

    def call(method: str, url: str, **kwargs: Any) -> Any:
        headers = {UNIT_HEADER: "xa-b", **kwargs.pop("headers", {})}
        return getattr(client, method)(url, headers=headers, **kwargs)

    return call

"""Shared fixtures: the app and its client, the golden plans, rendered once per session."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from schemas import load_document
from service.model import Document
from service.rendering import Renderer

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = sorted(p.stem for p in (FIXTURES / "plans").glob("*.json"))


def plan_json(name: str) -> dict[str, Any]:
    """A golden plan's JSON (a fresh copy each time: tests may change it)."""
    data: dict[str, Any] = json.loads((FIXTURES / "plans" / f"{name}.json").read_text("utf-8"))
    return data


def expected_lines(name: str) -> list[str]:
    """The independently derived printed text of a golden plan, one paragraph a line."""
    return (FIXTURES / "expected" / f"{name}.txt").read_text("utf-8").splitlines()


@pytest.fixture(scope="session")
def renderer() -> Renderer:
    return Renderer()


@pytest.fixture(scope="session")
def golden_documents() -> dict[str, Document]:
    return {name: load_document(plan_json(name)) for name in GOLDEN}


@pytest.fixture(scope="session")
def golden_docx(renderer: Renderer, golden_documents: dict[str, Document]) -> dict[str, bytes]:
    """Every golden plan rendered once for the whole session."""
    return {name: renderer.render_docx(doc) for name, doc in golden_documents.items()}


@pytest.fixture()
def app(tmp_path: Path) -> Iterator[Flask]:
    from service.http import create_app  # imported late: only the HTTP tests build the app

    yield create_app(
        {
            "TESTING": True,
            "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
        }
    )


@pytest.fixture()
def client(app: Flask) -> FlaskClient:
    return app.test_client()

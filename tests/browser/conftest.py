"""The real app on a free loopback port, and Debian's Chromium driven by Playwright.

One server and one browser for the session; a fresh browser context (its own storage) per
test. Playwright's own browser download is not used: /usr/bin/chromium comes from Debian
(scripts/setup.sh installs it).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from service.http import create_app
from service.rendering.pdf import LibreOfficePool, PoolConfig
from tests.serving import serve

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIApplication, WSGIEnvironment

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The whole service (real LibreOffice for PDF) served by a threaded werkzeug server."""
    folder = tmp_path_factory.mktemp("browser")
    converter = LibreOfficePool(PoolConfig(instances=1, queue_size=4, timeout=30))
    app = create_app(
        {
            "AUTH_REQUIRED": False,
            "DATABASE_URL": f"sqlite:///{folder / 'drafts.db'}",
            "PDF_CONVERTER": converter,
            "RATE_LIMIT_PER_MINUTE": 0,
        }
    )
    app.wsgi_app = static_read_whole(app.wsgi_app)  # type: ignore[method-assign]
    try:
        with serve(app) as url:
            yield url
    finally:
        converter.close()
        app.extensions["database"].dispose()


def static_read_whole(wsgi_app: WSGIApplication) -> WSGIApplication:
    """Static files read whole and closed before they are sent. A page that navigates on
    while its scripts load drops the connection, and werkzeug's development server then
    never closes the open file: a ResourceWarning, an error under filterwarnings=error."""

    def app(environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        body = wsgi_app(environ, start_response)
        if not str(environ.get("PATH_INFO", "")).startswith("/static/"):
            return body
        try:
            return [b"".join(body)]
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()

    return app


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), "Chromium is missing: run scripts/setup.sh"
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture()
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh context at 1280 px; fails the test on any script error in the page."""
    context = browser.new_context(viewport=DESKTOP, accept_downloads=True, base_url=server)
    context.set_default_timeout(10_000)
    context.grant_permissions(["clipboard-read", "clipboard-write"])  # real Ctrl+C / Ctrl+V
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and not m.text.startswith("Failed to load resource")
            else None
        ),
    )
    yield tab
    context.close()
    assert problems == []

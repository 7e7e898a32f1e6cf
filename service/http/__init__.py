"""The HTTP edge: app factory, blueprints, one error mapping. Nothing runs at import time."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from service.http import (
    api,
    auth,
    batches_api,
    check_api,
    docs,
    drafts_api,
    errors,
    health,
    limits,
    locale,
    requests,
    routing,
    security,
    web,
)
from service.rendering import DEFAULT_TEMPLATES, Renderer
from service.rendering.pdf import CachingConverter, Converter, LibreOfficePool, PoolConfig
from service.store import Database
from service.store.drafts import SqlDrafts

DEFAULTS: dict[str, Any] = {
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,  # a 30-page plan is about 150 kB of JSON
    "TEMPLATES_DIR": str(DEFAULT_TEMPLATES),
    "JSON_AS_ASCII": False,
    "DATABASE_URL": None,  # None: the embedded SQLite file var/plandoc.db
    "DEFAULT_UNIT": "default",  # the unit of every request until accounts exist (issue 7)
    "RATE_LIMIT_PER_MINUTE": 600,  # write requests per client per minute; 0 turns limits off
    "LOGIN_LIMIT_PER_CLIENT": "20 per minute",  # failed sign-ins from one address
    "LOGIN_LIMIT_PER_ACCOUNT": "10 per 15 minutes",  # failed sign-ins for one username
    "TRUSTED_PROXIES": 0,  # proxies in front (X-Forwarded-*); only if nothing else reaches us
    "AUTH_REQUIRED": True,  # every /api call and page needs an API key or a login...
    "PUBLIC_RENDERING": False,  # ...true opens rendering and checking to anyone (rate-limited)
    "INSTANCE_DIR": None,  # the session key's folder; None: beside the SQLite file, else var/
    "SESSION_COOKIE_SECURE": False,  # true: always Secure (it is anyway over HTTPS)
    "SESSION_COOKIE_SAMESITE": "Lax",
    "SESSION_COOKIE_HTTPONLY": True,
    "MAX_UPLOAD_LENGTH": 20 * 1024 * 1024,  # a Word file to check may carry images
    "PDF_ENABLED": True,  # a warm LibreOffice pool (PDF_POOL_* variables size it)
    "PDF_CACHE_MB": 64,  # PDFs of unchanged drafts, per process; 0 turns the cache off
    "PDF_PRESTART": False,  # start the pool with the app rather than on the first PDF
}


def _converter(app: Flask) -> Converter | None:
    """The PDF converter: given by tests, else a pool (started now or on first use), or none
    when disabled; behind a cache of unchanged documents' PDFs unless PDF_CACHE_MB is 0."""
    converter: Converter | None
    if "PDF_CONVERTER" in app.config:
        converter = app.config["PDF_CONVERTER"]
    elif not app.config["PDF_ENABLED"]:
        return None
    else:
        pool = LibreOfficePool(PoolConfig.from_env())
        if app.config["PDF_PRESTART"]:
            pool.start_in_background()
        converter = pool
    megabytes = float(app.config["PDF_CACHE_MB"])
    if converter is None or megabytes <= 0:
        return converter
    return CachingConverter(converter, int(megabytes * 1024 * 1024))


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """Build the app: defaults, then `PLANDOC_*` environment variables, then `test_config`."""
    app = Flask(__name__)
    app.request_class = requests.Request
    app.config.from_mapping(DEFAULTS)
    app.config.from_prefixed_env("PLANDOC")
    if test_config is not None:
        app.config.from_mapping(test_config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    # PLANDOC_REDIS_URL set: rate limits counted in Redis, shared by every worker and machine
    # (read before the batch settings give it Celery's default).
    limit_storage = app.config.get("REDIS_URL") or f"{limits.MEMORY}://"
    proxies = int(app.config["TRUSTED_PROXIES"] or 0)
    if proxies > 0:  # the client, scheme and host the proxy saw, for limits, /setup, cookies
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies, x_port=proxies
        )
    routing.register(app)
    app.extensions["renderer"] = Renderer(Path(app.config["TEMPLATES_DIR"]).expanduser())
    database = Database(app.config["DATABASE_URL"])
    database.migrate()
    app.extensions["database"] = database
    app.extensions["drafts"] = SqlDrafts(database)
    app.extensions["converter"] = _converter(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(check_api.bp)
    app.register_blueprint(drafts_api.bp)
    app.register_blueprint(health.bp)
    app.register_blueprint(docs.bp)
    web.init_app(app)  # the officers' pages, at /
    batches_api.init_app(app)  # issue 5; resumes unfinished batches
    errors.register(app)
    locale.register(app)
    security.register(app)
    auth.register(app)
    limits.register(app, storage_uri=limit_storage)
    return app

"""The officers' web form: pages, preview and translations, served with no front-end build."""

from __future__ import annotations

from flask import Flask

from service.http.web import accounts, batch_page, check_page, i18n, pages, preview


def init_app(app: Flask) -> None:
    """Install the translations, the static files and the pages' blueprints on the app."""
    app.static_folder = str(i18n.ROOT / "static")  # /static/web/...: CSS and plain JS
    i18n.init_app(app)
    app.register_blueprint(pages.bp)
    app.register_blueprint(accounts.bp)
    app.register_blueprint(check_page.bp)
    app.register_blueprint(batch_page.bp)
    app.register_blueprint(preview.bp)

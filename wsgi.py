"""WSGI entry point: `gunicorn wsgi:app`."""

from service.http import create_app

app = create_app()

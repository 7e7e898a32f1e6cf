"""WSGI entry point: `gunicorn wsgi:app`."""

from service import heap
from service.http import create_app

app = create_app()
heap.settle()  # after loading, before serving: see service/heap.py

"""Batch generation: one base plan expanded per commune, rendered by a job queue.

The core (request, expansion, validation, tables) is pure; the worker drains a batch
through ports (`Batches` repository, `Storage`, `Converter`) that the embedded thread
pool and the Celery adapter drive alike.
"""

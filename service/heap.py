"""The garbage collector of a serving process, tuned once the app is loaded.

Rendering one plan allocates tens of thousands of short-lived objects (the model, the
blocks, their runs). With CPython's defaults a collection runs every 700 allocations and
the older generations are scanned with the ~150,000 objects the loaded app itself holds
(modules, schemas, templates), which is a quarter of a request's time (bench/docx_bench:
about 7.0 -> 5.4 ms a v1.1 plan). So, as large Python services do (Instagram's
`gc.freeze()` after loading, before serving):

- the objects alive once the app is loaded are frozen: never scanned again, never freed
  (they live as long as the process anyway);
- the youngest generation is collected every 20,000 allocations rather than 700: the
  garbage a request leaves in cycles waits a little longer (a few MB at most).
"""

from __future__ import annotations

import gc

YOUNG_THRESHOLD = 20_000  # allocations between two collections of the youngest generation
OLDER_THRESHOLDS = (10, 10)  # CPython's own: collections of a generation before the next


def settle() -> None:
    """Freeze what the loaded app holds and collect the young generation less often; call
    once per process after the app is built (wsgi.py), never per request."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_THRESHOLD, *OLDER_THRESHOLDS)

"""service.heap: what wsgi.py does to a serving process's collector once the app is loaded."""

from __future__ import annotations

import gc
from pathlib import Path

from service import heap

ROOT = Path(__file__).resolve().parents[2]


def test_settle_freezes_the_loaded_objects_and_collects_young_ones_less_often() -> None:
    thresholds = gc.get_threshold()
    loaded: list[object] = [{"alive": True}]  # something alive when the app is "loaded"
    try:
        heap.settle()
        assert gc.get_freeze_count() > 10_000  # the modules the test process imported
        scanned = (gc.get_objects(generation) for generation in range(3))
        assert not any(o is loaded for objects in scanned for o in objects)  # frozen
        assert gc.get_threshold() == (heap.YOUNG_THRESHOLD, *heap.OLDER_THRESHOLDS)
        assert gc.isenabled()  # tuned, never turned off
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def test_wsgi_settles_after_building_the_app() -> None:
    lines = [line.strip() for line in (ROOT / "wsgi.py").read_text("utf-8").splitlines()]
    built = next(i for i, line in enumerate(lines) if line.startswith("app = create_app("))
    settled = next(i for i, line in enumerate(lines) if line.startswith("heap.settle()"))
    assert built < settled

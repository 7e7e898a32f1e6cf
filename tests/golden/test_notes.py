"""Each 2025 fixture's expected text is its original with the corrections its notes list, and
nothing else: a reviewer auditing `<name>.notes.md` sees every difference there."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

NOTES = sorted(p for p in (FIXTURES / "expected").glob("*.notes.md"))
_ORIGINAL = re.compile(r"^Original: `tests/fixtures/originals/([^`]+)`", re.MULTILINE)
_ROW = re.compile(r"^\| (\d+) \|", re.MULTILINE)


def _listed(notes: str) -> tuple[Path, set[int]]:
    """The original named by the notes, and the original's line numbers its table lists."""
    match = _ORIGINAL.search(notes)
    assert match, "the notes name their original"
    return FIXTURES / "originals" / match.group(1), {int(n) for n in _ROW.findall(notes)}


@pytest.mark.parametrize("notes", NOTES, ids=lambda p: p.name.removesuffix(".notes.md"))
def test_expected_differs_from_the_original_only_where_the_notes_say(notes: Path) -> None:
    original, listed = _listed(notes.read_text("utf-8"))
    expected = notes.with_name(notes.name.replace(".notes.md", ".txt"))
    before = original.read_text("utf-8").splitlines()
    after = expected.read_text("utf-8").splitlines()
    changed: set[int] = set()
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag != "equal":
            changed |= set(range(i1 + 1, i2 + 1)) or {i1}  # an insertion: after line i1
    assert changed == listed


def test_every_2025_fixture_has_notes() -> None:
    plans = {p.stem for p in (FIXTURES / "plans").glob("2025-*.json")}
    assert plans == {p.name.removesuffix(".notes.md") for p in NOTES}

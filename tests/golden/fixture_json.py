"""What a golden fixture's JSON asks for, found by walking it: marked spans, footnotes, tables."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

MARKS = ("bold", "italic", "underline")


@dataclass(frozen=True)
class TableAsked:
    """A table of the fixture and whether it prints on a landscape page."""

    table: dict[str, Any]
    landscape: bool


def objects(node: Any, landscape: bool = False) -> Iterator[tuple[dict[str, Any], bool]]:
    """Every JSON object in document order of the JSON, with whether it is on a turned page."""
    if isinstance(node, dict):
        turned = landscape or node.get("orientation") == "landscape"
        yield node, turned
        for value in node.values():
            yield from objects(value, turned)
    elif isinstance(node, list):
        for item in node:
            yield from objects(item, landscape)


def marked_spans(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Text spans that set bold, italic or underline."""
    return [
        node
        for node, _ in objects(data)
        if isinstance(node.get("text"), str) and any(mark in node for mark in MARKS)
    ]


def plain(rich: Any) -> str:
    """A rich text's characters: a string, or the texts of its spans joined."""
    if isinstance(rich, str):
        return rich
    return "".join(part if isinstance(part, str) else part.get("text", "") for part in rich)


def footnotes(data: dict[str, Any]) -> list[str]:
    """The footnotes' texts, in the order of their marks in the JSON."""
    return [plain(node["footnote"]) for node, _ in objects(data) if "footnote" in node]


def tables(data: dict[str, Any]) -> list[TableAsked]:
    """The tables, in the order of the JSON (the fixtures print them in that order)."""
    return [TableAsked(node["table"], turned) for node, turned in objects(data) if "table" in node]

"""Named fields such as `{ten_xa}`: plain text replacement of declared names, never a template.

Only names the request declares are replaced, in one pass, so a value that itself holds
`{ten_xa}` or `{{ 7*7 }}` is printed as typed and nothing is ever evaluated. `{value}`
belongs to the contract's targets and can never be declared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,49}")
RESERVED = frozenset({"value", "patch"})  # the targets' placeholder; a row's merge patch
MAX_FIELDS = 50


def invalid_names(names: Iterable[str], taken: Iterable[str]) -> list[int]:
    """Positions of names that cannot be declared: malformed, reserved, a contract field, twice."""
    blocked = RESERVED | set(taken)
    seen: set[str] = set()
    bad = []
    for position, name in enumerate(names):
        if not NAME.fullmatch(name) or name in blocked or name in seen:
            bad.append(position)
        seen.add(name)
    return bad


def used_names(data: Any, names: Iterable[str]) -> set[str]:
    """The declared names whose `{name}` occurs in some string of `data`."""
    wanted = {f"{{{name}}}": name for name in names}
    found: set[str] = set()
    for text in _strings(data):
        found.update(name for marker, name in wanted.items() if marker in text)
    return found


def fill(data: Any, values: Mapping[str, str]) -> Any:
    """A copy of `data` with `{name}` replaced by `values[name]` in every string value."""
    if not values:
        return _copy(data)
    pattern = re.compile("|".join(re.escape(f"{{{name}}}") for name in values))

    def replace(match: re.Match[str]) -> str:
        return values[match.group(0)[1:-1]]

    def walk(node: Any) -> Any:
        if isinstance(node, str):
            return pattern.sub(replace, node) if "{" in node else node
        if isinstance(node, dict):
            return {key: walk(value) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(value) for value in node]
        return node

    return walk(data)


def _copy(node: Any) -> Any:
    """A deep copy of JSON data (much faster than copy.deepcopy for plain JSON)."""
    if isinstance(node, dict):
        return {key: _copy(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_copy(value) for value in node]
    return node


def _strings(node: Any) -> Iterable[str]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)

"""A row's overrides of its commune's plan: dotted paths (`targets.specific.1.value`, list
positions from 0) and JSON Merge Patch (RFC 7396)."""

from __future__ import annotations

import copy
from typing import Any


class PathError(ValueError):
    """The path leads nowhere in the plan: a missing list entry, or a key of a string."""


def split(path: str) -> list[str]:
    """The keys of a dotted path; PathError for an empty key (`a..b`, `.a`)."""
    keys = path.split(".")
    if any(not key for key in keys):
        raise PathError(path)
    return keys


def set_path(data: dict[str, Any], path: str, value: Any) -> None:
    """Set `value` at `path` in place; missing objects on the way are created, lists are not."""
    keys = split(path)
    node: Any = data
    for key in keys[:-1]:
        if isinstance(node, dict):
            if not isinstance(node.get(key), dict | list):
                node[key] = {}
            node = node[key]
        elif isinstance(node, list):
            node = node[_index(node, key, path)]
        else:
            raise PathError(path)
    last = keys[-1]
    if isinstance(node, dict):
        node[last] = value
    elif isinstance(node, list):
        node[_index(node, last, path)] = value
    else:
        raise PathError(path)


def _index(node: list[Any], key: str, path: str) -> int:
    """An existing list position: a row may change a list entry but not invent one."""
    if not (key.isascii() and key.isdigit()) or int(key) >= len(node):
        raise PathError(path)
    return int(key)


def merge_patch(target: Any, patch: Any) -> Any:
    """The result of applying `patch` to `target`; neither argument is changed.

    An object patch merges key by key and `null` removes a key; any other patch (a list,
    a string, a number) replaces the target whole, as section 2 of the RFC specifies.
    """
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result

"""Dotted paths into plan JSON, and JSON Merge Patch as RFC 7396 specifies it."""

from __future__ import annotations

from typing import Any

import pytest

from service.batch.overrides import PathError, merge_patch, set_path


def test_set_path_sets_keys_and_list_entries() -> None:
    data: dict[str, Any] = {"targets": {"specific": ["a", {"text": "{value}", "value": 1}]}}
    set_path(data, "targets.specific.1.value", 1.5)
    set_path(data, "signer.name", "Lê Văn An")  # objects on the way are created
    set_path(data, "targets.specific.0", "b")
    assert data == {
        "targets": {"specific": ["b", {"text": "{value}", "value": 1.5}]},
        "signer": {"name": "Lê Văn An"},
    }


@pytest.mark.parametrize(
    "path",
    [
        "targets.specific.5.value",  # no such entry: a row changes entries, never invents one
        "targets.specific.0.value",  # entry 0 is a string
        "targets.specific.x",  # not an index
        "targets.specific.-1",
        "targets..x",
        "",
    ],
)
def test_paths_that_lead_nowhere(path: str) -> None:
    data: dict[str, Any] = {"targets": {"specific": ["a", {"text": "t"}]}}
    with pytest.raises(PathError):
        set_path(data, path, 1)


# RFC 7396, Appendix A: every example, in order.
RFC_EXAMPLES: list[tuple[Any, Any, Any]] = [
    ({"a": "b"}, {"a": "c"}, {"a": "c"}),
    ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
    ({"a": "b"}, {"a": None}, {}),
    ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
    ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
    ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
    ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
    ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
    (["a", "b"], ["c", "d"], ["c", "d"]),
    ({"a": "b"}, ["c"], ["c"]),
    ({"a": "foo"}, None, None),
    ({"a": "foo"}, "bar", "bar"),
    ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
    ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
    ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
]


@pytest.mark.parametrize(("target", "patch", "result"), RFC_EXAMPLES)
def test_merge_patch_follows_rfc_7396(target: Any, patch: Any, result: Any) -> None:
    assert merge_patch(target, patch) == result


def test_merge_patch_changes_neither_argument() -> None:
    target = {"signer": {"name": "A", "title": "CHỦ TỊCH"}, "recipients": ["x"]}
    patch = {"signer": {"name": "B"}, "recipients": ["y"]}
    result = merge_patch(target, patch)
    result["recipients"].append("z")
    assert target == {"signer": {"name": "A", "title": "CHỦ TỊCH"}, "recipients": ["x"]}
    assert patch == {"signer": {"name": "B"}, "recipients": ["y"]}

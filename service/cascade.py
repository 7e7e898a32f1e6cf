"""Cascading a plan down a level: the lower body's plan starts from the upper body's plan."""

from __future__ import annotations

import copy
from typing import Any

from service.documents.registry import kind_of
from service.model import Document
from service.rendering.context import symbol
from service.rendering.parts import issuer_in_text
from service.vietnamese import document_number, lowercase_first, short_date

BLANK_IN_TEXT = "..."  # how running text leaves a number or day open: `số .../KH-UBND`
HEADER_FIELDS = (
    "issuer",
    "drafting_unit",
    "number",
    "symbol",
    "place",
    "date",
    "signer",
    "recipients",
    "recipients_label",
)


def implementing_line(parent: Document) -> str:
    """`Thực hiện Kế hoạch số 231/KH-UBND ngày 03/4/2023 của Ủy ban nhân dân tỉnh ... về ...`."""
    number = document_number(parent.number) if parent.number else BLANK_IN_TEXT
    date = short_date(parent.date) if parent.date.is_complete else BLANK_IN_TEXT
    title = lowercase_first(" ".join(parent.title.split()))
    return (
        f"Thực hiện {kind_of(parent).name} số {number}/{symbol(parent)} ngày {date} "
        f"của {issuer_in_text(parent)} về {title}."
    )


def cascade(
    parent_data: dict[str, Any], parent: Document, header: dict[str, Any]
) -> dict[str, Any]:
    """The lower level's plan JSON: the parent's parts, the lower level's own header and
    signer, and the implementing line first in the preamble. `parent` is `parent_data`
    loaded (validated); `header` holds the lower level's fields (issuer, place, signer...)."""
    child = copy.deepcopy(parent_data)
    for name in HEADER_FIELDS:
        child.pop(name, None)
    child.pop("closing", None)  # the default closing names the new issuer
    child.update(copy.deepcopy(header))
    child["preamble"] = [implementing_line(parent)]
    return child

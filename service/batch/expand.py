"""One commune's plan from the base plan and its row: cascade, named fields, paths, patch.

In this order: the base plan cascaded under the communes' header (the row's own header
fields come later), deadlines moved N days earlier, declared `{fields}` filled in, the
row's dotted paths set, and finally its `patch` merged (RFC 7396). Row values are data:
they are never searched for `{fields}` themselves.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

from schemas import SCHEMAS, InvalidDocument, load_document
from schemas.messages import code
from service.batch.overrides import PathError, merge_patch, set_path
from service.batch.placeholders import fill, used_names
from service.batch.request import BatchRequest
from service.cascade import cascade
from service.documents.registry import kind_of
from service.model import Document
from service.rendering.parts import issuer_in_text
from service.vietnamese import PartialDate

PATCH = "patch"
REPORT_NOTE = "(để b/c)"  # the commune's copy to the level above, "for its information"


class RowInvalid(Exception):
    """A row that does not make a valid plan; `errors` are keyed relative to the row."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__(f"{len(errors)} invalid field(s)")
        self.errors = errors


class Expander:
    """Expands rows of one batch; the base plan must be valid (see `validation.check`)."""

    def __init__(self, request: BatchRequest, parent: Document) -> None:
        self.request = request
        self.parent = parent
        self.fields = request.fields
        self.top_level = frozenset(SCHEMAS[parent.type]().fields)
        self.cascading = cascades(request, parent)
        if self.cascading:
            header = merge_patch(header_defaults(request.plan, parent), request.header)
            self.template = cascade(request.plan, parent, header)
            shift_deadlines(self.template, request.options.deadline_days_before)
        else:
            self.template = merge_patch(request.plan, request.header)
        self.used = used_names(self.template, self.fields)

    def expand(self, row: dict[str, Any]) -> dict[str, Any]:
        """The commune's plan JSON; RowInvalid with every problem of the row's columns."""
        errors: dict[str, list[str]] = {}
        values: dict[str, str] = {}
        for name in self.fields:
            value = row.get(name)
            if isinstance(value, bool) or not isinstance(value, str | int | float | type(None)):
                errors[name] = [code("not_string")]
            elif value is not None and str(value).strip():
                values[name] = str(value).strip()
            elif name in self.used:
                errors[name] = [code("required")]
        child: dict[str, Any] = fill(self.template, values)
        for key, value in row.items():
            if key == PATCH or key in self.fields:
                continue
            if "." not in key and key not in self.top_level:
                errors[key] = [code("undeclared_field")]
                continue
            try:
                set_path(child, key, copy.deepcopy(value))
            except PathError:
                errors[key] = [code("no_such_path")]
        if PATCH in row:
            patch = _patch(row[PATCH])
            if patch is None:
                errors[PATCH] = [code("invalid_patch")]
            else:
                child = merge_patch(child, patch)
        if errors:
            raise RowInvalid(errors)
        return child

    def document(self, row: dict[str, Any]) -> Document:
        """The commune's validated plan; RowInvalid with column and contract errors together."""
        try:
            child = self.expand(row)
        except RowInvalid as invalid:
            errors = invalid.errors
            try:
                load_document(self._without(row, errors))
            except InvalidDocument as also:
                errors = {**also.errors, **errors}
            raise RowInvalid(errors) from invalid
        try:
            return load_document(child)
        except InvalidDocument as invalid:
            raise RowInvalid(invalid.errors) from invalid

    def _without(self, row: dict[str, Any], errors: dict[str, list[str]]) -> dict[str, Any]:
        """The row's plan without its failing columns, to report the contract's errors too."""
        kept = {k: v for k, v in row.items() if k not in errors}
        for name in self.fields:
            if name in errors:
                kept[name] = "-"  # a stand-in, so that the other fields are still checked
        try:
            return self.expand(kept)
        except RowInvalid:
            return self.template  # nothing more to learn from this row


def cascades(request: BatchRequest, parent: Document) -> bool:
    """Cascade unless told not to; only the types that cascade do (a letter has no preamble)."""
    wanted = request.options.cascade
    return kind_of(parent).cascades if wanted is None else wanted


def header_defaults(plan: dict[str, Any], parent: Document) -> dict[str, Any]:
    """What a commune's header takes from its district: the issuer's abbreviation, the year
    (day and month left blank for the signing), the way of signing (not the signer's name)
    and the copy to the district `(để b/c)`. The request's `header` and each row override."""
    signer = {key: value for key, value in plan.get("signer", {}).items() if key != "name"}
    return {
        "issuer": {"abbreviation": parent.issuer.abbreviation},
        "date": str(parent.date.year),
        "signer": signer,
        "recipients": [f"{issuer_in_text(parent)} {REPORT_NOTE}"],
    }


def shift_deadlines(plan: dict[str, Any], days: int) -> None:
    """Move every complete `reporting.deadlines[].due` `days` earlier, in place."""
    reporting = plan.get("reporting")
    deadlines = reporting.get("deadlines") if isinstance(reporting, dict) else None
    if not days or not isinstance(deadlines, list):
        return
    for deadline in deadlines:
        due = PartialDate.parse(str(deadline.get("due", "")))
        date = due.to_date()
        if date is not None:
            deadline["due"] = (date - dt.timedelta(days=days)).isoformat()


def _patch(value: Any) -> dict[str, Any] | None:
    """A merge patch object; in a CSV or Excel cell it is JSON text."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None

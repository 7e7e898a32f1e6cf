"""Drafts as the page and the API show them: summaries, default names, cascading a parent plan."""

from __future__ import annotations

import datetime as dt
from typing import Any

from schemas import InvalidDocument, load_document
from schemas.messages import code
from service.cascade import HEADER_FIELDS, cascade
from service.documents.registry import all_kinds
from service.http.web.kinds import type_name
from service.store.drafts import Draft, Drafts

MAX_NAME = 300  # the drafts table's name column
COPY_SUFFIX = " (bản sao)"


def summary(draft: Draft) -> dict[str, Any]:
    """A draft without its data: what a list shows."""
    return {
        "id": draft.id,
        "name": draft.name,
        "type": draft.document_type,
        "title": title_of(draft.data),
        "revision": draft.revision,
        "parent_id": draft.parent_id,
        "created_at": iso(draft.created_at),
        "updated_at": iso(draft.updated_at),
    }


def full(draft: Draft) -> dict[str, Any]:
    """A draft with its plan JSON, exactly as typed."""
    return {**summary(draft), "data": draft.data}


def iso(moment: dt.datetime) -> str:
    """ISO 8601 in UTC; SQLite hands timestamps back without their zone."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def title_of(data: dict[str, Any]) -> str:
    """The document's title on one line, or an empty string."""
    title = data.get("title")
    return " ".join(title.split()) if isinstance(title, str) else ""


def default_name(data: dict[str, Any]) -> str:
    """The title, or `Kế hoạch mới` / `Công văn mới` (the type's name) before one is typed."""
    title = title_of(data)
    if title:
        return title[:MAX_NAME]
    return f"{type_name(data.get('type')) or 'Văn bản'} mới"


def copy_name(name: str) -> str:
    """`<name> (bản sao)`, within the column's length."""
    return name[: MAX_NAME - len(COPY_SUFFIX)] + COPY_SUFFIX


def cascade_draft(
    drafts: Drafts,
    unit: str,
    parent: dict[str, Any],
    header: dict[str, Any],
    *,
    name: str | None = None,
    parent_id: str | None = None,
) -> Draft:
    """A new draft for the level below, from a valid parent plan and the lower level's header.

    Errors in the parent are keyed `parent.<path>`; errors in the header by the path the
    field has in the new plan (`issuer.name`, `signer.title`), as the header form names them.
    """
    cascading = [kind.code for kind in all_kinds() if kind.cascades]
    if parent.get("type") not in cascading:
        raise InvalidDocument({"parent.type": [code("one_of", ", ".join(cascading))]})
    try:
        parent_document = load_document(parent)
    except InvalidDocument as error:
        raise InvalidDocument({f"parent.{p}": m for p, m in error.errors.items()}) from error
    unknown = sorted(set(header) - set(HEADER_FIELDS))
    if unknown:
        raise InvalidDocument({key: [code("unknown_field")] for key in unknown})
    child = cascade(parent, parent_document, header)
    load_document(child)  # the lower level's header must make a valid plan too
    place = header.get("place")
    label = f"{default_name(child)} – {place}" if isinstance(place, str) else default_name(child)
    return drafts.create(unit, name or label[:MAX_NAME], child, parent_id=parent_id)

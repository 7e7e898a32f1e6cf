"""The drafts API the web form uses: list, create, open, save, rename, duplicate, delete,
import and export the plan JSON, and cascade a parent plan to the level below.

Every call sees only the caller's unit (`current_unit()`); another unit's draft is a 404.
Writes name the version they change: `If-Match` with the ETag, or `revision` for clients
that cannot set headers (the web form); PUT and DELETE without either are 428.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, request, url_for
from marshmallow import Schema, ValidationError

from schemas import flatten
from schemas.messages import code
from service.http.draft_bodies import CascadeBody, CreateBody, DuplicateBody, RenameBody, SaveBody
from service.http.errors import RequestRejected
from service.http.filenames import attach, file_name
from service.http.identity import current_unit
from service.http.openapi import empty, json_reply, operation, problem, problems
from service.http.openapi.operations import KEY_REUSED
from service.http.queries import PageQuery, RevisionQuery, query
from service.http.requests import idempotency_key, json_body
from service.http.shapes import Draft as DraftShape
from service.http.shapes import DraftPage, DraftSummary
from service.http.web.drafting import cascade_draft, copy_name, default_name, full, summary
from service.store.cursor import Cursor, InvalidCursor
from service.store.drafts import ANY, Draft, Drafts

bp = Blueprint("drafts_api", __name__, url_prefix="/api/v1/drafts")
WRITES = (400, 413, 415, 422)
CREATED = json_reply(201, DraftSummary, "Created", "Location", "ETag")
SAVED = json_reply(200, DraftSummary, "Saved: the draft without its data", "ETag")
OBJECT = {"application/json": {"type": "object", "description": "A plan JSON, valid or not"}}


def drafts() -> Drafts:
    """The drafts repository of this app."""
    repository: Drafts = current_app.extensions["drafts"]
    return repository


@bp.get("")
@operation(
    "listDrafts",
    "drafts",
    json_reply(200, DraftPage, "A page of drafts, without their data", "Link"),
    problems(400),
    query=PageQuery,
)
def list_drafts() -> Response:
    """The unit's drafts, newest first, a page at a time."""
    args = query(PageQuery)
    page, after = drafts().page(current_unit(), args["limit"], _cursor(args.get("cursor")))
    following = after.encode() if after is not None else None
    response = jsonify(drafts=[summary(d) for d in page], next_cursor=following)
    if following is not None:
        link = url_for(".list_drafts", limit=args["limit"], cursor=following)
        response.headers["Link"] = f'<{link}>; rel="next"'
    return response


@bp.post("")
@operation(
    "createDraft",
    "drafts",
    CREATED,
    problems(400, 413, 415, 503),
    problem(422, KEY_REUSED),
    headers=("Idempotency-Key",),
    body={"application/json": CreateBody},
)
def create_draft() -> Response:
    """A new draft from plan JSON as typed; an Idempotency-Key makes a retry safe."""
    loaded = body(CreateBody())
    name = loaded.get("name") or default_name(loaded["data"])
    key = idempotency_key()
    if key is None:
        return created(drafts().create(current_unit(), name, loaded["data"]))
    digest = hashlib.sha256(json.dumps(loaded, sort_keys=True).encode()).hexdigest()
    draft, made = drafts().create_once(current_unit(), key, digest, name, loaded["data"])
    return created(draft, replayed=not made)


@bp.get("/<id:draft_id>")
@operation(
    "getDraft",
    "drafts",
    json_reply(200, DraftShape, "The draft", "ETag"),
    empty(304, "Not modified: still the ETag sent in If-None-Match", "ETag"),
    problems(404),
    headers=("If-None-Match",),
)
def get_draft(draft_id: str) -> Response:
    """One draft with its data; 304 while the caller's copy is current."""
    draft = drafts().get(current_unit(), draft_id)
    if request.if_none_match.contains_weak(draft.etag):
        return tagged(bare(304), draft)
    return tagged(jsonify(full(draft)), draft)


@bp.put("/<id:draft_id>")
@operation(
    "saveDraft",
    "drafts",
    SAVED,
    problems(*WRITES, 404, 409, 412, 428, 503),
    headers=("If-Match",),
    body={"application/json": SaveBody},
)
def save_draft(draft_id: str) -> Response:
    """Replace the data of the version named by If-Match (or `revision`)."""
    loaded = body(SaveBody())
    revision, tags = precondition(loaded.get("revision"))
    saved = drafts().save(current_unit(), draft_id, loaded["data"], revision, tags)
    return tagged(jsonify(summary(saved)), saved)


@bp.patch("/<id:draft_id>")
@operation(
    "renameDraft",
    "drafts",
    SAVED,
    problems(*WRITES, 404, 412, 503),
    headers=("If-Match-Optional",),
    body={"application/json": RenameBody},
)
def rename_draft(draft_id: str) -> Response:
    """Give the draft another name."""
    name = body(RenameBody())["name"]
    renamed = drafts().rename(current_unit(), draft_id, name, if_match())
    return tagged(jsonify(summary(renamed)), renamed)


@bp.delete("/<id:draft_id>")
@operation(
    "deleteDraft",
    "drafts",
    empty(204, "Deleted"),
    problems(400, 404, 409, 412, 428, 503),
    query=RevisionQuery,
    headers=("If-Match",),
)
def delete_draft(draft_id: str) -> Response:
    """Remove the version named by If-Match (or `?revision=`)."""
    revision, tags = precondition(query(RevisionQuery).get("revision"))
    drafts().delete(current_unit(), draft_id, revision, tags)
    return bare(204)


@bp.post("/<id:draft_id>/duplicate")
@operation(
    "duplicateDraft",
    "drafts",
    CREATED,
    problems(*WRITES, 404, 503),
    body={"application/json": DuplicateBody},
)
def duplicate_draft(draft_id: str) -> Response:
    """A copy to start from (default name: `<name> (bản sao)`)."""
    original = drafts().get(current_unit(), draft_id)
    name = body(DuplicateBody()).get("name") or copy_name(original.name)
    return created(drafts().duplicate(current_unit(), draft_id, name))


@bp.get("/<id:draft_id>/export")
@operation(
    "exportDraft",
    "drafts",
    json_reply(200, OBJECT["application/json"], "The plan JSON as a file", "Content-Disposition"),
    problems(404),
)
def export_draft(draft_id: str) -> Response:
    """The draft's plan JSON as a file, the same JSON `POST /api/v1/documents` takes."""
    draft = drafts().get(current_unit(), draft_id)
    text = json.dumps(draft.data, ensure_ascii=False, indent=2) + "\n"
    response = Response(text, mimetype="application/json")
    attach(response.headers, file_name(draft.name, "json"))
    return response


@bp.post("/import")
@operation("importDraft", "drafts", CREATED, problems(*WRITES, 503), body=OBJECT)
def import_draft() -> Response:
    """A new draft from a plan JSON file (the body is the plan itself, valid or not)."""
    data = json_body()
    if not isinstance(data, dict):
        raise RequestRejected(422, {"_schema": [code("not_object")]})
    return created(drafts().create(current_unit(), default_name(data), data))


@bp.post("/cascade")
@operation(
    "cascadeDraft",
    "drafts",
    CREATED,
    problems(*WRITES, 404, 503),
    body={"application/json": CascadeBody},
    description="The parent's parts, the lower header, and `Thực hiện Kế hoạch số … "
    "của …` first in the preamble; errors in the parent are keyed `parent.<path>`, in "
    "the header by their path in the new plan.",
)
def cascade() -> Response:
    """A plan for the level below from a parent plan and the lower level's header."""
    loaded = body(CascadeBody())
    parent_id, parent = parent_of(loaded)
    draft = cascade_draft(drafts(), current_unit(), parent, loaded["header"],
                          name=loaded.get("name"), parent_id=parent_id)  # fmt: skip
    return created(draft)


def body(schema: Schema) -> dict[str, Any]:
    """The request's JSON loaded by `schema`; 422 with every offending field otherwise."""
    try:
        loaded: dict[str, Any] = schema.load(json_body())
    except ValidationError as error:
        raise RequestRejected(422, flatten(error.messages)) from error
    return loaded


def parent_of(loaded: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    """The parent plan: one of the unit's drafts by id, or JSON given inline."""
    if loaded.get("parent_id"):
        return loaded["parent_id"], drafts().get(current_unit(), loaded["parent_id"]).data
    if "parent" in loaded:
        parent: dict[str, Any] = loaded["parent"]
        return None, parent
    raise RequestRejected(422, {"parent_id": [code("required")]})


def if_match() -> list[str] | None:
    """The strong entity tags of If-Match (`*` for any), or None without the header."""
    if "If-Match" not in request.headers:
        return None
    tags = request.if_match
    # An empty tag (`If-Match: ""`) names no version: left out, so nothing matches (412).
    return [ANY] if tags.star_tag else sorted(tag for tag in tags.as_set() if tag)


def precondition(revision: int | None) -> tuple[int | None, list[str] | None]:
    """The version a write names: If-Match, `revision`, or both; 428 with neither."""
    tags = if_match()
    if tags is None and revision is None:
        raise RequestRejected(428, {"If-Match": [code("precondition_required")]})
    return revision, tags


def created(draft: Draft, *, replayed: bool = False) -> Response:
    """201 with the new draft's summary, its address and its ETag."""
    response = tagged(jsonify(summary(draft)), draft)
    response.status_code = 201
    response.headers["Location"] = url_for(".get_draft", draft_id=draft.id)
    if replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return response


def tagged(response: Response, draft: Draft) -> Response:
    """The response with the draft's ETag."""
    response.set_etag(draft.etag)
    return response


def bare(status: int) -> Response:
    """A response without a body, nor a Content-Type to describe one."""
    response = Response(status=status)
    del response.headers["Content-Type"]
    return response


def _cursor(text: str | None) -> Cursor | None:
    try:
        return Cursor.decode(text) if text else None
    except InvalidCursor as error:
        raise RequestRejected(400, {"cursor": [code("invalid_cursor")]}) from error

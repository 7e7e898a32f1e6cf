"""QUYẾT ĐỊNH (`"type": "quyet_dinh"`, contract v1.1 §5): authority, legal bases, proposal,
articles, and the plan it issues as `attachment`."""

from __future__ import annotations

from typing import Any

from marshmallow import post_load

from schemas.base import Contract, nested
from schemas.common import DocumentSchema
from schemas.content import ContentField
from schemas.fields import BoundedList, Choice, Text
from schemas.plan import PlanBodySchema
from schemas.rich import RichList, RichOrObject, RichText
from service.documents.decision import Article, Attachment, Decision

MAX_ARTICLES = 100


class ArticleSchema(Contract):
    """An article given as an object: its text and content below it."""

    text = RichText(required=True)
    content = ContentField()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Article:
        return Article(**data)


class AttachmentSchema(PlanBodySchema):
    """The attached plan: a KẾ HOẠCH body with its title, `(Kèm theo ...)` line, sign-off."""

    title = Text(required=True, multiline=True, max_length=2_000)
    reference = Text(max_length=1_000)
    signoff = Text(max_length=300)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Attachment:
        return Attachment(**data)


class DecisionSchema(DocumentSchema):
    """QUYẾT ĐỊNH (`"type": "quyet_dinh"`)."""

    type = Choice((Decision.type,), required=True)
    authority = Text(required=True, multiline=True, max_length=300)
    legal_basis = RichList(min_items=1, required=True)
    proposal = RichText()
    articles = BoundedList(
        RichOrObject(ArticleSchema, lambda text: Article(text=text)),
        max_items=MAX_ARTICLES,
        min_items=1,
        required=True,
    )
    attachment = nested(AttachmentSchema)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Decision:
        return Decision(**self._clean(data))

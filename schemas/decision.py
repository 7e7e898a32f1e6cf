"""QUYẾT ĐỊNH (`"type": "quyet_dinh"`, contract v1.1 §5): authority, legal bases, proposal,
articles, and the plan it issues as `attachment`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marshmallow import fields, post_load

from schemas.base import Contract, nested
from schemas.common import DocumentSchema
from schemas.content import ContentField
from schemas.fields import CODED, BoundedList, Choice, Text
from schemas.plan import PlanBodySchema
from schemas.rich import Resolve, RichList, RichText
from service.documents.decision import Article, Attachment, Decision

MAX_ARTICLES = 100


class ArticleSchema(Contract):
    """An article given as an object: its text and content below it."""

    text = RichText(required=True)
    content = ContentField()

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Article:
        return Article(**data)


class ArticleField(fields.Field[Any]):
    """An article: rich text, or `{"text": rich, "content": [...]}`."""

    default_error_messages = {**CODED, "invalid": "invalid_entry"}

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._text = RichText()
        self._object: ArticleSchema | None = None

    def _deserialize(self, value: Any, attr: str | None, data: Any, **kwargs: Any) -> Article:
        if isinstance(value, Mapping):
            if self._object is None:
                self._object = ArticleSchema()
            article: Article = self._object.load(value)
            return article
        if isinstance(value, str | list):
            return Article(text=self._text.deserialize(value))
        raise self.make_error("invalid")

    def json_schema(self, resolve: Resolve) -> dict[str, Any]:
        """OpenAPI: rich text or an article object."""
        return {"oneOf": [*self._text.json_schema(resolve)["oneOf"], resolve(ArticleSchema)]}


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
    articles = BoundedList(ArticleField(), max_items=MAX_ARTICLES, min_items=1, required=True)
    attachment = nested(AttachmentSchema)

    @post_load
    def make(self, data: dict[str, Any], **_: Any) -> Decision:
        return Decision(**self._clean(data))

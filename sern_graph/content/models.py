"""The editorial fields every content row carries, whatever its type."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class EditorialState(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class ContentModel(Model):
    """Base of every content type: editorial state, optimistic-lock version, timestamps, sources."""

    id = fields.IntField(primary_key=True)
    state = fields.CharEnumField(EditorialState, max_length=16, default=EditorialState.DRAFT, db_index=True)
    published_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    # [{"url": ..., "title": ...}]: where the facts in this entry come from.
    sources: fields.JSONField[list[dict[str, str]]] = fields.JSONField(default=list)
    # An editor's remark on certainty ("year uncertain", "inferred"), shown to API users.
    note = fields.TextField(null=True)

    class Meta:
        abstract = True


class TimeBoundMixin:
    """Dates of links that hold for a period; an open end means 'still holds'."""

    start_date = fields.DateField(null=True)
    end_date = fields.DateField(null=True)
    dates_approximate = fields.BooleanField(default=False)

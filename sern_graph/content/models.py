"""The editorial fields every content row carries, whatever its type."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Self

from tortoise import fields
from tortoise.models import Model

from sern_graph.content.preview import overlay_draft, preview_active
from sern_graph.core.fields import DateField, DatetimeField


class EditorialState(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


class ContentModel(Model):
    """Base of every content type: editorial state, optimistic-lock version, timestamps, sources."""

    id = fields.IntField(primary_key=True)
    state = fields.CharEnumField(EditorialState, max_length=16, default=EditorialState.DRAFT, db_index=True)
    published_at = DatetimeField(null=True)
    version = fields.IntField(default=1)
    created_at = DatetimeField(auto_now_add=True)
    updated_at = DatetimeField(auto_now=True)
    # [{"url": ..., "title": ...}]: where the facts in this entry come from.
    sources: fields.JSONField[list[dict[str, str]]] = fields.JSONField(default=list)
    # An editor's remark on certainty ("year uncertain", "inferred"), shown to API users.
    note = fields.TextField(null=True)
    # Changes to a published entry that are not published yet: its editable fields, as JSON.
    # The columns keep showing the published text until `publish` applies this.
    draft: fields.JSONField[dict[str, Any]] | None = fields.JSONField(null=True)
    publish_at = DatetimeField(null=True)
    unpublish_at = DatetimeField(null=True)

    class Meta:
        abstract = True

    @classmethod
    def _init_from_db(cls, **kwargs: Any) -> Self:
        # The one place every loaded row passes: in preview, pending edits replace published values.
        row = super()._init_from_db(**kwargs)
        # Partial rows (`.only(...)`) may lack the draft column; they are not shown to anyone.
        if preview_active() and (draft := getattr(row, "draft", None)) is not None:
            overlay_draft(row, draft)
        return row


class RevisionAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    PUBLISH = "publish"
    UNPUBLISH = "unpublish"
    ARCHIVE = "archive"
    RESTORE = "restore"


class Revision(Model):
    """A full snapshot of an entry's editable fields after a write, with who, when and what changed."""

    id = fields.IntField(primary_key=True)
    content_type = fields.CharField(max_length=40)
    object_id = fields.IntField()
    version = fields.IntField()
    action = fields.CharEnumField(RevisionAction, max_length=16)
    state = fields.CharEnumField(EditorialState, max_length=16)
    snapshot: fields.JSONField[dict[str, Any]] = fields.JSONField()
    changed_fields: fields.JSONField[list[str]] = fields.JSONField(default=list)
    actor_name = fields.CharField(max_length=300)
    user_id = fields.IntField(null=True)
    token_id = fields.IntField(null=True)
    created_at = DatetimeField(auto_now_add=True)

    class Meta:
        table = "revision"
        indexes = (("content_type", "object_id"),)


class AuditEvent(Model):
    """Who did what, with which token, from which request: the admins' log of every write."""

    id = fields.IntField(primary_key=True)
    created_at = DatetimeField(auto_now_add=True, db_index=True)
    action = fields.CharField(max_length=60)
    content_type = fields.CharField(max_length=40, null=True)
    object_id = fields.IntField(null=True)
    actor_name = fields.CharField(max_length=300)
    user_id = fields.IntField(null=True)
    token_id = fields.IntField(null=True)
    request_id = fields.CharField(max_length=64, null=True)
    details: fields.JSONField[dict[str, Any]] = fields.JSONField(default=dict)

    class Meta:
        table = "audit_event"


class TimeBoundMixin:
    """Dates of links that hold for a period; an open end means 'still holds'."""

    start_date = DateField(null=True)
    end_date = DateField(null=True)
    dates_approximate = fields.BooleanField(default=False)

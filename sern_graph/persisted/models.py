"""Trusted documents: the operations registered ahead of time (from a frontend's build)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class TrustedDocument(Model):
    """A GraphQL document registered to run by its hash, even where only trusted documents may."""

    # Lowercase hex SHA-256 of the body's UTF-8 bytes: what clients send instead of the text.
    sha256 = fields.CharField(max_length=64, primary_key=True)
    body = fields.TextField()
    operation_names: fields.JSONField[list[str]] = fields.JSONField(default=list)
    # The file (and manifest entry) it was registered from, so people can trace it to a client.
    source = fields.CharField(max_length=500)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "trusted_document"

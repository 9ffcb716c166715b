"""Users, their roles, and API tokens."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class Role(StrEnum):
    ADMIN = "admin"
    EDITOR = "editor"
    READER = "reader"


class User(Model):
    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=150, unique=True)
    email = fields.CharField(max_length=254, null=True)
    # argon2id, in the PHC string format (algorithm, parameters, salt and hash together).
    password_hash = fields.CharField(max_length=255)
    role = fields.CharEnumField(Role, max_length=16)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    last_login_at = fields.DatetimeField(null=True)

    class Meta:
        table = "user_account"


class ApiToken(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    # The first characters of the token, shown in lists so people can tell tokens apart.
    prefix = fields.CharField(max_length=16, db_index=True)
    # SHA-256 of the whole token: tokens are long random strings, so a fast hash is enough.
    token_hash = fields.CharField(max_length=64, unique=True)
    role = fields.CharEnumField(Role, max_length=16)
    can_preview = fields.BooleanField(default=False)
    # Its holder may read people's e-mail and phone, whatever its role.
    can_read_personal_data = fields.BooleanField(default=False)
    # Its holder may run registered (trusted) documents only, whatever SERN_TRUSTED_DOCUMENTS says.
    trusted_documents_only = fields.BooleanField(default=False)
    # Requests a minute its holder may make; null: SERN_RATE_LIMIT_PER_TOKEN.
    rate_limit_per_minute = fields.IntField(null=True)
    # Browser origins (scheme://host[:port]) it may be used from; null: those of SERN_CORS_ORIGINS.
    allowed_origins: fields.JSONField[list[str]] | None = fields.JSONField(null=True)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="tokens", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)

    created_by_id: int | None

    class Meta:
        table = "api_token"

"""GraphQL types of accounts administration: users, API tokens, the audit log, the caller."""

from __future__ import annotations

from datetime import UTC, datetime

import strawberry
from strawberry.scalars import JSON

from sern_graph.accounts import actor, models
from sern_graph.accounts.models import Role
from sern_graph.accounts.permissions import Permission
from sern_graph.content import models as content_models
from sern_graph.core.enums import graphql_enum
from sern_graph.core.ids import encode_global_id

graphql_enum(
    Role,
    name="Role",
    description="What the holder of an account or API token may do.",
    values={
        "admin": "Everything an editor may, plus users, tokens and the audit log.",
        "editor": "Write and publish content; read revisions and personal contact data.",
        "reader": "Read published content (and drafts, for tokens that may preview).",
    },
)

graphql_enum(
    Permission,
    name="Permission",
    description="One thing a caller may do; roles grant sets of them.",
    values={
        "content.preview": "Read drafts and unpublished edits.",
        "content.edit": "Create and change content.",
        "content.publish": "Publish, unpublish and archive content.",
        "content.revisions": "Read the revisions of entries.",
        "people.personal_data": "Read people's personal contact data.",
        "accounts.manage": "Manage users and API tokens.",
        "audit.read": "Read the audit log.",
    },
)


@strawberry.type(description="An account that can sign in and own API tokens. Admins only.")
class User:
    row: strawberry.Private[models.User]

    @strawberry.field(description="Globally unique, opaque ID; give it to `updateUser`.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("User", self.row.id))

    @strawberry.field(description="The name the user signs in with.")
    def username(self) -> str:
        return self.row.username

    @strawberry.field(description="E-mail address of the user.")
    def email(self) -> str | None:
        return self.row.email

    @strawberry.field(description="What the user may do.")
    def role(self) -> Role:
        return Role(self.row.role)

    @strawberry.field(description="Whether the user may sign in.")
    def is_active(self) -> bool:
        return self.row.is_active

    @strawberry.field(description="When the account was created.")
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="When the user last signed in.")
    def last_login_at(self) -> datetime | None:
        return self.row.last_login_at


@strawberry.type(description="A credential for the API (Authorization: Bearer). Its secret is never shown.")
class ApiToken:
    # With `created_by` fetched (or null): list queries select it with the token.
    row: strawberry.Private[models.ApiToken]

    @strawberry.field(description="Globally unique, opaque ID; give it to `revokeApiToken`.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("ApiToken", self.row.id))

    @strawberry.field(description="What the token is for, e.g. 'Luleå website'.")
    def name(self) -> str:
        return self.row.name

    @strawberry.field(description="The first characters of the secret, to tell tokens apart.")
    def prefix(self) -> str:
        return self.row.prefix

    @strawberry.field(description="What the token's holder may do.")
    def role(self) -> Role:
        return Role(self.row.role)

    @strawberry.field(description="Whether the token may read drafts, whatever its role.")
    def can_preview(self) -> bool:
        return self.row.can_preview

    @strawberry.field(description="Whether the token may read people's e-mail and phone, whatever its role.")
    def can_read_personal_data(self) -> bool:
        return self.row.can_read_personal_data

    @strawberry.field(description="Whether the token may run registered (trusted) documents only.")
    def trusted_documents_only(self) -> bool:
        return self.row.trusted_documents_only

    @strawberry.field(
        description="Requests a minute its holder may make; null: the server's limit for tokens."
    )
    def rate_limit_per_minute(self) -> int | None:
        return self.row.rate_limit_per_minute

    @strawberry.field(
        description="Browser origins the token may be used from; null: those the server allows for everyone."
    )
    def allowed_origins(self) -> list[str] | None:
        return self.row.allowed_origins

    @strawberry.field(description="When the token was created.")
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="When the token stops working; null: never.")
    def expires_at(self) -> datetime | None:
        return self.row.expires_at

    @strawberry.field(description="When the token was last used (to the minute).")
    def last_used_at(self) -> datetime | None:
        return self.row.last_used_at

    @strawberry.field(description="When the token was revoked; null: not revoked.")
    def revoked_at(self) -> datetime | None:
        return self.row.revoked_at

    @strawberry.field(description="Whether the token works now: neither revoked nor expired.")
    def is_active(self) -> bool:
        expires_at = self.row.expires_at
        return self.row.revoked_at is None and (expires_at is None or expires_at > datetime.now(UTC))

    @strawberry.field(description="The user who created the token, and whose token it is.")
    def created_by(self) -> User | None:
        if self.row.created_by_id is None:
            return None
        owner: models.User = self.row.created_by  # type: ignore[assignment]
        return User(row=owner)


@strawberry.type(description="One write: who did what to which object, when, from which request.")
class AuditEvent:
    row: strawberry.Private[content_models.AuditEvent]

    @strawberry.field(description="Globally unique, opaque ID.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("AuditEvent", self.row.id))

    @strawberry.field(description="When the write happened.")
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="What was done, e.g. `content.publish` or `accounts.token.create`.")
    def action(self) -> str:
        return self.row.action

    @strawberry.field(description="The type of the object written, e.g. `Organisation` or `ApiToken`.")
    def content_type(self) -> str | None:
        return self.row.content_type

    @strawberry.field(description="Global ID of the object written (it may since have been deleted).")
    def object_id(self) -> strawberry.ID | None:
        if self.row.content_type is None or self.row.object_id is None:
            return None
        return strawberry.ID(encode_global_id(self.row.content_type, self.row.object_id))

    @strawberry.field(description="Who did it: the token (with its name) that was used.")
    def actor_name(self) -> str:
        return self.row.actor_name

    @strawberry.field(description="The X-Request-ID of the request that did it.")
    def request_id(self) -> str | None:
        return self.row.request_id

    @strawberry.field(description="What changed, e.g. the changed fields and the new version.")
    def details(self) -> JSON:
        return JSON(self.row.details)


@strawberry.type(name="Actor", description="Who is calling: anonymous, or the holder of an API token.")
class Caller:
    actor: strawberry.Private[actor.Actor]

    @strawberry.field(description="The role of the caller's token; null for anonymous callers.")
    def role(self) -> Role | None:
        return self.actor.role

    @strawberry.field(description="The token (prefix and name) the caller used, or `anonymous`.")
    def name(self) -> str:
        return self.actor.name

    @strawberry.field(description="Everything the caller may do.")
    def permissions(self) -> list[Permission]:
        return sorted(self.actor.permissions)

"""Mutations of accounts administration: create and revoke API tokens, create and update users."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from sern_graph.accounts import services
from sern_graph.accounts.models import Role
from sern_graph.accounts.types import ApiToken, User
from sern_graph.content.graphql import UserError
from sern_graph.content.inputs import clean, given, object_id
from sern_graph.content.outcome import outcome
from sern_graph.context import Context


@strawberry.input(description="A new API token.")
class CreateApiTokenInput:
    name: str = strawberry.field(description="What the token is for, e.g. 'Luleå website'.")
    role: Role = strawberry.field(default=Role.READER, description="What its holder may do.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="When it stops working (UTC when it has no offset); default: never."
    )
    can_preview: bool = strawberry.field(default=False, description="Let a reader token read drafts.")
    can_read_personal_data: bool = strawberry.field(
        default=False, description="Let a reader token read people's e-mail and phone (personal data)."
    )
    trusted_documents_only: bool = strawberry.field(
        default=False, description="Let the token run registered (trusted) documents only."
    )
    rate_limit_per_minute: int | None = strawberry.field(
        default=None,
        description="Requests a minute its holder may make; default: the server's limit for tokens.",
    )
    allowed_origins: list[str] | None = strawberry.field(
        default=None,
        description="Browser origins (https://host[:port]) it may be used from; a request from any "
        "other is refused (ORIGIN_NOT_ALLOWED). Default: the origins the server allows for everyone.",
    )


@strawberry.input(description="The API token to revoke.")
class RevokeApiTokenInput:
    id: strawberry.ID = strawberry.field(description="The token.")


@strawberry.input(description="A new user.")
class CreateUserInput:
    username: str = strawberry.field(description="3 to 150 letters, digits, dots, dashes or underscores.")
    password: str = strawberry.field(description="At least 12 characters; stored as an argon2 hash.")
    role: Role = strawberry.field(default=Role.EDITOR, description="What the user may do.")
    email: str | None = strawberry.field(default=None, description="E-mail address of the user.")


@strawberry.input(description="Changes to a user; fields left out keep their values.")
class UpdateUserInput:
    id: strawberry.ID = strawberry.field(description="The user.")
    role: Role | None = strawberry.field(
        default=strawberry.UNSET, description="What the user may do; the last active admin stays admin."
    )
    email: str | None = strawberry.field(default=strawberry.UNSET, description="E-mail; null clears it.")
    is_active: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether the user may sign in; the last active admin stays."
    )
    password: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new password, at least 12 characters."
    )

    def changes(self) -> dict[str, Any]:
        """The fields sent, by column name (a null is sent too: the service reports it)."""
        values = {
            "role": self.role,
            "email": clean(self.email),
            "is_active": self.is_active,
            "password": self.password,
        }
        return {name: value for name, value in values.items() if given(value)}


@strawberry.type(description="The result of createApiToken.")
class CreateApiTokenPayload:
    token: ApiToken | None = strawberry.field(description="The token as saved.")
    secret: str | None = strawberry.field(
        description="The token to send as `Authorization: Bearer <secret>`. Shown here only, once: "
        "it is stored hashed and cannot be shown again."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.type(description="The result of an API token mutation.")
class ApiTokenPayload:
    token: ApiToken | None = strawberry.field(description="The token as saved.")
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.type(description="The result of a user mutation.")
class UserPayload:
    user: User | None = strawberry.field(description="The user as saved.")
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.type
class AccountMutation:
    @strawberry.mutation(
        description="Create an API token, owned by the calling admin's user. Its secret is in the "
        "payload, once. Admins only."
    )
    async def create_api_token(
        self,
        info: Info[Context, None],
        input: Annotated[CreateApiTokenInput, strawberry.argument(description="The token.")],
    ) -> CreateApiTokenPayload:
        write = services.create_token_as(
            info.context.actor,
            input.name,
            input.role,
            expires_at=input.expires_at,
            can_preview=input.can_preview,
            can_read_personal_data=input.can_read_personal_data,
            trusted_documents_only=input.trusted_documents_only,
            rate_limit_per_minute=input.rate_limit_per_minute,
            allowed_origins=input.allowed_origins,
        )
        created, errors = await outcome(write)
        if created is None:
            return CreateApiTokenPayload(token=None, secret=None, user_errors=errors)
        token, secret = created
        return CreateApiTokenPayload(token=ApiToken(row=token), secret=secret, user_errors=[])

    @strawberry.mutation(
        description="Revoke an API token: it stops working at once. Revoking a revoked token changes "
        "nothing. Admins only."
    )
    async def revoke_api_token(
        self,
        info: Info[Context, None],
        input: Annotated[RevokeApiTokenInput, strawberry.argument(description="The token.")],
    ) -> ApiTokenPayload:
        pk = object_id(input.id, "ApiToken") or 0
        token, errors = await outcome(services.revoke_token_as(info.context.actor, pk))
        if token is None:
            return ApiTokenPayload(token=None, user_errors=errors)
        await token.fetch_related("created_by")
        return ApiTokenPayload(token=ApiToken(row=token), user_errors=[])

    @strawberry.mutation(description="Create a user. Admins only.")
    async def create_user(
        self,
        info: Info[Context, None],
        input: Annotated[CreateUserInput, strawberry.argument(description="The user.")],
    ) -> UserPayload:
        write = services.create_user_as(
            info.context.actor, input.username, input.password, input.role, clean(input.email)
        )
        user, errors = await outcome(write)
        return UserPayload(user=User(row=user) if user is not None else None, user_errors=errors)

    @strawberry.mutation(
        description="Change a user's role, e-mail, password or whether they may sign in. The last "
        "active admin cannot be demoted or deactivated (LAST_ADMIN). Admins only."
    )
    async def update_user(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateUserInput, strawberry.argument(description="The changes.")],
    ) -> UserPayload:
        pk = object_id(input.id, "User") or 0
        user, errors = await outcome(services.update_user_as(info.context.actor, pk, input.changes()))
        return UserPayload(user=User(row=user) if user is not None else None, user_errors=errors)

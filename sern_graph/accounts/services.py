"""The only writers of users and tokens; each checks what it is given before it writes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from sern_graph.accounts import passwords, tokens
from sern_graph.accounts.actor import Actor
from sern_graph.accounts.models import ApiToken, Role, User
from sern_graph.accounts.permissions import permissions_of
from sern_graph.core.validation import FieldError, ValidationFailed

USERNAME = re.compile(r"^[A-Za-z0-9._-]{3,150}$")
# How stale `last_used_at` may get before a request writes it again.
LAST_USED_RESOLUTION = timedelta(minutes=1)


class AuthenticationFailed(Exception):
    """The credentials were given but are not valid; the message says why."""


class TokenNotFound(Exception):
    pass


async def create_user(username: str, password: str, role: Role, email: str | None = None) -> User:
    """Creates an account; raises ValidationFailed listing every problem with the input."""
    errors: list[FieldError] = []
    if not USERNAME.match(username):
        errors.append(
            FieldError("username", "INVALID", "3 to 150 letters, digits, dots, dashes or underscores.")
        )
    elif await User.exists(username=username):
        errors.append(FieldError("username", "TAKEN", f"The username '{username}' is taken."))
    if len(password) < passwords.MIN_LENGTH:
        errors.append(FieldError("password", "TOO_SHORT", f"At least {passwords.MIN_LENGTH} characters."))
    if email is not None and not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", email):
        errors.append(FieldError("email", "INVALID", "Not an e-mail address."))
    if errors:
        raise ValidationFailed(errors)
    return await User.create(
        username=username, password_hash=passwords.hash_password(password), role=role, email=email
    )


async def create_token(
    name: str,
    role: Role,
    *,
    created_by: User | None = None,
    expires_at: datetime | None = None,
    can_preview: bool = False,
) -> tuple[ApiToken, str]:
    """A new token and its secret; the secret is not stored and cannot be shown again."""
    errors: list[FieldError] = []
    if not name.strip() or len(name) > 200:
        errors.append(FieldError("name", "INVALID", "A name of 1 to 200 characters."))
    if expires_at is not None and expires_at <= datetime.now(UTC):
        errors.append(FieldError("expiresAt", "IN_THE_PAST", "The expiry must be in the future."))
    if errors:
        raise ValidationFailed(errors)
    secret = tokens.new_token()
    token = await ApiToken.create(
        name=name.strip(),
        prefix=tokens.visible_prefix(secret),
        token_hash=tokens.token_hash(secret),
        role=role,
        can_preview=can_preview,
        created_by=created_by,
        expires_at=expires_at,
    )
    return token, secret


async def revoke_token(id_or_prefix: str) -> ApiToken:
    """Revokes the token with this id or visible prefix; raises TokenNotFound when none matches."""
    condition = Q(prefix=id_or_prefix)
    if id_or_prefix.isdigit():
        condition |= Q(id=int(id_or_prefix))
    async with in_transaction():
        token = await ApiToken.filter(condition).select_for_update().first()
        if token is None:
            raise TokenNotFound(id_or_prefix)
        if token.revoked_at is None:
            token.revoked_at = datetime.now(UTC)
            await token.save(update_fields=["revoked_at"])
    return token


async def authenticate(secret: str) -> Actor:
    """The actor a bearer token stands for; raises AuthenticationFailed saying why it is refused."""
    token = await ApiToken.get_or_none(token_hash=tokens.token_hash(secret))
    now = datetime.now(UTC)
    if token is None:
        raise AuthenticationFailed("The token is not valid.")
    if token.revoked_at is not None:
        raise AuthenticationFailed("The token has been revoked.")
    if token.expires_at is not None and token.expires_at <= now:
        raise AuthenticationFailed("The token has expired.")
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        await ApiToken.filter(id=token.id).update(last_used_at=now)
    return Actor(
        role=token.role,
        token_id=token.id,
        user_id=token.created_by_id,
        name=f"token {token.prefix}… ({token.name})",
        permissions=permissions_of(token.role, can_preview=token.can_preview),
    )

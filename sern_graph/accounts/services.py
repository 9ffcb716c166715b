"""The only writers of users and tokens; each checks what it is given before it writes."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from sern_graph.accounts import passwords, tokens
from sern_graph.accounts.actor import Actor
from sern_graph.accounts.models import ApiToken, Role, User
from sern_graph.accounts.permissions import Permission, permissions_of
from sern_graph.content.audit import record_audit
from sern_graph.content.service import require
from sern_graph.core.validation import FieldError, ValidationFailed
from sern_graph.security.origin import normalise_origin

USERNAME = re.compile(r"^[A-Za-z0-9._-]{3,150}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
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
    errors += _password_errors(password) + _email_errors(email)
    if errors:
        raise ValidationFailed(errors)
    return await User.create(
        username=username, password_hash=passwords.hash_password(password), role=role, email=email
    )


def _password_errors(password: str) -> list[FieldError]:
    if len(password) < passwords.MIN_LENGTH:
        return [FieldError("password", "TOO_SHORT", f"At least {passwords.MIN_LENGTH} characters.")]
    return []


def _email_errors(email: str | None) -> list[FieldError]:
    if email is not None and not EMAIL.match(email):
        return [FieldError("email", "INVALID", "Not an e-mail address.")]
    return []


async def create_token(
    name: str,
    role: Role,
    *,
    created_by: User | None = None,
    expires_at: datetime | None = None,
    can_preview: bool = False,
    can_read_personal_data: bool = False,
    trusted_documents_only: bool = False,
    rate_limit_per_minute: int | None = None,
    allowed_origins: list[str] | None = None,
) -> tuple[ApiToken, str]:
    """A new token and its secret; the secret is not stored and cannot be shown again."""
    errors: list[FieldError] = []
    if not name.strip() or len(name) > 200:
        errors.append(FieldError("name", "INVALID", "A name of 1 to 200 characters."))
    if expires_at is not None and expires_at <= datetime.now(UTC):
        errors.append(FieldError("expiresAt", "IN_THE_PAST", "The expiry must be in the future."))
    if rate_limit_per_minute is not None and rate_limit_per_minute < 1:
        errors.append(FieldError("rateLimitPerMinute", "INVALID", "At least 1 request a minute."))
    origins, origin_errors = _origins(allowed_origins)
    errors += origin_errors
    if errors:
        raise ValidationFailed(errors)
    secret = tokens.new_token()
    token = await ApiToken.create(
        name=name.strip(),
        prefix=tokens.visible_prefix(secret),
        token_hash=tokens.token_hash(secret),
        role=role,
        can_preview=can_preview,
        can_read_personal_data=can_read_personal_data,
        trusted_documents_only=trusted_documents_only,
        rate_limit_per_minute=rate_limit_per_minute,
        allowed_origins=origins,
        created_by=created_by,
        expires_at=expires_at,
    )
    return token, secret


def _origins(values: list[str] | None) -> tuple[list[str] | None, list[FieldError]]:
    """The origins as browsers send them, without repeats, and a problem for each that is not one."""
    if values is None:
        return None, []
    origins: list[str] = []
    errors: list[FieldError] = []
    for index, value in enumerate(values):
        origin = normalise_origin(value)
        if origin is None:
            message = f"'{value}' is not an origin like https://www.example.se (scheme, host, port)."
            errors.append(FieldError(f"allowedOrigins.{index}", "INVALID", message))
        elif origin not in origins:
            origins.append(origin)
    return origins, errors


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
    token = await ApiToken.get_or_none(token_hash=tokens.token_hash(secret)).select_related("created_by")
    now = datetime.now(UTC)
    if token is None:
        raise AuthenticationFailed("The token is not valid.")
    if token.revoked_at is not None:
        raise AuthenticationFailed("The token has been revoked.")
    if token.expires_at is not None and token.expires_at <= now:
        raise AuthenticationFailed("The token has expired.")
    # A token acts for its owner: a deactivated user's tokens stop working with the account.
    if token.created_by is not None and not token.created_by.is_active:
        raise AuthenticationFailed("The token's user account is deactivated.")
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        await ApiToken.filter(id=token.id).update(last_used_at=now)
    return Actor(
        role=token.role,
        token_id=token.id,
        user_id=token.created_by_id,
        name=f"token {token.prefix}… ({token.name})",
        permissions=permissions_of(
            token.role, can_preview=token.can_preview, can_read_personal_data=token.can_read_personal_data
        ),
        trusted_documents_only=token.trusted_documents_only,
        rate_limit_per_minute=token.rate_limit_per_minute,
        allowed_origins=frozenset(token.allowed_origins) if token.allowed_origins is not None else None,
    )


# Account administration by an actor (GraphQL): permission check, the change and its audit event in
# one transaction, problems reported as paths under the mutation's `input`.

# The user columns `update_user_as` may change, with their input names (the error paths).
USER_CHANGES = {"role": "role", "email": "email", "is_active": "isActive", "password": "password"}


async def create_user_as(
    actor: Actor, username: str, password: str, role: Role, email: str | None = None
) -> User:
    """`create_user` by an admin, audited. Raises Unauthenticated or Forbidden unless the actor may
    manage accounts, ValidationFailed for bad input."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    try:
        async with in_transaction() as connection:
            user = await create_user(username, password, role, email)
            await record_audit(
                "accounts.user.create",
                actor,
                connection,
                content_type="User",
                object_id=user.id,
                details={"username": username, "role": role.value},
            )
    except ValidationFailed as failure:
        raise _in_input(failure.errors) from None
    except IntegrityError:
        # Someone took the username between the check and the insert; nothing was written.
        raise _in_input([FieldError("username", "TAKEN", f"The username '{username}' is taken.")]) from None
    return user


async def create_token_as(
    actor: Actor,
    name: str,
    role: Role,
    *,
    expires_at: datetime | None = None,
    can_preview: bool = False,
    can_read_personal_data: bool = False,
    trusted_documents_only: bool = False,
    rate_limit_per_minute: int | None = None,
    allowed_origins: list[str] | None = None,
) -> tuple[ApiToken, str]:
    """`create_token` by an admin, owned by the admin's user (if any), audited. A time without a zone
    is UTC. Raises Unauthenticated or Forbidden, or ValidationFailed for bad input."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    if expires_at is not None and expires_at.tzinfo is None:
        expires_at = expires_at.replace(tzinfo=UTC)
    owner = await User.get_or_none(id=actor.user_id) if actor.user_id is not None else None
    try:
        async with in_transaction() as connection:
            token, secret = await create_token(
                name,
                role,
                created_by=owner,
                expires_at=expires_at,
                can_preview=can_preview,
                can_read_personal_data=can_read_personal_data,
                trusted_documents_only=trusted_documents_only,
                rate_limit_per_minute=rate_limit_per_minute,
                allowed_origins=allowed_origins,
            )
            details = {
                "name": token.name,
                "prefix": token.prefix,
                "role": role.value,
                "canPreview": can_preview,
                "canReadPersonalData": can_read_personal_data,
                "trustedDocumentsOnly": trusted_documents_only,
                "rateLimitPerMinute": rate_limit_per_minute,
                "allowedOrigins": token.allowed_origins,
                "expiresAt": expires_at.isoformat() if expires_at else None,
            }
            await record_audit(
                "accounts.token.create",
                actor,
                connection,
                content_type="ApiToken",
                object_id=token.id,
                details=details,
            )
    except ValidationFailed as failure:
        raise _in_input(failure.errors) from None
    return token, secret


async def revoke_token_as(actor: Actor, token_id: int) -> ApiToken:
    """Revokes a token by its id, audited; a revoked token stays as it is. Raises Unauthenticated or
    Forbidden, or ValidationFailed (NOT_FOUND) when there is no such token."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    async with in_transaction() as connection:
        token = await ApiToken.filter(id=token_id).select_for_update().first()
        if token is None:
            raise _in_input([FieldError("id", "NOT_FOUND", "No API token with this id.")])
        if token.revoked_at is None:
            token.revoked_at = datetime.now(UTC)
            await token.save(update_fields=["revoked_at"])
            await record_audit(
                "accounts.token.revoke",
                actor,
                connection,
                content_type="ApiToken",
                object_id=token.id,
                details={"name": token.name, "prefix": token.prefix},
            )
    return token


async def update_user_as(actor: Actor, user_id: int, changes: Mapping[str, Any]) -> User:
    """Sets the given fields (keys of USER_CHANGES; a null email clears it), audited. Never leaves
    the users without an active admin (LAST_ADMIN). Raises Unauthenticated or Forbidden, or
    ValidationFailed listing every problem."""
    require(actor, Permission.MANAGE_ACCOUNTS)
    errors = _change_errors(changes)
    async with in_transaction() as connection:
        # The user and every active admin, locked in id order: two admins demoting each other at
        # once wait for one another instead of both succeeding.
        rows = (
            await User.filter(Q(id=user_id) | Q(role=Role.ADMIN, is_active=True))
            .order_by("id")
            .select_for_update()
        )
        user = next((row for row in rows if row.id == user_id), None)
        if user is None:
            errors.insert(0, FieldError("id", "NOT_FOUND", "No user with this id."))
        elif _leaves_no_admin(user, changes, others=[row for row in rows if row.id != user_id]):
            field = "isActive" if changes.get("is_active") is False else "role"
            message = "This is the last active admin: make another user an admin first."
            errors.append(FieldError(field, "LAST_ADMIN", message))
        if errors or user is None:
            raise _in_input(errors)
        details = _apply(user, changes)
        if details["changedFields"]:
            await user.save()
            await record_audit(
                "accounts.user.update",
                actor,
                connection,
                content_type="User",
                object_id=user.id,
                details=details,
            )
    return user


def _change_errors(changes: Mapping[str, Any]) -> list[FieldError]:
    errors = [
        FieldError(USER_CHANGES[name], "REQUIRED", "This field cannot be null.")
        for name in ("role", "is_active", "password")
        if name in changes and changes[name] is None
    ]
    if changes.get("password") is not None:
        errors += _password_errors(changes["password"])
    return errors + _email_errors(changes.get("email"))


def _leaves_no_admin(user: User, changes: Mapping[str, Any], others: list[User]) -> bool:
    """Whether the change demotes or deactivates the last active admin (`others`: the rest)."""
    if user.role != Role.ADMIN or not user.is_active or others:
        return False
    return changes.get("role", Role.ADMIN) != Role.ADMIN or changes.get("is_active") is False


def _apply(user: User, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Sets the changes on `user`; returns the audit details: what changed (never a password)."""
    changed = [
        name
        for name in USER_CHANGES
        if name in changes and (name == "password" or getattr(user, name) != changes[name])
    ]
    details: dict[str, Any] = {
        "username": user.username,
        "changedFields": [USER_CHANGES[name] for name in changed],
    }
    for name in changed:
        if name == "password":
            user.password_hash = passwords.hash_password(changes[name])
            continue
        if name != "email":
            details[USER_CHANGES[name]] = {"from": getattr(user, name), "to": changes[name]}
        setattr(user, name, changes[name])
    return details


def _in_input(errors: list[FieldError]) -> ValidationFailed:
    """The problems as paths under a mutation's `input` argument, e.g. `input.password`."""
    return ValidationFailed([replace(error, field=f"input.{error.field}") for error in errors])

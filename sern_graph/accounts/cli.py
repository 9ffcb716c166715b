"""`sern-graph create-user | create-token | revoke-token | list-tokens`."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

import click

from sern_graph import db
from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role, User
from sern_graph.core.validation import ValidationFailed
from sern_graph.settings import get_settings

T = TypeVar("T")
ROLES = click.Choice([role.value for role in Role])


def run_with_database(work: Callable[[], Awaitable[T]]) -> T:
    """Migrates, connects, runs `work`, disconnects; validation problems become a clean exit."""

    async def wrapped() -> T:
        settings = get_settings()
        await db.migrate(settings)
        await db.connect(settings)
        try:
            return await work()
        finally:
            await db.disconnect()

    try:
        return asyncio.run(wrapped())
    except ValidationFailed as failure:
        raise click.ClickException(
            "; ".join(f"{error.field}: {error.message}" for error in failure.errors)
        ) from None


@click.command("create-user", help="Create a user who can sign in (the admin UI) and own tokens.")
@click.argument("username")
@click.option("--role", type=ROLES, default=Role.EDITOR.value, show_default=True)
@click.option("--email", default=None, help="E-mail address of the user.")
@click.password_option(
    "--password", envvar="SERN_NEW_PASSWORD", help="Prompted for when not given (or SERN_NEW_PASSWORD)."
)
def create_user(username: str, role: str, email: str | None, password: str) -> None:
    user = run_with_database(lambda: services.create_user(username, password, Role(role), email))
    click.echo(f"Created {user.role.value} '{user.username}' (id {user.id}).")


@click.command("create-token", help="Create an API token; it is shown once and stored hashed.")
@click.option("--name", required=True, help="What the token is for, e.g. 'Luleå website'.")
@click.option("--role", type=ROLES, default=Role.READER.value, show_default=True)
@click.option("--user", "username", default=None, help="The user the token belongs to.")
@click.option("--expires-in-days", type=click.IntRange(min=1), default=None, help="Default: never expires.")
@click.option("--preview", is_flag=True, help="Let a reader token read drafts.")
@click.option("--personal-data", is_flag=True, help="Let a reader token read people's e-mail and phone.")
@click.option(
    "--trusted-documents-only", is_flag=True, help="Let the token run registered (trusted) documents only."
)
@click.option(
    "--rate-limit",
    type=click.IntRange(min=1),
    default=None,
    help="Requests a minute; default: SERN_RATE_LIMIT_PER_TOKEN.",
)
@click.option(
    "--allowed-origin",
    "allowed_origins",
    multiple=True,
    help="A browser origin (https://host[:port]) the token may be used from; repeat for more. "
    "Default: those of SERN_CORS_ORIGINS.",
)
def create_token(
    name: str,
    role: str,
    username: str | None,
    expires_in_days: int | None,
    preview: bool,
    personal_data: bool,
    trusted_documents_only: bool,
    rate_limit: int | None,
    allowed_origins: tuple[str, ...],
) -> None:
    async def work() -> tuple[ApiToken, str]:
        owner = None
        if username is not None:
            owner = await User.get_or_none(username=username)
            if owner is None:
                raise click.ClickException(f"No user '{username}'.")
        expires_at = datetime.now(UTC) + timedelta(days=expires_in_days) if expires_in_days else None
        return await services.create_token(
            name,
            Role(role),
            created_by=owner,
            expires_at=expires_at,
            can_preview=preview,
            can_read_personal_data=personal_data,
            trusted_documents_only=trusted_documents_only,
            rate_limit_per_minute=rate_limit,
            allowed_origins=list(allowed_origins) or None,
        )

    token, secret = run_with_database(work)
    click.echo(
        f"Created {token.role.value} token {token.id} '{token.name}'. Keep it now, it is not shown again:"
    )
    click.echo(secret)


@click.command("revoke-token", help="Revoke a token by its id or its visible prefix.")
@click.argument("token")
def revoke_token(token: str) -> None:
    async def work() -> ApiToken:
        try:
            return await services.revoke_token(token)
        except services.TokenNotFound:
            raise click.ClickException(f"No token with id or prefix '{token}'.") from None

    revoked = run_with_database(work)
    click.echo(f"Revoked token {revoked.id} '{revoked.name}' ({revoked.prefix}…).")


@click.command("list-tokens", help="List API tokens (never their secrets).")
def list_tokens() -> None:
    async def work() -> list[ApiToken]:
        return await ApiToken.all().order_by("id")

    for token in run_with_database(work):
        state = "revoked" if token.revoked_at else "active"
        expires = token.expires_at.date().isoformat() if token.expires_at else "never"
        click.echo(
            f"{token.id}\t{token.prefix}…\t{token.role.value}\t{state}\texpires {expires}\t{token.name}"
        )


COMMANDS = [create_user, create_token, revoke_token, list_tokens]

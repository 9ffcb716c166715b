"""Users, API tokens and what a token lets its holder read."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role, User
from sern_graph.accounts.passwords import verify_password
from sern_graph.core.validation import ValidationFailed
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient

CONTACT_QUERY = '{ person(slug: "anita-lindfors") { givenName phone email } }'


@pytest.fixture
async def tokens(settings: Settings) -> AsyncIterator[dict[str, str]]:
    """Secrets of an editor, a reader, a revoked and an expired token; removed afterwards."""
    editor, editor_secret = await services.create_token("test editor", Role.EDITOR)
    _, reader_secret = await services.create_token("test reader", Role.READER)
    revoked, revoked_secret = await services.create_token("test revoked", Role.EDITOR)
    await services.revoke_token(str(revoked.id))
    expired, expired_secret = await services.create_token(
        "test expired", Role.EDITOR, expires_at=datetime.now(UTC) + timedelta(hours=1)
    )
    await ApiToken.filter(id=expired.id).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    yield {
        "editor": editor_secret,
        "reader": reader_secret,
        "revoked": revoked_secret,
        "expired": expired_secret,
        "editor_id": str(editor.id),
    }
    await ApiToken.filter(name__startswith="test ").delete()


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


async def test_create_user_reports_every_problem_and_writes_nothing(settings: Settings) -> None:
    before = await User.all().count()
    with pytest.raises(ValidationFailed) as failure:
        await services.create_user("x", "short", Role.EDITOR, email="not-an-address")
    assert {(error.field, error.code) for error in failure.value.errors} == {
        ("username", "INVALID"),
        ("password", "TOO_SHORT"),
        ("email", "INVALID"),
    }
    assert await User.all().count() == before


async def test_create_user_stores_an_argon2_hash_not_the_password(settings: Settings) -> None:
    user = await services.create_user("test-hash-user", "a long enough password", Role.ADMIN)
    try:
        assert user.password_hash.startswith("$argon2id$")
        assert "a long enough password" not in user.password_hash
        assert verify_password(user.password_hash, "a long enough password")
        assert not verify_password(user.password_hash, "a wrong password!!")
        with pytest.raises(ValidationFailed):
            await services.create_user("test-hash-user", "another long password", Role.EDITOR)
    finally:
        await user.delete()


async def test_token_secret_is_not_stored(tokens: dict[str, str]) -> None:
    token = await ApiToken.get(id=int(tokens["editor_id"]))
    stored = " ".join(str(value) for value in (token.token_hash, token.prefix, token.name))
    assert tokens["editor"] not in stored
    assert tokens["editor"].startswith(token.prefix)


async def test_editor_token_reads_personal_contact_data(gql: GraphQLClient, tokens: dict[str, str]) -> None:
    person = (await gql.data(CONTACT_QUERY, headers=bearer(tokens["editor"])))["person"]
    assert person["phone"] == "070-583 58 07"


@pytest.mark.parametrize("who", ["anonymous", "reader"])
async def test_personal_contact_data_hidden_without_permission(
    gql: GraphQLClient, tokens: dict[str, str], who: str
) -> None:
    headers = bearer(tokens["reader"]) if who == "reader" else {}
    body = await gql(CONTACT_QUERY, headers=headers)
    assert body["data"]["person"] == {"givenName": "Anita", "phone": None, "email": None}
    assert {error["extensions"]["code"] for error in body["errors"]} == {"FORBIDDEN"}


@pytest.mark.parametrize(
    ("header", "reason"),
    [
        ("revoked", "revoked"),
        ("expired", "expired"),
        ("unknown", "not valid"),
        ("malformed", "Bearer <token>"),
    ],
)
async def test_refused_credentials_get_401_unauthenticated(
    gql: GraphQLClient, tokens: dict[str, str], header: str, reason: str
) -> None:
    value = {
        "revoked": f"Bearer {tokens['revoked']}",
        "expired": f"Bearer {tokens['expired']}",
        "unknown": "Bearer sern_not-a-real-token",
        "malformed": f"Token {tokens['editor']}",
    }[header]
    response = await gql.client.post(
        "/graphql", json={"query": CONTACT_QUERY}, headers={"Authorization": value}
    )
    assert response.status_code == 401
    body = response.json()
    assert "data" not in body
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert reason in body["errors"][0]["message"]


async def test_token_use_is_recorded(gql: GraphQLClient, tokens: dict[str, str]) -> None:
    await gql.data("{ themes { slug } }", headers=bearer(tokens["reader"]))
    token = await ApiToken.get(name="test reader")
    assert token.last_used_at is not None


def test_cli_creates_user_and_tokens_and_revokes_them(tmp_path: Path) -> None:
    environment = {**os.environ, "SERN_DATABASE_URL": f"sqlite://{tmp_path / 'cli.db'}"}

    def cli(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "sern_graph", *arguments],
            env=environment,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    created = cli("create-user", "admin", "--role", "admin", "--password", "a long admin password")
    assert created.returncode == 0, created.stderr
    refused = cli("create-user", "admin", "--password", "short")
    assert refused.returncode != 0
    assert "password" in refused.stderr
    assert "taken" in refused.stderr
    token = cli("create-token", "--name", "portal", "--role", "reader", "--user", "admin")
    assert token.returncode == 0, token.stderr
    secret = token.stdout.strip().splitlines()[-1]
    assert secret.startswith("sern_")
    listed = cli("list-tokens")
    assert secret[:12] in listed.stdout
    assert secret not in listed.stdout
    assert "active" in listed.stdout
    revoked = cli("revoke-token", secret[:12])
    assert revoked.returncode == 0, revoked.stderr
    assert "revoked" in cli("list-tokens").stdout
    assert cli("revoke-token", "no-such-token").returncode != 0


async def test_deactivated_users_tokens_are_refused(gql: GraphQLClient, settings: Settings) -> None:
    user = await services.create_user("test-deactivated", "a long enough password", Role.EDITOR)
    token, secret = await services.create_token("test deactivated", Role.EDITOR, created_by=user)
    try:
        assert (await gql.data("{ themes { slug } }", headers=bearer(secret)))["themes"]
        await User.filter(id=user.id).update(is_active=False)
        response = await gql.client.post(
            "/graphql", json={"query": "{ themes { slug } }"}, headers=bearer(secret)
        )
        assert response.status_code == 401
        assert "deactivated" in response.json()["errors"][0]["message"]
    finally:
        await token.delete()
        await user.delete()

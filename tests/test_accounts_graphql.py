"""Accounts administration through GraphQL: tokens, users, the audit log, the caller; admins only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from tortoise.expressions import Q

from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role, User
from sern_graph.accounts.passwords import verify_password
from sern_graph.content.models import AuditEvent, Revision
from sern_graph.core.ids import decode_global_id, encode_global_id
from sern_graph.organisations.models import Organisation
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient
from tests.sql_counter import count_statements

TOKEN_FIELDS = (
    "id name prefix role canPreview createdAt expiresAt lastUsedAt revokedAt isActive createdBy { username }"
)
USER_FIELDS = "id username email role isActive createdAt lastLoginAt"
ERRORS = "userErrors { field message code }"
CREATE_TOKEN = f"""mutation($input: CreateApiTokenInput!) {{
  createApiToken(input: $input) {{ token {{ {TOKEN_FIELDS} }} secret {ERRORS} }}
}}"""
REVOKE_TOKEN = f"""mutation($input: RevokeApiTokenInput!) {{
  revokeApiToken(input: $input) {{ token {{ {TOKEN_FIELDS} }} {ERRORS} }}
}}"""
CREATE_USER = f"""mutation($input: CreateUserInput!) {{
  createUser(input: $input) {{ user {{ {USER_FIELDS} }} {ERRORS} }}
}}"""
UPDATE_USER = f"""mutation($input: UpdateUserInput!) {{
  updateUser(input: $input) {{ user {{ {USER_FIELDS} }} {ERRORS} }}
}}"""
LIST = "query($first: Int) {{ {field}(first: $first) {{ totalCount edges {{ node {{ {fields} }} }} }} }}"
TOKENS = LIST.format(field="apiTokens", fields=TOKEN_FIELDS)
USERS = LIST.format(field="users", fields=USER_FIELDS)
AUDIT = """query($first: Int, $filter: AuditEventFilter) {
  auditLog(first: $first, filter: $filter) {
    totalCount
    edges { node { id createdAt action contentType objectId actorName requestId details } }
  }
}"""
ME = "{ me { role name permissions } }"
PASSWORD = "a long enough password"


@dataclass
class Callers:
    """Bearer headers of an admin (owned by the admin user), an editor and a reader token."""

    admin: dict[str, str]
    editor: dict[str, str]
    reader: dict[str, str]
    admin_user: User

    def of(self, who: str) -> dict[str, str]:
        return {"admin": self.admin, "editor": self.editor, "reader": self.reader, "anonymous": {}}[who]


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


@pytest.fixture
async def callers(settings: Settings) -> AsyncIterator[Callers]:
    admin_user = await services.create_user("test-agql-admin", PASSWORD, Role.ADMIN)
    _, admin = await services.create_token("test agql admin", Role.ADMIN, created_by=admin_user)
    _, editor = await services.create_token("test agql editor", Role.EDITOR)
    _, reader = await services.create_token("test agql reader", Role.READER, can_preview=True)
    yield Callers(bearer(admin), bearer(editor), bearer(reader), admin_user)
    tokens = await ApiToken.filter(name__startswith="test agql").values_list("id", flat=True)
    users = await User.filter(username__startswith="test-agql").values_list("id", flat=True)
    organisations = await Organisation.filter(slug__startswith="test-agql").values_list("id", flat=True)
    await AuditEvent.filter(
        Q(token_id__in=tokens)
        | Q(content_type="ApiToken", object_id__in=tokens)
        | Q(content_type="User", object_id__in=users)
    ).delete()
    await Revision.filter(content_type="Organisation", object_id__in=organisations).delete()
    await Organisation.filter(id__in=organisations).delete()
    await ApiToken.filter(id__in=tokens).delete()
    await User.filter(id__in=users).delete()


def codes(payload: dict[str, Any]) -> set[tuple[str, str]]:
    return {(".".join(error["field"]), error["code"]) for error in payload["userErrors"]}


async def counts() -> tuple[int, int, int]:
    """This module's users, tokens and audit events (the database is shared with other tests)."""
    return (
        await User.filter(username__startswith="test-agql").count(),
        await ApiToken.filter(name__startswith="test agql").count(),
        await AuditEvent.filter(actor_name__contains="(test agql ").count(),
    )


async def create_token(gql: GraphQLClient, callers: Callers, **fields: Any) -> dict[str, Any]:
    variables = {"input": {"name": "test agql made", "role": "READER", **fields}}
    payload: dict[str, Any] = (await gql.data(CREATE_TOKEN, variables, headers=callers.admin))[
        "createApiToken"
    ]
    assert payload["userErrors"] == []
    return payload


async def create_user(gql: GraphQLClient, callers: Callers, username: str, **fields: Any) -> dict[str, Any]:
    variables = {"input": {"username": username, "password": PASSWORD, **fields}}
    payload = (await gql.data(CREATE_USER, variables, headers=callers.admin))["createUser"]
    assert payload["userErrors"] == []
    return payload["user"]  # type: ignore[no-any-return]


async def test_created_token_works_until_revoked(gql: GraphQLClient, callers: Callers) -> None:
    created = await create_token(gql, callers, canPreview=True)
    token, secret = created["token"], created["secret"]
    assert secret.startswith(token["prefix"])
    assert token["role"] == "READER"
    assert token["canPreview"] is True
    assert token["isActive"] is True
    assert token["revokedAt"] is None
    assert token["createdBy"] == {"username": "test-agql-admin"}

    me = (await gql.data(ME, headers=bearer(secret)))["me"]
    assert me["role"] == "READER"
    assert "test agql made" in me["name"]
    assert me["permissions"] == ["PREVIEW"]

    revoked = (await gql.data(REVOKE_TOKEN, {"input": {"id": token["id"]}}, headers=callers.admin))[
        "revokeApiToken"
    ]
    assert revoked["userErrors"] == []
    assert revoked["token"]["revokedAt"] is not None
    assert revoked["token"]["isActive"] is False
    assert revoked["token"]["createdBy"] == {"username": "test-agql-admin"}
    refused = await gql.client.post("/graphql", json={"query": ME}, headers=bearer(secret))
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"

    again = (await gql.data(REVOKE_TOKEN, {"input": {"id": token["id"]}}, headers=callers.admin))[
        "revokeApiToken"
    ]
    assert again["userErrors"] == []
    assert again["token"]["revokedAt"] == revoked["token"]["revokedAt"]
    pk = int((await ApiToken.get(prefix=token["prefix"])).id)
    actions = await AuditEvent.filter(content_type="ApiToken", object_id=pk).values_list("action", flat=True)
    assert sorted(actions) == ["accounts.token.create", "accounts.token.revoke"]

    unowned = encode_global_id("ApiToken", (await ApiToken.get(name="test agql reader")).id)
    revoked = (await gql.data(REVOKE_TOKEN, {"input": {"id": unowned}}, headers=callers.admin))[
        "revokeApiToken"
    ]
    assert (revoked["token"]["name"], revoked["token"]["createdBy"]) == ("test agql reader", None)


async def test_listing_tokens_never_shows_secrets_or_hashes(gql: GraphQLClient, callers: Callers) -> None:
    created = await create_token(gql, callers)
    stored = await ApiToken.get(prefix=created["token"]["prefix"])
    response = await gql.client.post("/graphql", json={"query": TOKENS}, headers=callers.admin)
    assert response.status_code == 200
    assert created["secret"] not in response.text
    assert stored.token_hash not in response.text
    for hashed in await ApiToken.all().values_list("token_hash", flat=True):
        assert hashed not in response.text
    nodes = [edge["node"] for edge in response.json()["data"]["apiTokens"]["edges"]]
    assert nodes[0]["id"] == created["token"]["id"], "newest first"
    by_name = {node["name"]: node for node in nodes}
    assert by_name["test agql editor"]["createdBy"] is None
    assert by_name["test agql admin"]["createdBy"] == {"username": "test-agql-admin"}
    audit = await gql.client.post(
        "/graphql", json={"query": AUDIT, "variables": {"first": 100}}, headers=callers.admin
    )
    assert created["secret"] not in audit.text
    assert stored.token_hash not in audit.text


async def test_admin_creates_lists_and_updates_users(gql: GraphQLClient, callers: Callers) -> None:
    user = await create_user(gql, callers, "test-agql-editor", role="EDITOR", email=" ed@example.se ")
    assert (user["username"], user["role"], user["email"], user["isActive"]) == (
        "test-agql-editor",
        "EDITOR",
        "ed@example.se",
        True,
    )
    assert user["id"] == encode_global_id("User", (await User.get(username="test-agql-editor")).id)

    response = await gql.client.post("/graphql", json={"query": USERS}, headers=callers.admin)
    assert PASSWORD not in response.text
    assert "$argon2" not in response.text
    for hashed in await User.all().values_list("password_hash", flat=True):
        assert hashed not in response.text
    names = [edge["node"]["username"] for edge in response.json()["data"]["users"]["edges"]]
    assert {"test-agql-admin", "test-agql-editor"} <= set(names)
    assert names == sorted(names)

    changes = {"id": user["id"], "role": "ADMIN", "email": None, "isActive": False, "password": "x" * 20}
    updated = (await gql.data(UPDATE_USER, {"input": changes}, headers=callers.admin))["updateUser"]
    assert updated["userErrors"] == []
    assert (updated["user"]["role"], updated["user"]["email"], updated["user"]["isActive"]) == (
        "ADMIN",
        None,
        False,
    )
    saved = await User.get(username="test-agql-editor")
    assert verify_password(saved.password_hash, "x" * 20)
    event = await AuditEvent.get(content_type="User", object_id=saved.id, action="accounts.user.update")
    assert event.details["changedFields"] == ["role", "email", "isActive", "password"]
    assert event.details["role"] == {"from": "editor", "to": "admin"}
    assert "x" * 20 not in str(event.details)

    # Only what is given changes; giving the values it already has writes nothing.
    partial = {"id": user["id"], "email": "new@example.se"}
    updated = (await gql.data(UPDATE_USER, {"input": partial}, headers=callers.admin))["updateUser"]
    assert (updated["user"]["email"], updated["user"]["role"]) == ("new@example.se", "ADMIN")
    before = await counts()
    same = {"id": user["id"], "email": "new@example.se", "role": "ADMIN"}
    assert (await gql.data(UPDATE_USER, {"input": same}, headers=callers.admin))["updateUser"][
        "userErrors"
    ] == []
    assert await counts() == before


ADMIN_FIELDS = [
    "apiTokens",
    "users",
    "auditLog",
    "createApiToken",
    "revokeApiToken",
    "createUser",
    "updateUser",
]


@pytest.mark.parametrize("who", ["editor", "reader", "anonymous"])
@pytest.mark.parametrize("field", ADMIN_FIELDS)
async def test_only_admins_manage_accounts_and_nothing_is_written(
    gql: GraphQLClient, callers: Callers, who: str, field: str
) -> None:
    admin_token = await ApiToken.get(name="test agql admin")
    token_id = encode_global_id("ApiToken", admin_token.id)
    user_id = encode_global_id("User", callers.admin_user.id)
    query, variables = {
        "apiTokens": (TOKENS, {}),
        "users": (USERS, {}),
        "auditLog": (AUDIT, {}),
        "createApiToken": (CREATE_TOKEN, {"input": {"name": "test agql refused", "role": "ADMIN"}}),
        "revokeApiToken": (REVOKE_TOKEN, {"input": {"id": token_id}}),
        "createUser": (CREATE_USER, {"input": {"username": "test-agql-refused", "password": PASSWORD}}),
        "updateUser": (UPDATE_USER, {"input": {"id": user_id, "role": "READER", "isActive": False}}),
    }[field]
    before = await counts()
    body = await gql(query, variables, headers=callers.of(who))
    assert body["errors"][0]["extensions"]["code"] == (
        "UNAUTHENTICATED" if who == "anonymous" else "FORBIDDEN"
    )
    assert body["data"] is None
    assert await counts() == before
    unchanged = await ApiToken.get(id=admin_token.id)
    assert unchanged.revoked_at is None
    admin_user = await User.get(id=callers.admin_user.id)
    assert (admin_user.role, admin_user.is_active) == (Role.ADMIN, True)


@pytest.mark.parametrize("who", ["admin", "editor", "reader", "anonymous"])
async def test_me_tells_every_caller_who_they_are(gql: GraphQLClient, callers: Callers, who: str) -> None:
    me = (await gql.data(ME, headers=callers.of(who)))["me"]
    expected_role = None if who == "anonymous" else who.upper()
    assert me["role"] == expected_role
    if who == "anonymous":
        assert me == {"role": None, "name": "anonymous", "permissions": []}
    else:
        assert f"test agql {who}" in me["name"]
    assert ("MANAGE_ACCOUNTS" in me["permissions"]) == (who == "admin")
    assert ("EDIT" in me["permissions"]) == (who in {"admin", "editor"})


async def test_create_token_reports_every_problem_and_writes_nothing(
    gql: GraphQLClient, callers: Callers
) -> None:
    before = await counts()
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    variables = {"input": {"name": "  ", "role": "EDITOR", "expiresAt": past}}
    payload = (await gql.data(CREATE_TOKEN, variables, headers=callers.admin))["createApiToken"]
    assert (payload["token"], payload["secret"]) == (None, None)
    assert codes(payload) == {("input.name", "INVALID"), ("input.expiresAt", "IN_THE_PAST")}
    naive_past = (datetime.now(UTC) - timedelta(hours=1)).replace(tzinfo=None).isoformat()
    variables = {"input": {"name": "test agql " + "x" * 200, "expiresAt": naive_past}}
    payload = (await gql.data(CREATE_TOKEN, variables, headers=callers.admin))["createApiToken"]
    assert codes(payload) == {("input.name", "INVALID"), ("input.expiresAt", "IN_THE_PAST")}
    assert await counts() == before

    future = (datetime.now(UTC) + timedelta(days=30)).replace(tzinfo=None).isoformat()
    created = await create_token(gql, callers, expiresAt=future)
    assert created["token"]["expiresAt"].startswith(future[:16])
    assert created["token"]["isActive"] is True


async def test_create_user_reports_every_problem_and_writes_nothing(
    gql: GraphQLClient, callers: Callers, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = await counts()
    variables = {"input": {"username": "x", "password": "short", "email": "not-an-address"}}
    payload = (await gql.data(CREATE_USER, variables, headers=callers.admin))["createUser"]
    assert payload["user"] is None
    assert codes(payload) == {
        ("input.username", "INVALID"),
        ("input.password", "TOO_SHORT"),
        ("input.email", "INVALID"),
    }
    variables = {"input": {"username": "test-agql-admin", "password": PASSWORD}}
    payload = (await gql.data(CREATE_USER, variables, headers=callers.admin))["createUser"]
    assert codes(payload) == {("input.username", "TAKEN")}

    async def not_seen(*args: Any, **kwargs: Any) -> bool:
        return False  # as if another request took the name between the check and the insert

    monkeypatch.setattr(User, "exists", not_seen)
    payload = (await gql.data(CREATE_USER, variables, headers=callers.admin))["createUser"]
    monkeypatch.undo()
    assert codes(payload) == {("input.username", "TAKEN")}
    assert await counts() == before
    assert not await User.exists(username="x")


async def test_update_user_reports_every_problem_and_writes_nothing(
    gql: GraphQLClient, callers: Callers
) -> None:
    user = await create_user(gql, callers, "test-agql-target", role="EDITOR", email="t@example.se")
    before = await counts()
    bad = {"id": user["id"], "role": None, "isActive": None, "password": "short", "email": "nobody"}
    payload = (await gql.data(UPDATE_USER, {"input": bad}, headers=callers.admin))["updateUser"]
    assert payload["user"] is None
    assert codes(payload) == {
        ("input.role", "REQUIRED"),
        ("input.isActive", "REQUIRED"),
        ("input.password", "TOO_SHORT"),
        ("input.email", "INVALID"),
    }
    payload = (
        await gql.data(UPDATE_USER, {"input": {"id": user["id"], "password": None}}, headers=callers.admin)
    )["updateUser"]
    assert codes(payload) == {("input.password", "REQUIRED")}
    for missing in (encode_global_id("User", 2**31 - 1), encode_global_id("Organisation", 1), "not-an-id"):
        variables = {"input": {"id": missing, "role": "READER", "email": "bad"}}
        payload = (await gql.data(UPDATE_USER, variables, headers=callers.admin))["updateUser"]
        assert codes(payload) == {("input.id", "NOT_FOUND"), ("input.email", "INVALID")}
    assert await counts() == before
    saved = await User.get(username="test-agql-target")
    assert (saved.role, saved.email, saved.is_active) == (Role.EDITOR, "t@example.se", True)
    assert verify_password(saved.password_hash, PASSWORD)


async def test_revoking_an_unknown_token_is_not_found(gql: GraphQLClient, callers: Callers) -> None:
    before = await counts()
    user_id = encode_global_id("User", callers.admin_user.id)
    for missing in (encode_global_id("ApiToken", 2**31 - 1), user_id, "not-an-id"):
        payload = (await gql.data(REVOKE_TOKEN, {"input": {"id": missing}}, headers=callers.admin))[
            "revokeApiToken"
        ]
        assert payload["token"] is None
        assert codes(payload) == {("input.id", "NOT_FOUND")}
    assert await counts() == before


async def test_the_last_active_admin_stays(gql: GraphQLClient, callers: Callers) -> None:
    others = User.filter(role=Role.ADMIN, is_active=True).exclude(username__startswith="test-agql")
    assert not await others.exists(), "another test left an active admin user behind"
    me = encode_global_id("User", callers.admin_user.id)
    for change, field in (({"role": "EDITOR"}, "role"), ({"isActive": False}, "isActive")):
        payload = (await gql.data(UPDATE_USER, {"input": {"id": me, **change}}, headers=callers.admin))[
            "updateUser"
        ]
        assert codes(payload) == {(f"input.{field}", "LAST_ADMIN")}
    assert (await User.get(id=callers.admin_user.id)).role == Role.ADMIN

    other = await create_user(gql, callers, "test-agql-second", role="ADMIN")
    demote = {"id": me, "role": "EDITOR"}
    assert (await gql.data(UPDATE_USER, {"input": demote}, headers=callers.admin))["updateUser"][
        "userErrors"
    ] == []
    # Now the other one is the last active admin, whoever asks.
    deactivate = {"id": other["id"], "isActive": False}
    payload = (await gql.data(UPDATE_USER, {"input": deactivate}, headers=callers.admin))["updateUser"]
    assert codes(payload) == {("input.isActive", "LAST_ADMIN")}
    # An inactive admin counts for nobody and may be changed freely.
    await User.filter(id=decode_global_id(other["id"])[1]).update(is_active=False)
    demote = {"id": other["id"], "role": "READER"}
    assert (await gql.data(UPDATE_USER, {"input": demote}, headers=callers.admin))["updateUser"][
        "userErrors"
    ] == []


async def test_audit_log_shows_account_and_content_writes(gql: GraphQLClient, callers: Callers) -> None:
    headers = {**callers.admin, "X-Request-ID": "test-agql-request"}
    user = await create_user(gql, callers, "test-agql-audited", role="READER")
    await gql.data(
        CREATE_USER, {"input": {"username": "test-agql-audited-2", "password": PASSWORD}}, headers=headers
    )
    organisation = {"name": "Test agql", "slug": "test-agql-org", "kind": "MUNICIPALITY", "countryCode": "SE"}
    created = await gql.data(
        """mutation($input: CreateOrganisationInput!) {
          createOrganisation(input: $input) { organisation { id } userErrors { code } }
        }""",
        {"input": organisation},
        headers=callers.editor,
    )
    organisation_id = created["createOrganisation"]["organisation"]["id"]

    content = (await gql.data(AUDIT, {"filter": {"objectId": organisation_id}}, headers=callers.admin))[
        "auditLog"
    ]
    assert content["totalCount"] == 1
    event = content["edges"][0]["node"]
    assert (event["action"], event["contentType"], event["objectId"]) == (
        "content.create",
        "Organisation",
        organisation_id,
    )
    assert "test agql editor" in event["actorName"]
    assert event["details"]["version"] == 1

    accounts = (
        await gql.data(
            AUDIT,
            {"first": 2, "filter": {"action": "accounts.user.create", "contentType": "User"}},
            headers=callers.admin,
        )
    )["auditLog"]
    newest, older = (edge["node"] for edge in accounts["edges"])
    assert newest["details"] == {"username": "test-agql-audited-2", "role": "editor"}
    assert newest["requestId"] == "test-agql-request"
    assert older["objectId"] == user["id"]
    assert older["createdAt"] <= newest["createdAt"]
    assert all("test agql admin" in node["actorName"] for node in (newest, older))

    window = {"objectId": user["id"], "since": older["createdAt"], "until": newest["createdAt"]}
    assert (await gql.data(AUDIT, {"filter": window}, headers=callers.admin))["auditLog"]["totalCount"] == 1
    later = {"objectId": user["id"], "since": (datetime.now(UTC) + timedelta(minutes=1)).isoformat()}
    assert (await gql.data(AUDIT, {"filter": later}, headers=callers.admin))["auditLog"]["totalCount"] == 0

    bad = await gql(AUDIT, {"filter": {"objectId": "not-an-id"}}, headers=callers.admin)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


@pytest.mark.parametrize("mutation", ["createUser", "createApiToken", "updateUser", "revokeApiToken"])
async def test_a_failed_audit_record_undoes_the_change(
    gql: GraphQLClient, callers: Callers, monkeypatch: pytest.MonkeyPatch, mutation: str
) -> None:
    target = await create_user(gql, callers, "test-agql-rollback", role="EDITOR")
    token = (await create_token(gql, callers))["token"]
    query, variables = {
        "createUser": (CREATE_USER, {"username": "test-agql-never", "password": PASSWORD}),
        "createApiToken": (CREATE_TOKEN, {"name": "test agql never"}),
        "updateUser": (UPDATE_USER, {"id": target["id"], "role": "ADMIN", "password": "y" * 20}),
        "revokeApiToken": (REVOKE_TOKEN, {"id": token["id"]}),
    }[mutation]

    async def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    before = await counts()
    monkeypatch.setattr(AuditEvent, "create", broken)
    body = await gql(query, {"input": variables}, headers=callers.admin)
    monkeypatch.undo()
    assert body["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert await counts() == before
    saved = await User.get(username="test-agql-rollback")
    assert saved.role == Role.EDITOR
    assert verify_password(saved.password_hash, PASSWORD)
    assert (await ApiToken.get(prefix=token["prefix"])).revoked_at is None


@pytest.mark.parametrize("field", ["apiTokens", "users", "auditLog"])
async def test_admin_lists_take_the_same_statements_whatever_their_length(
    gql: GraphQLClient, callers: Callers, field: str
) -> None:
    for number in range(5):
        await create_token(gql, callers, name=f"test agql listed {number}")
        await create_user(gql, callers, f"test-agql-listed-{number}")
    query = {"apiTokens": TOKENS, "users": USERS, "auditLog": AUDIT}[field]
    await gql.data(ME, headers=callers.admin)  # records the token's use, which is one more write
    statements: list[int] = []
    for first in (1, 5):
        with count_statements() as sent:
            page = await gql.data(query, {"first": first}, headers=callers.admin)
        assert len(page[field]["edges"]) == first
        statements.append(len(sent))
    assert statements[0] == statements[1]
    assert statements[0] <= 3  # authentication, the count and the page

"""Browser safety: CORS by an allowlist (global and per token), preflight, no mutation from a
cross-site form or over GET, and security headers on the GraphiQL page and on JSON."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role, User
from sern_graph.content.models import AuditEvent
from sern_graph.organisations.models import Organisation
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient

PORTAL = "https://sern.example"
PARTNER = "https://kiruna.example"
STRANGER = "https://elsewhere.example"
QUERY = {"query": "{ themes { slug } }"}
CREATE = (
    'mutation { createOrganisation(input: {name: "Test bs form", kind: MUNICIPALITY, countryCode: "SE"})'
    " { userErrors { code } } }"
)


@pytest.fixture
async def tokens(settings: Settings) -> AsyncIterator[dict[str, dict[str, str]]]:
    _, partner = await services.create_token("test bs partner", Role.READER, allowed_origins=[PARTNER])
    _, plain = await services.create_token("test bs plain", Role.READER)
    _, editor = await services.create_token("test bs editor", Role.EDITOR)
    yield {"partner": bearer(partner), "plain": bearer(plain), "editor": bearer(editor)}
    await ApiToken.filter(name__startswith="test bs").delete()


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def preflight(origin: str, method: str = "POST") -> dict[str, str]:
    return {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "content-type, authorization",
    }


def vary(response: httpx.Response) -> set[str]:
    return {name.strip().lower() for name in response.headers.get("vary", "").split(",")}


def code(response: httpx.Response) -> str:
    extensions: dict[str, str] = response.json()["errors"][0]["extensions"]
    return extensions["code"]


# CORS.


async def test_preflight_from_an_allowed_origin_is_answered(open_app: Any) -> None:
    client = await open_app(cors_origins=(PORTAL,))
    response = await client.options("/graphql", headers=preflight(PORTAL))
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == PORTAL
    assert response.headers["access-control-allow-methods"] == "GET, POST"
    assert response.headers["access-control-allow-headers"] == "content-type, authorization"
    assert int(response.headers["access-control-max-age"]) > 0
    assert "access-control-allow-credentials" not in response.headers
    assert "origin" in vary(response)


@pytest.mark.parametrize("origin", [STRANGER, "null", "https://sern.example.evil.example"])
async def test_preflight_from_another_origin_is_refused(open_app: Any, origin: str) -> None:
    client = await open_app(cors_origins=(PORTAL,))
    response = await client.options("/graphql", headers=preflight(origin))
    assert response.status_code == 403
    assert code(response) == "ORIGIN_NOT_ALLOWED"
    assert "access-control-allow-origin" not in response.headers


async def test_preflight_for_another_method_is_refused(open_app: Any) -> None:
    client = await open_app(cors_origins=(PORTAL,))
    response = await client.options("/graphql", headers=preflight(PORTAL, "DELETE"))
    assert response.status_code == 403
    assert "access-control-allow-origin" not in response.headers


async def test_preflight_from_an_origin_granted_to_a_token_is_answered(
    open_app: Any, tokens: dict[str, dict[str, str]]
) -> None:
    client = await open_app(cors_origins=(PORTAL,))
    response = await client.options("/graphql", headers=preflight(PARTNER))
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == PARTNER


async def test_responses_to_allowed_origins_may_be_read(open_app: Any) -> None:
    client = await open_app(cors_origins=(PORTAL,))
    allowed = await client.post("/graphql", json=QUERY, headers={"Origin": PORTAL})
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == PORTAL
    assert "retry-after" in allowed.headers["access-control-expose-headers"].lower()
    assert "origin" in vary(allowed)
    get = await client.get("/graphql?" + urlencode(QUERY), headers={"Origin": PORTAL})
    assert get.headers["access-control-allow-origin"] == PORTAL
    assert {"origin", "accept-language", "authorization"} <= vary(get)
    # Anonymous reads from other sites run, but their pages may not read the answer.
    other = await client.post("/graphql", json=QUERY, headers={"Origin": STRANGER})
    assert other.status_code == 200
    assert "access-control-allow-origin" not in other.headers


async def test_no_origin_is_allowed_by_default_and_any_with_a_star(open_app: Any) -> None:
    default = await open_app()
    assert (await default.options("/graphql", headers=preflight(PORTAL))).status_code == 403
    assert (
        "access-control-allow-origin"
        not in (await default.post("/graphql", json=QUERY, headers={"Origin": PORTAL})).headers
    )
    star = await open_app(cors_origins=("*",))
    assert (await star.options("/graphql", headers=preflight(STRANGER))).status_code == 204
    response = await star.post("/graphql", json=QUERY, headers={"Origin": STRANGER})
    assert response.headers["access-control-allow-origin"] == STRANGER


async def test_same_origin_requests_need_no_allowlist(
    open_app: Any, tokens: dict[str, dict[str, str]]
) -> None:
    client = await open_app()
    response = await client.post(
        "/graphql", json=QUERY, headers={"Origin": "http://testserver", **tokens["partner"]}
    )
    assert response.status_code == 200


async def test_a_token_with_origins_works_from_those_only(
    open_app: Any, tokens: dict[str, dict[str, str]]
) -> None:
    client = await open_app(cors_origins=(PORTAL,))
    granted = await client.post("/graphql", json=QUERY, headers={"Origin": PARTNER, **tokens["partner"]})
    assert granted.status_code == 200
    assert granted.headers["access-control-allow-origin"] == PARTNER
    # Its own list replaces the global one: not even the portal may use it.
    for origin in (STRANGER, PORTAL):
        refused = await client.post("/graphql", json=QUERY, headers={"Origin": origin, **tokens["partner"]})
        assert refused.status_code == 403
        assert code(refused) == "ORIGIN_NOT_ALLOWED"
        assert "data" not in refused.json()
        # The page may read why.
        assert refused.headers["access-control-allow-origin"] == origin
    # Without an Origin (a server, curl) the token works as usual.
    assert (await client.post("/graphql", json=QUERY, headers=tokens["partner"])).status_code == 200


async def test_a_token_without_origins_works_from_the_global_ones(
    open_app: Any, tokens: dict[str, dict[str, str]]
) -> None:
    client = await open_app(cors_origins=(PORTAL,))
    allowed = await client.post("/graphql", json=QUERY, headers={"Origin": PORTAL, **tokens["plain"]})
    assert allowed.status_code == 200
    # The partner's origin was granted to the partner's token, not to this one.
    refused = await client.post("/graphql", json=QUERY, headers={"Origin": PARTNER, **tokens["plain"]})
    assert refused.status_code == 403
    assert code(refused) == "ORIGIN_NOT_ALLOWED"


async def test_create_api_token_grants_origins(gql: GraphQLClient) -> None:
    user = await services.create_user("test-bs-admin", "a long enough password", Role.ADMIN)
    _, admin = await services.create_token("test bs admin", Role.ADMIN, created_by=user)
    mutation = """mutation($input: CreateApiTokenInput!) {
      createApiToken(input: $input) { token { allowedOrigins } userErrors { field code } }
    }"""
    try:
        origins = ["HTTPS://Kiruna.example:443/", "http://localhost:3000", "https://kiruna.example"]
        created = await gql.data(
            mutation, {"input": {"name": "test bs granted", "allowedOrigins": origins}}, headers=bearer(admin)
        )
        assert created["createApiToken"]["token"]["allowedOrigins"] == [
            "https://kiruna.example",
            "http://localhost:3000",
        ]
        refused = await gql.data(
            mutation,
            {
                "input": {
                    "name": "test bs bad",
                    "allowedOrigins": [PORTAL, "kiruna.example", "https://a.example/x"],
                }
            },
            headers=bearer(admin),
        )
        assert refused["createApiToken"]["userErrors"] == [
            {"field": ["input", "allowedOrigins", "1"], "code": "INVALID"},
            {"field": ["input", "allowedOrigins", "2"], "code": "INVALID"},
        ]
        assert not await ApiToken.exists(name="test bs bad")
        plain = await gql.data(mutation, {"input": {"name": "test bs none"}}, headers=bearer(admin))
        assert plain["createApiToken"]["token"]["allowedOrigins"] is None
    finally:
        await AuditEvent.filter(actor_name__contains="(test bs admin)").delete()
        await ApiToken.filter(name__startswith="test bs").delete()
        await User.filter(username="test-bs-admin").delete()


# No mutation from a form or over GET.


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", urlencode({"query": CREATE}).encode()),
        (
            "multipart/form-data; boundary=x",
            b'--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n'
            + CREATE.encode()
            + b"\r\n--x--\r\n",
        ),
        ("text/plain", f'{{"query": "{CREATE.replace(chr(34), chr(92) + chr(34))}"}}'.encode()),
        ("text/plain;charset=UTF-8", b'{"query": "{ themes { slug } }"}'),
        (None, b'{"query": "{ themes { slug } }"}'),
    ],
)
async def test_posts_that_are_not_json_are_refused_before_anything_runs(
    client: httpx.AsyncClient, tokens: dict[str, dict[str, str]], content_type: str | None, body: bytes
) -> None:
    headers = {**tokens["editor"], "Origin": STRANGER}
    if content_type is not None:
        headers["Content-Type"] = content_type
    response = await client.post("/graphql", content=body, headers=headers)
    assert response.status_code == 415
    assert code(response) == "UNSUPPORTED_MEDIA_TYPE"
    assert "application/json" in response.json()["errors"][0]["message"]
    assert response.headers["accept-post"] == "application/json"
    assert not await Organisation.exists(name="Test bs form")


async def test_a_mutation_over_get_is_refused_and_writes_nothing(
    client: httpx.AsyncClient, tokens: dict[str, dict[str, str]]
) -> None:
    response = await client.get("/graphql?" + urlencode({"query": CREATE}), headers=tokens["editor"])
    assert response.status_code in {400, 405}
    assert "mutations are not allowed" in response.text
    assert not await Organisation.exists(name="Test bs form")


# Security headers.


async def test_the_graphiql_page_has_security_headers(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    # Every script is a file of ours or an inert JSON data block.
    for tag in re.findall(r"<script[^>]*>", response.text):
        assert 'src="/graphiql-assets/' in tag or 'type="application/json"' in tag, tag


async def test_json_responses_are_not_sniffed(client: httpx.AsyncClient) -> None:
    for response in (
        await client.post("/graphql", json=QUERY),
        await client.get("/graphql?" + urlencode(QUERY)),
        await client.post("/graphql", json={"query": "{ nope }"}),
    ):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "content-security-policy" not in response.headers


async def test_the_admin_keeps_its_own_stricter_policy(client: httpx.AsyncClient) -> None:
    response = await client.get("/admin/signin")
    assert "script-src" not in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"

"""Bad requests get a 4xx or a GraphQL error with a code, never a traceback, SQL or a file path;
an unexpected error is masked for the caller and logged in full with the same request id."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.errors import MASKED_MESSAGE
from sern_graph.network import stats
from tests.conftest import GraphQLClient

LEAKS = ("Traceback", "SELECT", "/work", ".py", "sqlite", "asyncpg", "tortoise")


def assert_no_leak(response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    for leak in LEAKS:
        assert leak not in response.text, response.text


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        pytest.param(b'{"query": ', "application/json", id="truncated"),
        pytest.param(b"", "application/json", id="empty"),
        pytest.param(b'"{ themes { slug } }"', "application/json", id="json-string"),
        pytest.param(b"null", "application/json", id="json-null"),
        pytest.param(b"42", "application/json", id="json-number"),
        pytest.param(b'{"query": "\xff\xfe"}', "application/json", id="not-utf8"),
        pytest.param(b'{"query": 5}', "application/json", id="query-not-a-string"),
        pytest.param(
            b'{"query": "{ themes { slug } }", "variables": [1]}', "application/json", id="variables"
        ),
    ],
)
async def test_invalid_json_bodies_are_refused_with_400(
    client: httpx.AsyncClient, content: bytes, content_type: str
) -> None:
    response = await client.post("/graphql", content=content, headers={"content-type": content_type})
    assert response.status_code == 400
    assert_no_leak(response)


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml", "application/graphql", ""],
)
async def test_wrong_content_types_are_refused_with_400(client: httpx.AsyncClient, content_type: str) -> None:
    response = await client.post(
        "/graphql", content=b'{"query": "{ themes { slug } }"}', headers={"content-type": content_type}
    )
    # 415 where the GraphQL over HTTP spec asks for it.
    assert response.status_code in {400, 415}
    assert_no_leak(response)


async def test_an_unknown_operation_name_is_refused(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "query A { themes { slug } }", "operationName": "B"}
    )
    assert response.status_code == 400
    assert 'Unknown operation named "B"' in response.text
    assert_no_leak(response)


async def test_several_operations_without_an_operation_name_are_refused(client: httpx.AsyncClient) -> None:
    document = "query A { __typename } query B { themes { slug } }"
    response = await client.post("/graphql", json={"query": document})
    body = response.json()
    assert body["data"] is None
    assert body["errors"][0]["message"].startswith("Must provide operation name")
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    named = await client.post("/graphql", json={"query": document, "operationName": "A"})
    assert named.json() == {"data": {"__typename": "Query"}}


@pytest.mark.parametrize("operation_name", [{"name": "A"}, ["A"], 1, True])
async def test_an_operation_name_that_is_not_a_string_is_refused_with_400(
    client: httpx.AsyncClient, operation_name: object
) -> None:
    # Found by graphql-http's audit (6C00, 6C03): an object or an array was a server error.
    response = await client.post(
        "/graphql", json={"query": "query A { themes { slug } }", "operationName": operation_name}
    )
    assert response.status_code == 400
    assert "operationName" in response.text
    assert_no_leak(response)


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("query($n: Int) { organisations(first: $n) { totalCount } }", {"n": "ten"}),
        ("query($f: OrganisationFilter) { organisations(filter: $f) { totalCount } }", {"f": {"kinds": [1]}}),
        ("query($d: Date!) { board(asOf: $d) { role } }", {"d": "yesterday"}),
        ("query($id: ID!) { node(id: $id) { id } }", {"id": {"nested": True}}),
    ],
)
async def test_variables_of_the_wrong_type_are_bad_user_input(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any]
) -> None:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert_no_leak(response)
    assert codes(response) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    ("query", "variables", "code"),
    [
        ("{ organisations(first: 99999999999999999999) { totalCount } }", None, "GRAPHQL_VALIDATION_FAILED"),
        ("query($n: Int) { organisations(first: $n) { totalCount } }", {"n": 10**30}, "BAD_USER_INPUT"),
        ("{ organisations(first: 2147483647) { totalCount } }", None, "BAD_USER_INPUT"),
        ("{ organisations(last: -1) { totalCount } }", None, "BAD_USER_INPUT"),
    ],
)
async def test_huge_integers_for_first_are_refused(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None, code: str
) -> None:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert_no_leak(response)
    assert codes(response) == [code]


@pytest.mark.parametrize(
    "global_id",
    [
        "%%%",
        "",
        "T3JnYW5pc2F0aW9uOnh4eA==",  # Organisation:xxx
        "T3JnYW5pc2F0aW9uOjk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk=",  # Organisation:<huge>
        "x" * 5000,
    ],
)
async def test_malformed_global_ids_are_bad_user_input(gql: GraphQLClient, global_id: str) -> None:
    response = await gql.client.post(
        "/graphql", json={"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": global_id}}
    )
    assert_no_leak(response)
    body = response.json()
    assert body["data"] == {"node": None} or body["data"] is None
    assert codes(response) == ["BAD_USER_INPUT"]


@pytest.fixture
async def refused_tokens() -> AsyncIterator[dict[str, str]]:
    revoked, revoked_secret = await services.create_token("test hardening revoked", Role.EDITOR)
    await services.revoke_token(str(revoked.id))
    expired, expired_secret = await services.create_token(
        "test hardening expired", Role.EDITOR, expires_at=datetime.now(UTC) + timedelta(hours=1)
    )
    await ApiToken.filter(id=expired.id).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    yield {"revoked": revoked_secret, "expired": expired_secret, "unknown": "sern_" + "x" * 43}
    await ApiToken.filter(name__startswith="test hardening").delete()


@pytest.mark.parametrize(
    ("which", "message"),
    [("revoked", "revoked"), ("expired", "expired"), ("unknown", "not valid")],
)
async def test_expired_revoked_and_unknown_tokens_are_401(
    client: httpx.AsyncClient, refused_tokens: dict[str, str], which: str, message: str
) -> None:
    response = await client.post(
        "/graphql",
        json={"query": "{ themes { slug } }"},
        headers={"Authorization": f"Bearer {refused_tokens[which]}"},
    )
    assert response.status_code == 401
    assert codes(response) == ["UNAUTHENTICATED"]
    assert message in response.json()["errors"][0]["message"]
    assert_no_leak(response)


async def test_an_unexpected_error_is_masked_and_logged_with_the_request_id(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def broken(_: object) -> int:
        raise RuntimeError(
            'SELECT count(*) FROM "organisation" failed in /work/main/sern_graph/network/stats.py'
        )

    monkeypatch.setattr(stats, "member_count", broken)
    with caplog.at_level(logging.ERROR, logger="sern_graph"):
        response = await client.post(
            "/graphql", json={"query": "{ network { memberCount } }"}, headers={"X-Request-ID": "hardening-1"}
        )
    assert_no_leak(response)
    [error] = response.json()["errors"]
    assert error["message"] == MASKED_MESSAGE
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert response.headers["x-request-id"] == "hardening-1"
    [record] = [record for record in caplog.records if record.exc_info]
    assert "hardening-1" in record.getMessage()
    assert "SELECT" in str(record.exc_info[1]) if record.exc_info else False


@pytest.mark.parametrize(
    "mutation",
    [
        'mutation { schedulePublication(input: {id: "T3JnYW5pc2F0aW9uOjk5OTk5OQ"}) { userErrors { code } } }',
        'mutation { restoreRevision(input: {revisionId: "UmV2aXNpb246OTk5OTk5"}) { userErrors { code } } }',
    ],
)
async def test_anonymous_callers_learn_nothing_about_unknown_ids(gql: GraphQLClient, mutation: str) -> None:
    # Found by the fuzzer: the ID used to be looked up before the caller was checked.
    body = await gql(mutation)
    assert [error["extensions"]["code"] for error in body["errors"]] == ["UNAUTHENTICATED"]

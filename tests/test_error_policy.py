"""Every error carries a code; unexpected ones are masked; requests are traceable by id."""

from __future__ import annotations

import logging

import pytest
from graphql import GraphQLError

from sern_graph.errors import MASKED_MESSAGE, ErrorPolicy
from tests.conftest import GraphQLClient


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("{ themes(locale: XX) { slug } }", "GRAPHQL_VALIDATION_FAILED"),
        ('{ board(asOf: "2018-13-45") { role } }', "GRAPHQL_VALIDATION_FAILED"),
        ("{ noSuchField }", "GRAPHQL_VALIDATION_FAILED"),
        ("{ themes { slug }", "GRAPHQL_VALIDATION_FAILED"),
        ('{ organisation(id: "!!") { name } }', "BAD_USER_INPUT"),
        ("{ organisations(first: 101) { totalCount } }", "BAD_USER_INPUT"),
    ],
)
async def test_errors_carry_a_code(gql: GraphQLClient, query: str, code: str) -> None:
    body = await gql(query)
    assert [error["extensions"]["code"] for error in body["errors"]] == [code]


def test_unexpected_errors_are_masked_and_logged(caplog: pytest.LogCaptureFixture) -> None:
    policy = ErrorPolicy()
    secret = GraphQLError("boom", original_error=RuntimeError('SELECT * FROM "user_account"'))
    with caplog.at_level(logging.ERROR, logger="sern_graph"):
        [masked] = policy._process_errors([secret])
    assert masked.message == MASKED_MESSAGE
    assert masked.extensions == {"code": "INTERNAL_SERVER_ERROR"}
    assert "user_account" not in masked.message
    assert any(record.exc_info for record in caplog.records)


async def test_request_id_is_echoed_or_made(gql: GraphQLClient) -> None:
    given = await gql.client.post(
        "/graphql", json={"query": "{ themes { slug } }"}, headers={"X-Request-ID": "abc-123"}
    )
    assert given.headers["x-request-id"] == "abc-123"
    made = await gql.client.post(
        "/graphql", json={"query": "{ themes { slug } }"}, headers={"X-Request-ID": "bad id!"}
    )
    assert made.headers["x-request-id"] not in {"", "bad id!"}


async def test_before_alone_pages_backwards(gql: GraphQLClient) -> None:
    everything = await gql.data("{ organisations(first: 100) { edges { cursor node { slug } } } }")
    edges = everything["organisations"]["edges"]
    cursor = edges[30]["cursor"]
    page = await gql.data(
        "query($before: String) { organisations(before: $before) { edges { node { slug } } } }",
        {"before": cursor},
    )
    assert [edge["node"]["slug"] for edge in page["organisations"]["edges"]] == [
        edge["node"]["slug"] for edge in edges[10:30]
    ]

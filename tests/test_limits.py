"""Query limits: realistic documents pass under the defaults; abusive ones are refused quickly,
each with an `extensions.code` naming the limit."""

from __future__ import annotations

import asyncio
import gc
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from graphql import get_introspection_query

from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.app import create_app
from sern_graph.graphiql import EXAMPLE_QUERY
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient
from tests.test_statement_counts import DEEP_QUERY

BENCH_QUERIES = Path(__file__).resolve().parent.parent / "bench" / "queries"


def codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body["errors"]]


@pytest.fixture
async def client_with(settings: Settings) -> AsyncIterator[Any]:
    """Opens API clients on apps built with other settings."""
    clients: list[httpx.AsyncClient] = []

    def open_client(**changes: Any) -> GraphQLClient:
        app = create_app(settings.model_copy(update=changes), manage_database=False)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        clients.append(client)
        return GraphQLClient(client)

    yield open_client
    for client in clients:
        await client.aclose()


def bench_queries() -> Iterator[Any]:
    for path in sorted(BENCH_QUERIES.glob("Q*.graphql")):
        variables = path.with_suffix(".json")
        yield pytest.param(
            path.read_text(), json.loads(variables.read_text()) if variables.exists() else None, id=path.stem
        )


@pytest.mark.parametrize(("query", "variables"), list(bench_queries()))
async def test_benchmark_queries_pass_the_default_limits(
    gql: GraphQLClient, query: str, variables: dict[str, Any] | None
) -> None:
    await gql.data(query, variables)


@pytest.mark.parametrize(
    "query",
    [
        pytest.param(DEEP_QUERY, id="deep"),
        pytest.param(EXAMPLE_QUERY, id="graphiql-example"),
        pytest.param(get_introspection_query(descriptions=True), id="graphiql-introspection"),
        pytest.param(
            (Path(__file__).resolve().parent.parent / "README.md")
            .read_text()
            .split("```graphql\n")[1]
            .split("```")[0],
            id="readme",
        ),
    ],
)
async def test_realistic_queries_pass_the_default_limits(gql: GraphQLClient, query: str) -> None:
    await gql.data(query)


async def test_a_depth_50_recursive_query_is_too_deep(gql: GraphQLClient) -> None:
    level = "projects(first: 1) { edges { node { partners(first: 1) { edges { node { "
    query = (
        "{ organisations(first: 1) { edges { node { " + level * 8 + "name" + " } } } } } }" * 8 + " } } } }"
    )
    body = await gql(query)
    assert codes(body) == ["QUERY_TOO_DEEP"]
    assert body["errors"][0]["extensions"]["limit"] == 12
    assert body["errors"][0]["extensions"]["value"] >= 50


async def test_introspection_nested_through_lists_is_too_deep(gql: GraphQLClient) -> None:
    bomb = "{ __schema { types { " + "fields { type { " * 3 + "fields { name } " + "} } " * 3 + "} } }"
    assert codes(await gql(bomb)) == ["QUERY_TOO_DEEP"]


async def test_a_thousand_aliases_are_too_many(gql: GraphQLClient) -> None:
    body = await gql("{ " + " ".join(f"a{i}: __typename" for i in range(1000)) + " }")
    assert codes(body) == ["TOO_MANY_ALIASES"]
    assert body["errors"][0]["extensions"] == {"code": "TOO_MANY_ALIASES", "limit": 30, "value": 1000}


async def test_ten_thousand_repeated_fields_are_too_many_tokens(gql: GraphQLClient) -> None:
    body = await gql("{ themes { " + "slug " * 10_000 + "} }")
    assert codes(body) == ["TOO_MANY_TOKENS"]
    assert body["errors"][0]["extensions"]["limit"] == 5000


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("{ themes { " + "slug " * 2000 + "} }", id="one-field"),
        pytest.param(
            "{ " + " ".join(f'country(code: "S{i}") {{ code }}' for i in range(300)) + " }", id="aliased"
        ),
        pytest.param(
            "{ "
            + " ".join(f"...F{i}" for i in range(200))
            + " } "
            + " ".join(f'fragment F{i} on Query {{ country(code: "S{i}") {{ code }} }}' for i in range(200)),
            id="through-fragments",
        ),
    ],
)
async def test_one_field_repeated_hundreds_of_times_is_refused_before_validation(
    gql: GraphQLClient, query: str
) -> None:
    # graphql-core's validation would compare every pair of these: seconds of CPU.
    assert codes(await gql(query)) == ["TOO_MANY_REPEATED_FIELDS"]


async def test_circular_fragments_are_refused(gql: GraphQLClient) -> None:
    query = "{ ...A } fragment A on Query { themes { slug } ...B } fragment B on Query { ...A }"
    assert codes(await gql(query)) == ["GRAPHQL_VALIDATION_FAILED"]


async def test_fragments_spreading_each_other_twice_are_refused_by_cost(gql: GraphQLClient) -> None:
    # 2^40 spreads of one field: the limits measure each fragment once, so this is quick.
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i - 1} ...F{i - 1} }}" for i in range(1, 41))
    body = await gql("{ ...F40 } fragment F0 on Query { network { memberCount } } " + fragments)
    assert codes(body) == ["QUERY_TOO_COMPLEX"]


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("{ themes { slug " + "@include(if: true) " * 500 + "} }", id="repeated"),
        pytest.param("{ themes { slug " + "@a " * 2400 + "} }", id="unknown"),
        pytest.param("{ themes { slug " + "@skip(if: false) " * 1000 + "} }", id="over-tokens"),
    ],
)
async def test_directive_floods_are_refused(gql: GraphQLClient, query: str) -> None:
    assert set(codes(await gql(query))) <= {"GRAPHQL_VALIDATION_FAILED", "TOO_MANY_TOKENS"}


async def test_a_5_mb_query_is_refused_before_parsing(gql: GraphQLClient) -> None:
    query = "{ themes { slug } }" + " " * (5 * 2**20)
    response = await gql.client.post("/graphql", json={"query": query})
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"] == {"code": "REQUEST_TOO_LARGE", "limit": 2**20}


async def test_a_chunked_body_over_the_limit_is_refused(gql: GraphQLClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ themes { slug } }", "padding": "'
        for _ in range(20):
            yield b"x" * 2**16
        yield b'"}'

    response = await gql.client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_a_chunked_body_under_the_limit_runs(gql: GraphQLClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ themes '
        yield b'{ slug } }"}'

    response = await gql.client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 200
    assert response.json()["data"]["themes"]


async def test_batches_are_not_offered(gql: GraphQLClient) -> None:
    response = await gql.client.post("/graphql", json=[{"query": "{ themes { slug } }"}] * 2)
    assert response.status_code == 400
    assert "Batching is not enabled" in response.text


async def test_cost_multiplies_page_sizes_through_variables_and_fragments(client_with: Any) -> None:
    gql = client_with(max_query_cost=200)
    query = (
        "query($n: Int) { organisations(first: $n) { edges { node { ...Name } } } } "
        "fragment Name on Organisation { name }"
    )
    await gql.data(query, {"n": 5})
    body = await gql(query, {"n": 100})
    assert codes(body) == ["QUERY_TOO_COMPLEX"]
    # organisations 1 + 100 edges x (edge 1 + node 1 + name 1)
    assert body["errors"][0]["extensions"] == {"code": "QUERY_TOO_COMPLEX", "limit": 200, "value": 301}
    assert body["data"] is None
    # Without `first`, the default page size (20) counts; a skipped selection costs nothing.
    await gql.data("{ organisations { edges { node { name } } } }")
    await gql.data(
        "query($big: Boolean!) { organisations(first: 100) @include(if: $big) { totalCount } }",
        {"big": False},
    )


async def test_nested_pages_under_aliases_are_too_complex(gql: GraphQLClient) -> None:
    nested = (
        "organisations(first: 100) { edges { node { projects(first: 100) { edges { node { "
        "partners(first: 100) { edges { node { name slug kind } } } } } } } } }"
    )
    body = await gql("{ " + " ".join(f"a{i}: {nested}" for i in range(20)) + " }")
    assert codes(body) == ["QUERY_TOO_COMPLEX"]
    assert body["errors"][0]["extensions"]["value"] > 50_000_000


# Cancelled before they start, some resolver coroutines are never awaited: Python warns when it
# collects them, which is the expected cost of stopping an operation midway.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore:coroutine .* was never awaited:RuntimeWarning")
@pytest.mark.parametrize("planned", [True, False])
async def test_an_operation_running_past_the_time_limit_is_stopped(client_with: Any, planned: bool) -> None:
    gql = client_with(execution_timeout=1e-6, planned_execution=planned, max_concurrent_operations=1)
    # More timeouts than execution slots: each must give its slot back.
    for _ in range(3):
        body = await asyncio.wait_for(
            gql("{ organisations(first: 100) { edges { node { name country { code } } } } }"), 10
        )
        assert codes(body) == ["TIMEOUT"]
        assert body["errors"][0]["extensions"]["limit"] == 1e-6
    gc.collect()


async def test_introspection_can_be_switched_off_for_anonymous_callers(client_with: Any) -> None:
    gql = client_with(anonymous_introspection=False)
    query = "{ __schema { queryType { name } } }"
    _, secret = await services.create_token("test introspection reader", Role.READER)
    try:
        token = {"Authorization": f"Bearer {secret}"}
        # The token's answer first: it must not reach anonymous callers through the response cache.
        assert (await gql.data(query, headers=token))["__schema"]["queryType"]["name"] == "Query"
        body = await gql(query)
        assert set(codes(body)) == {"INTROSPECTION_DISABLED"}
        assert set(codes(await gql('{ __type(name: "Query") { name } }'))) == {"INTROSPECTION_DISABLED"}
        assert (await gql.data("{ themes { __typename } }"))["themes"]
    finally:
        await ApiToken.filter(name="test introspection reader").delete()

"""Fuzzing: operations generated from our own schema (hypothesis-graphql), sent through the ASGI app.

No generated request may get a server error (5xx, or a masked `INTERNAL_SERVER_ERROR`), an error
that shows a traceback, SQL or a file path, or an answer that is not GraphQL-shaped. Queries go
anonymously over POST and GET; mutations go anonymously (each must be refused, nothing written)
and with an editor token against a throwaway database, so nothing they write persists.

60 examples per test by default, the same ones every run; `SERN_FUZZ_EXAMPLES=2000` runs that many
new ones (see the README's "Security").
"""

from __future__ import annotations

import os
import re
from collections.abc import AsyncIterator
from datetime import UTC
from typing import Any

import graphql
import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_graphql import Mode, mutations, nodes, queries
from tortoise.context import TortoiseContext

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import Role
from sern_graph.app import create_app
from sern_graph.content.models import AuditEvent, Revision
from sern_graph.db import tortoise_config
from sern_graph.schema import schema
from sern_graph.seed.loader import seed
from sern_graph.settings import Settings
from tests.databases import drop_database, empty_database

LONG_RUN = "SERN_FUZZ_EXAMPLES" in os.environ
FUZZ = settings(
    max_examples=int(os.environ.get("SERN_FUZZ_EXAMPLES", "60")),
    deadline=None,
    # The quick run is the same every time (CI never fails on a new draw); the long run explores.
    derandomize=not LONG_RUN,
    database=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        # The client and the database are set up once per test, not per example, on purpose.
        HealthCheck.function_scoped_fixture,
    ],
)

SDL = graphql.build_schema(schema.as_str())


def _string(text: str) -> graphql.StringValueNode:
    return nodes.String(text)


# Strawberry's own scalars, mostly well-formed so generated operations get past validation.
CUSTOM_SCALARS: dict[str, st.SearchStrategy[graphql.ValueNode]] = {
    "Date": st.one_of(st.dates().map(lambda day: day.isoformat()), st.text(max_size=12)).map(_string),
    "DateTime": st.one_of(
        st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.isoformat()), st.text(max_size=12)
    ).map(_string),
    "Decimal": st.one_of(
        st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str), st.text(max_size=8)
    ).map(_string),
    "JSON": st.one_of(
        st.text(max_size=12).map(_string),
        st.integers(-(2**31), 2**31 - 1).map(nodes.Int),
        st.booleans().map(nodes.Boolean),
    ),
}

# Valid operations, and operations with one schema violation (a wrong type, a missing argument).
QUERIES = st.one_of(
    queries(SDL, custom_scalars=CUSTOM_SCALARS),
    queries(SDL, custom_scalars=CUSTOM_SCALARS, mode=Mode.NEGATIVE),
)
MUTATIONS = st.one_of(
    mutations(SDL, custom_scalars=CUSTOM_SCALARS),
    mutations(SDL, custom_scalars=CUSTOM_SCALARS, mode=Mode.NEGATIVE),
)

# What an unmasked error would show: a traceback, a source path, SQL, a driver's name.
LEAKS = re.compile(
    r"Traceback|File \"|\.py\b|site-packages|sern_graph[/.]|\bSELECT\b|\bINSERT INTO\b|\bDELETE FROM\b"
    r"|\bUPDATE \"|sqlite|asyncpg|psycopg|tortoise",
    re.IGNORECASE,
)


def assert_graphql_answer(response: httpx.Response, document: str) -> dict[str, Any]:
    """A GraphQL-over-HTTP answer with no server error and nothing unmasked; returns the body."""
    context = f"{response.status_code} for:\n{document}\n{response.text[:2000]}"
    assert response.status_code in {200, 400}, context
    body = response.json()
    assert isinstance(body, dict), context
    assert set(body) <= {"data", "errors", "extensions"}, context
    assert "data" in body or "errors" in body, context
    assert body.get("data") is None or isinstance(body["data"], dict), context
    if response.status_code != 200 or "data" not in body:
        assert body.get("errors"), context
    for error in body.get("errors", []):
        assert isinstance(error, dict), context
        assert isinstance(error.get("message"), str), context
        code = (error.get("extensions") or {}).get("code")
        assert isinstance(code, str), context
        assert code, context
        assert code != "INTERNAL_SERVER_ERROR", context
        assert not LEAKS.search(error["message"]), context
    return body


async def written() -> tuple[int, int]:
    """Every write records a revision and an audit event: their counts tell whether one happened."""
    return await Revision.all().count(), await AuditEvent.all().count()


@pytest.fixture
async def throwaway(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[httpx.AsyncClient]:
    """A client of an app on a seeded database of its own, with an editor's token: what the
    editor's generated mutations write is dropped with it."""
    url = await empty_database("sern_graph_fuzz", tmp_path_factory.mktemp("fuzz"))
    database = Settings(database_url=url)
    # A context of its own: the app's queries inside it use this database, not the session's.
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database))
        await context.generate_schemas()
        await seed()
        _, secret = await accounts.create_token("fuzz editor", Role.EDITOR)
        app = create_app(database, manage_database=False)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://testserver",
            headers={"Authorization": f"Bearer {secret}"},
        ) as client:
            yield client
    await drop_database("sern_graph_fuzz")


@FUZZ
@given(query=QUERIES, method=st.sampled_from(["POST", "GET"]))
async def test_generated_queries_get_graphql_answers(
    client: httpx.AsyncClient, query: str, method: str
) -> None:
    if method == "GET":
        response = await client.get("/graphql", params={"query": query})
    else:
        response = await client.post("/graphql", json={"query": query})
    assert_graphql_answer(response, query)


@FUZZ
@given(mutation=MUTATIONS)
async def test_generated_mutations_are_refused_to_anonymous_callers(
    client: httpx.AsyncClient, mutation: str
) -> None:
    before = await written()
    body = assert_graphql_answer(await client.post("/graphql", json={"query": mutation}), mutation)
    assert body["errors"], mutation
    assert not any((body.get("data") or {}).values()), body
    assert await written() == before


@FUZZ
@given(mutation=MUTATIONS)
async def test_generated_mutations_by_an_editor_get_graphql_answers(
    throwaway: httpx.AsyncClient, mutation: str
) -> None:
    assert_graphql_answer(await throwaway.post("/graphql", json={"query": mutation}), mutation)


@pytest.mark.parametrize(
    "query",
    [
        # Found by the fuzzer: tortoise refuses to compare a value longer than the column.
        '{ country(code: "SEE") { code } }',
        '{ region(code: "SE3321234") { code } }',
        '{ regions(countryCode: "SEE") { code } }',
        '{ organisations(filter: {countryCodes: ["SEE"]}) { totalCount } }',
        '{ organisation(slug: "%s") { name } }' % ("a" * 101),
    ],
)
async def test_values_longer_than_their_column_are_bad_input(client: httpx.AsyncClient, query: str) -> None:
    body = assert_graphql_answer(await client.post("/graphql", json={"query": query}), query)
    assert [error["extensions"]["code"] for error in body["errors"]] == ["BAD_USER_INPUT"]
    assert body["errors"][0]["message"].startswith("Invalid value: ")


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        # Found by the fuzzer: PostgreSQL cannot compare text with NUL in it (SQLite can).
        ('{ organisations(filter: {search: "a\\u0000b"}) { totalCount } }', None),
        ('{ organisation(slug: "a\\u0000b") { name } }', None),
        ("query($p: [String!]) { projects(filter: {programmes: $p}) { totalCount } }", {"p": ["a\x00b"]}),
    ],
)
async def test_text_with_nul_is_bad_input(
    client: httpx.AsyncClient, query: str, variables: dict[str, Any] | None
) -> None:
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    body = assert_graphql_answer(response, query)
    assert body["data"] is None
    assert [error["extensions"]["code"] for error in body["errors"]] == ["BAD_USER_INPUT"]

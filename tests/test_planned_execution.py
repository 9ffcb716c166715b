"""The planned read path answers exactly what graphql-core's execution answers, on generated data."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.context import TortoiseContext

from sern_graph.app import create_app
from sern_graph.db import tortoise_config
from sern_graph.organisations.models import Organisation
from sern_graph.planned.extension import stats
from sern_graph.seed.loader import seed
from sern_graph.seed.synthetic import SyntheticCounts, generate
from sern_graph.settings import Settings
from tests.databases import drop_database, empty_database
from tests.sql_counter import count_statements
from tests.test_statement_counts import DEEP_QUERY

BENCH_QUERIES = Path(__file__).parent.parent / "bench" / "queries"

# Fragments, aliases, directives, variables, interfaces, enums, dates, localized text, __typename.
SHAPES_QUERY = """
query Shapes($kinds: [OrganisationKind!], $withRegion: Boolean!, $skipThemes: Boolean = true) {
  a: organisations(first: 7, filter: {kinds: $kinds}, orderBy: NAME_DESC, locale: IT) {
    ...Page
    edges { cursor node { __typename ...Org region @include(if: $withRegion) { code name } } }
  }
  b: organisations(first: 3, after: "Y3Vyc29yOjI=") { ...Page edges { node { slug } } }
  projects(last: 4) {
    totalCount
    edges { node { acronym titleLocalized { value locale isFallback } translations { field locale value }
      startDate endDate themes @skip(if: $skipThemes) { slug } } }
  }
  people(first: 5) { edges { node { ... on Person { familyName photoUrl } id __typename } } }
}
fragment Page on OrganisationConnection {
  totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
}
fragment Org on Organisation { id slug name kind location { latitude longitude } editorialState version
  publishedAt sources { url title } description descriptionLocalized { locale value } }
"""
SHAPES_VARIABLES = {"kinds": ["MUNICIPALITY", "REGION"], "withRegion": True}


def bench_query(name: str) -> tuple[str, dict[str, Any] | None]:
    variables = BENCH_QUERIES / f"{name}.json"
    return (
        (BENCH_QUERIES / f"{name}.graphql").read_text(),
        json.loads(variables.read_text()) if variables.exists() else None,
    )


@pytest.fixture(scope="module")
async def generated(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Settings]:
    """A database of its own: the SERN data plus three times as much generated."""
    url = await empty_database("sern_graph_planned", tmp_path_factory.mktemp("planned"))
    database = Settings(database_url=url)
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(database))
        await context.generate_schemas()
        await seed()
        await generate(SyntheticCounts.scaled(3))
        assert await Organisation.all().count() >= 300
        yield database
    await drop_database("sern_graph_planned")


async def answer(
    settings: Settings, query: str, variables: dict[str, Any] | None, *, planned: bool
) -> tuple[int, dict[str, Any], int]:
    app = create_app(settings.model_copy(update={"planned_execution": planned}), manage_database=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        with count_statements() as statements:
            response = await client.post(
                "/graphql",
                json={"query": query, "variables": variables},
                headers={"Accept-Language": "sv"},
            )
    body: dict[str, Any] = response.json()
    return response.status_code, body, len(statements)


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        pytest.param(DEEP_QUERY, None, id="every-link"),
        pytest.param(SHAPES_QUERY, SHAPES_VARIABLES, id="shapes"),
        *(pytest.param(*bench_query(name), id=name) for name in ("Q1", "Q2", "Q3", "Q4")),
    ],
)
async def test_planned_answers_equal_graphql_core_answers(
    generated: Settings, query: str, variables: dict[str, Any] | None
) -> None:
    before = stats.answered
    status, planned, planned_statements = await answer(generated, query, variables, planned=True)
    assert stats.answered == before + 1, "the planned path handed the query back"
    reference_status, reference, reference_statements = await answer(
        generated, query, variables, planned=False
    )
    assert "errors" not in reference, reference["errors"]
    assert (status, planned) == (reference_status, reference)
    # Same batches, so the same statements: the planned path keeps the no-N+1 guarantee.
    assert planned_statements == reference_statements


@pytest.mark.parametrize(
    "query",
    [
        pytest.param("{ organisations(first: 5000) { totalCount } }", id="user-error"),
        pytest.param(
            "{ organisations(first: 2) { edges { node { revisions { version } } } } }", id="forbidden"
        ),
        pytest.param('{ node(id: "not-an-id") { id } }', id="bad-id"),
        pytest.param("{ __schema { queryType { name } } }", id="introspection"),
    ],
)
async def test_errors_and_introspection_run_through_graphql_core(generated: Settings, query: str) -> None:
    before = stats.handed_back + stats.answered
    status, planned, _ = await answer(generated, query, None, planned=True)
    reference_status, reference, _ = await answer(generated, query, None, planned=False)
    assert (status, planned) == (reference_status, reference)
    # Either handed back or never attempted (introspection): graphql-core answered in both runs.
    assert stats.answered + stats.handed_back - before <= 1
    assert ("errors" in planned) != query.startswith("{ __schema")

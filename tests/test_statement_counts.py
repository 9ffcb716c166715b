"""No N+1: the number of SQL statements depends on a query's shape, not on the data's size."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from tortoise.context import TortoiseContext

from sern_graph.app import create_app
from sern_graph.db import tortoise_config
from sern_graph.organisations.models import Organisation
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.seed.loader import seed
from sern_graph.seed.synthetic import SyntheticCounts, generate
from sern_graph.settings import Settings
from tests.databases import drop_database, empty_database
from tests.sql_counter import count_statements

# Every link type, several levels deep, from every root list.
DEEP_QUERY = """
{
  countries {
    code name
    regions {
      code parent { code } children { code }
      organisations(first: 100) {
        totalCount
        edges { node {
          name kind isMember(asOf: "2018-06-01") region { code } country { code } parent { name }
          memberships { kind startDate }
          boardSeats { role person { familyName organisation { name } } }
          people(first: 5) { totalCount edges { node { familyName } } }
          contacts { role person { familyName } }
          themes { slug }
          events(first: 3) { totalCount edges { node { title host { name } } } }
          projects(first: 5) {
            totalCount
            edges { role node { acronym partners(first: 5) { totalCount edges { role node { name } } } } }
          }
        } }
      }
    }
  }
  projects(first: 50, orderBy: START_DATE_ASC) {
    totalCount
    edges { node {
      slug title themes { slug }
      partners(first: 10) { totalCount edges { role node { name country { code } } } }
      events(first: 3) { edges { node { title participants { name } projects { acronym } } } }
    } }
  }
  people(first: 50) { totalCount edges { node { familyName boardSeats { role organisation { name } } } } }
  events(first: 30) { edges { node { title host { name } country { code } participants { name } } } }
  board(asOf: "2018-06-01") { role person { familyName } organisation { name } }
  themes { slug organisations(first: 5) { totalCount } projects(first: 5) { totalCount } }
  network {
    memberCount membersByCountry { count country { code } } membersByKind { kind count }
    membersByRegion { count region { code } } projectsByTheme { count theme { slug } }
    projectsByProgramme { programme count }
  }
}
"""


async def run_counted(settings: Settings) -> tuple[int, dict[str, Any]]:
    transport = httpx.ASGITransport(app=create_app(settings, manage_database=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        with count_statements() as statements:
            response = await client.post("/graphql", json={"query": DEEP_QUERY})
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body["errors"]
    return len(statements), body["data"]


@pytest.fixture(scope="module")
async def seed_sized(settings: Settings) -> tuple[int, dict[str, Any]]:
    return await run_counted(settings)


@pytest.fixture(scope="module")
async def ten_times_larger(
    settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> tuple[int, dict[str, Any], int]:
    """The same query on a separate database: the SERN data plus ten times as much again."""
    url = await empty_database("sern_graph_scale", tmp_path_factory.mktemp("scale"))
    big = Settings(database_url=url)
    # A context of its own: queries inside it (the app's included) use the big database.
    async with TortoiseContext() as context:
        await context.init(config=tortoise_config(big))
        await context.generate_schemas()
        await seed()
        await generate(SyntheticCounts.scaled(10))
        organisations = await Organisation.all().count()
        count, data = await run_counted(big)
    await drop_database("sern_graph_scale")
    return count, data, organisations


async def test_deep_query_statement_count_does_not_grow_with_data(
    seed_sized: tuple[int, dict[str, Any]], ten_times_larger: tuple[int, dict[str, Any], int]
) -> None:
    small_count, small_data = seed_sized
    large_count, large_data, organisations = ten_times_larger
    assert organisations >= 10 * 100
    assert large_data["projects"]["totalCount"] >= 10 * small_data["projects"]["totalCount"]
    assert large_count == small_count


async def test_deep_query_statement_count_is_bounded_by_its_shape(
    seed_sized: tuple[int, dict[str, Any]],
) -> None:
    count, _ = seed_sized
    # One or two statements per connection/list field in the document, never per row.
    assert count <= 70, count


async def test_partner_totals_match_the_database_under_many_to_many_joins(
    seed_sized: tuple[int, dict[str, Any]],
) -> None:
    _, data = seed_sized
    assert data["projects"]["totalCount"] == await Project.filter(state="published").count()
    checked = 0
    for edge in data["projects"]["edges"]:
        project = await Project.get(slug=edge["node"]["slug"])
        expected = await ProjectPartnership.filter(
            project=project, state="published", organisation__state="published"
        ).count()
        partners = edge["node"]["partners"]
        assert partners["totalCount"] == expected
        assert len(partners["edges"]) == min(expected, 10)
        checked += expected > 0
    assert checked > 0

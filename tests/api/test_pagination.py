"""Cursor connections: first/after/last/before, pageInfo, totalCount, limits and bad cursors."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from typing import Any

import pytest
from tortoise.models import Model

from sern_graph.content.models import EditorialState
from sern_graph.events.models import Event, EventKind
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Organisation, OrganisationKind
from sern_graph.people.models import Person
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.settings import Settings
from sern_graph.themes.models import Theme
from tests.api.conftest import PUBLISHED, all_edges, assert_no_leak, column, delete_test_rows, error_codes
from tests.conftest import GraphQLClient

ROOT_LISTS: list[tuple[str, type[Model]]] = [
    ("organisations", Organisation),
    ("projects", Project),
    ("people", Person),
    ("events", Event),
]

PAGE_QUERY = """
query($first: Int, $after: String, $last: Int, $before: String) {
  organisations(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { slug } }
  }
}
"""


async def page(gql: GraphQLClient, **arguments: Any) -> dict[str, Any]:
    connection: dict[str, Any] = (await gql.data(PAGE_QUERY, arguments))["organisations"]
    return connection


def slugs(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["slug"] for edge in connection["edges"]]


@pytest.fixture
async def unpublished_rows(settings: Settings) -> AsyncIterator[None]:
    """A draft and an archived row in every root list, so that counting them would show."""
    sweden = await Country.get(code="SE")
    try:
        for state in (EditorialState.DRAFT, EditorialState.ARCHIVED):
            slug = f"test-pagination-{state.value}"
            await Organisation.create(
                slug=slug, name=f"Aaa {slug}", kind=OrganisationKind.NGO, country=sweden, state=state
            )
            await Project.create(slug=slug, title_en=f"Aaa {slug}", state=state)
            await Person.create(slug=slug, given_name="Aaa", family_name="Aaa", state=state)
            await Event.create(slug=slug, title_en=f"Aaa {slug}", kind=EventKind.OTHER, state=state)
        yield
    finally:
        await delete_test_rows("test-pagination-")


@pytest.mark.parametrize(("field", "model"), ROOT_LISTS)
async def test_root_list_total_count_equals_published_rows(
    gql: GraphQLClient, unpublished_rows: None, field: str, model: type[Model]
) -> None:
    expected = await model.filter(state=PUBLISHED).count()
    assert await model.all().count() > expected

    data = await gql.data(f"{{ {field}(first: 1) {{ totalCount }} }}")

    assert data[field]["totalCount"] == expected
    assert expected > 1


async def test_organisations_without_page_size_returns_default_page(
    gql: GraphQLClient, settings: Settings
) -> None:
    connection = await page(gql)

    assert connection["totalCount"] > settings.default_page_size
    assert len(connection["edges"]) == settings.default_page_size
    assert connection["pageInfo"]["hasNextPage"] is True
    assert connection["pageInfo"]["hasPreviousPage"] is False


@pytest.mark.parametrize(("field", "model"), ROOT_LISTS)
async def test_root_list_walking_pages_with_after_visits_every_item_once_in_order(
    gql: GraphQLClient, settings: Settings, unpublished_rows: None, field: str, model: type[Model]
) -> None:
    walked = await all_edges(gql, field, "cursor node { slug }", page_size=7)
    in_one_go = await all_edges(gql, field, "node { slug }", page_size=settings.max_page_size)
    published = set(await column(model.filter(state=PUBLISHED), "slug"))

    walked_slugs = [edge["node"]["slug"] for edge in walked]
    assert walked_slugs == [edge["node"]["slug"] for edge in in_one_go]
    assert len(walked_slugs) == len(set(walked_slugs)) == len(published)
    assert set(walked_slugs) == published
    assert len({edge["cursor"] for edge in walked}) == len(walked)


async def test_organisations_page_info_first_middle_and_last_page(gql: GraphQLClient) -> None:
    first = await page(gql, first=10)
    middle = await page(gql, first=10, after=first["pageInfo"]["endCursor"])
    total = first["totalCount"]
    last = await page(gql, last=3)

    assert first["pageInfo"]["hasPreviousPage"] is False
    assert first["pageInfo"]["hasNextPage"] is True
    assert first["pageInfo"]["startCursor"] == first["edges"][0]["cursor"]
    assert first["pageInfo"]["endCursor"] == first["edges"][-1]["cursor"]
    assert middle["pageInfo"]["hasPreviousPage"] is True
    assert middle["pageInfo"]["hasNextPage"] is True
    assert set(slugs(first)).isdisjoint(slugs(middle))
    assert last["pageInfo"]["hasNextPage"] is False
    assert last["pageInfo"]["hasPreviousPage"] is True
    assert len(last["edges"]) == 3
    assert first["totalCount"] == middle["totalCount"] == last["totalCount"] == total


async def test_organisations_last_and_before_walk_backwards_to_the_same_list(gql: GraphQLClient) -> None:
    forwards = [edge["node"]["slug"] for edge in await all_edges(gql, "organisations", "node { slug }")]
    backwards: list[str] = []
    before: str | None = None
    while True:
        connection = await page(gql, last=9, before=before)
        backwards[:0] = slugs(connection)
        if not connection["pageInfo"]["hasPreviousPage"]:
            break
        before = connection["pageInfo"]["startCursor"]

    assert backwards == forwards


async def test_organisations_first_after_and_before_select_the_items_between(gql: GraphQLClient) -> None:
    everything = await page(gql, first=12)
    cursors = [edge["cursor"] for edge in everything["edges"]]

    between = await page(gql, first=100, after=cursors[2], before=cursors[8])
    last_between = await page(gql, last=2, after=cursors[2], before=cursors[8])

    assert slugs(between) == slugs(everything)[3:8]
    assert slugs(last_between) == slugs(everything)[6:8]


async def test_organisations_first_zero_returns_no_edges_but_total(gql: GraphQLClient) -> None:
    connection = await page(gql, first=0)

    assert connection["edges"] == []
    assert connection["totalCount"] > 0
    assert connection["pageInfo"]["hasNextPage"] is True


async def test_organisations_after_last_cursor_is_empty(gql: GraphQLClient) -> None:
    last = await page(gql, last=1)

    beyond = await page(gql, first=5, after=last["pageInfo"]["endCursor"])

    assert beyond["edges"] == []
    assert beyond["pageInfo"]["hasNextPage"] is False
    assert beyond["totalCount"] == last["totalCount"]


async def test_organisations_first_at_maximum_is_allowed(gql: GraphQLClient, settings: Settings) -> None:
    connection = await page(gql, first=settings.max_page_size)

    assert len(connection["edges"]) == min(settings.max_page_size, connection["totalCount"])


@pytest.mark.parametrize(
    ("argument", "value"),
    [("first", 101), ("last", 101), ("first", -1), ("last", -5), ("first", 1_000_000)],
)
async def test_organisations_page_size_out_of_range_is_bad_user_input(
    gql: GraphQLClient, settings: Settings, argument: str, value: int
) -> None:
    assert settings.max_page_size == 100

    body = await gql(PAGE_QUERY, {argument: value})

    assert body["data"] is None
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["argument"] == argument
    assert body["errors"][0]["path"] == ["organisations"]


@pytest.mark.parametrize(
    "query",
    [
        '{ region(code: "SE332") { organisations(first: 101) { totalCount } } }',
        '{ project(slug: "ntt-plus") { partners(first: -1) { totalCount } } }',
        '{ organisation(slug: "sern") { projects(last: 500) { totalCount } } }',
        "{ themes { projects(first: 101) { totalCount } } }",
    ],
)
async def test_nested_connection_page_size_out_of_range_is_bad_user_input(
    gql: GraphQLClient, query: str
) -> None:
    body = await gql(query)

    assert body["errors"]
    assert set(error_codes(body)) == {"BAD_USER_INPUT"}


def cursor_of(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    ("argument", "cursor"),
    [
        ("after", "not a cursor"),
        ("after", "!!!"),
        ("before", "garbage"),
        ("after", ""),
        ("after", cursor_of("cursor:-3")),
        ("before", cursor_of("cursor:abc")),
        ("after", cursor_of("something:4")),
        ("after", "ö"),
    ],
)
async def test_organisations_malformed_cursor_is_bad_user_input(
    gql: GraphQLClient, argument: str, cursor: str
) -> None:
    body = await gql(PAGE_QUERY, {"first": 5, argument: cursor})

    assert body["data"] is None
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["argument"] == argument
    assert_no_leak(str(body))


async def test_nested_connection_malformed_cursor_is_bad_user_input(gql: GraphQLClient) -> None:
    body = await gql('{ organisation(slug: "sern") { projects(after: "nonsense") { totalCount } } }')

    assert error_codes(body) == ["BAD_USER_INPUT"]


async def test_region_organisations_total_count_counts_all_pages(
    gql: GraphQLClient, settings: Settings
) -> None:
    region = await Region.get(code="SE332")
    expected = await Organisation.filter(state=PUBLISHED, region_id=region.id).count()

    data = await gql.data(
        '{ region(code: "SE332") { organisations(first: 2) { totalCount edges { cursor } } } }'
    )

    assert expected > 2
    assert data["region"]["organisations"]["totalCount"] == expected
    assert len(data["region"]["organisations"]["edges"]) == 2


async def test_project_partners_total_count_counts_all_pages(gql: GraphQLClient, settings: Settings) -> None:
    project = await Project.get(slug="mantt")
    expected = await ProjectPartnership.filter(
        project_id=project.id, state=PUBLISHED, organisation__state=PUBLISHED
    ).count()

    data = await gql.data(
        """{ project(slug: "mantt") { partners(first: 3) {
              totalCount pageInfo { hasNextPage } edges { node { slug } } } } }"""
    )
    partners = data["project"]["partners"]

    assert expected > 3
    assert partners["totalCount"] == expected
    assert len(partners["edges"]) == 3
    assert partners["pageInfo"]["hasNextPage"] is True


async def test_organisation_projects_nested_pages_cover_all_projects(
    gql: GraphQLClient, settings: Settings
) -> None:
    organisation = await Organisation.get(slug="sern")
    expected = set(
        await column(
            ProjectPartnership.filter(
                organisation_id=organisation.id, state=PUBLISHED, project__state=PUBLISHED
            ),
            "project__slug",
        )
    )
    query = """query($after: String) { organisation(slug: "sern") {
                 projects(first: 4, after: $after) {
                   totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } } }"""

    seen: list[str] = []
    after: str | None = None
    while True:
        projects = (await gql.data(query, {"after": after}))["organisation"]["projects"]
        assert projects["totalCount"] == len(expected)
        seen += [edge["node"]["slug"] for edge in projects["edges"]]
        if not projects["pageInfo"]["hasNextPage"]:
            break
        after = projects["pageInfo"]["endCursor"]

    assert len(expected) > 4
    assert sorted(seen) == sorted(expected)
    assert len(seen) == len(set(seen))


async def test_theme_connections_total_count_matches_published_links(
    gql: GraphQLClient, settings: Settings
) -> None:
    theme = await Theme.get(slug="education")
    projects = await Project.filter(state=PUBLISHED, themes__id=theme.id).count()
    organisations = await Organisation.filter(state=PUBLISHED, themes__id=theme.id).count()

    data = await gql.data(
        """{ theme(slug: "education") {
              projects(first: 1) { totalCount } organisations(first: 1) { totalCount } } }"""
    )

    assert data["theme"]["projects"]["totalCount"] == projects
    assert data["theme"]["organisations"]["totalCount"] == organisations
    assert projects > 1

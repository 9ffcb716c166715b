"""Filters that follow links, checked against counts computed independently of the API's queries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from sern_graph.events.models import Event
from sern_graph.geography.models import Region
from sern_graph.organisations.models import Membership, MembershipKind, Organisation, OrganisationKind
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.settings import Settings
from tests.api.conftest import PUBLISHED, all_edges, column
from tests.conftest import GraphQLClient


def holds_on(row: Any, day: date) -> bool:
    return (row.start_date is None or row.start_date <= day) and (row.end_date is None or row.end_date >= day)


async def filtered_slugs(gql: GraphQLClient, field: str, filter_: dict[str, Any]) -> tuple[int, set[str]]:
    """(totalCount, every slug over all pages) of a root list under a filter."""
    type_name = {"organisations": "Organisation", "projects": "Project", "people": "Person"}[field]
    query = f"""query($filter: {type_name}Filter, $after: String) {{
        {field}(first: 100, after: $after, filter: $filter) {{
          totalCount pageInfo {{ hasNextPage endCursor }} edges {{ node {{ slug }} }} }} }}"""
    slugs: list[str] = []
    after: str | None = None
    while True:
        connection = (await gql.data(query, {"filter": filter_, "after": after}))[field]
        slugs += [edge["node"]["slug"] for edge in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert len(slugs) == len(set(slugs)) == connection["totalCount"]
    return connection["totalCount"], set(slugs)


async def organisations_in_projects_on(theme_slugs: list[str]) -> set[str]:
    """Published organisations that are published partners of published projects on the themes."""
    projects = {
        project.id
        for project in await Project.filter(state=PUBLISHED).prefetch_related("themes")
        if any(theme.slug in theme_slugs and theme.state == PUBLISHED for theme in project.themes)
    }
    partner_ids = {
        link.organisation_id
        for link in await ProjectPartnership.filter(state=PUBLISHED)
        if link.project_id in projects
    }
    return {
        organisation.slug
        for organisation in await Organisation.filter(state=PUBLISHED)
        if organisation.id in partner_ids
    }


@pytest.mark.parametrize(
    "theme_slugs",
    [["education"], ["capacity-building"], ["education", "culture"], ["energy", "environment"], []],
)
async def test_organisations_project_theme_slugs_counts_distinct_partners(
    gql: GraphQLClient, settings: Settings, theme_slugs: list[str]
) -> None:
    expected = await organisations_in_projects_on(theme_slugs)

    total, slugs = await filtered_slugs(gql, "organisations", {"projectThemeSlugs": theme_slugs})

    assert slugs == expected
    assert total == len(expected)


async def test_organisations_project_theme_slugs_matches_seed_partners(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    expected = {
        partner["organisation"]
        for project in seed_data["projects"]
        if "capacity-building" in project.get("themes", [])
        for partner in project.get("partners", [])
    }

    total, slugs = await filtered_slugs(gql, "organisations", {"projectThemeSlugs": ["capacity-building"]})

    assert {"sern", "norrbottens-kommuner", "kalix"} <= expected
    assert slugs == expected
    assert total == len(expected)


@pytest.mark.parametrize("codes", [["ES"], ["FI"], ["es"], ["ES", "FI"], ["SE"], ["ZZ"]])
async def test_projects_partner_country_codes_matches_seed(
    gql: GraphQLClient, seed_data: dict[str, Any], codes: list[str]
) -> None:
    country_of = {
        organisation["slug"]: organisation["country"] for organisation in seed_data["organisations"]
    }
    wanted = {code.upper() for code in codes}
    expected = {
        project["slug"]
        for project in seed_data["projects"]
        if any(country_of[partner["organisation"]] in wanted for partner in project.get("partners", []))
    }

    total, slugs = await filtered_slugs(gql, "projects", {"partnerCountryCodes": codes})

    assert slugs == expected
    assert total == len(expected)


async def test_projects_partner_country_codes_spain_and_finland(gql: GraphQLClient) -> None:
    _, spain = await filtered_slugs(gql, "projects", {"partnerCountryCodes": ["ES"]})
    _, finland = await filtered_slugs(gql, "projects", {"partnerCountryCodes": ["FI"]})

    # CREANET (Murcia, Jyväskylä) and REN (Camariñas, Jalasjärvi) had Spanish and Finnish partners.
    assert {"creanet", "ren"} <= spain & finland
    assert "ntt-plus" not in spain | finland  # its Spanish and Finnish participants are not recorded


@pytest.mark.parametrize("day", ["2018-06-01", "2010-06-01", "2022-01-01"])
async def test_people_seat_on_equals_distinct_people_on_board(gql: GraphQLClient, day: str) -> None:
    board = (await gql.data(f'{{ board(asOf: "{day}") {{ person {{ slug }} }} }}'))["board"]
    on_board = {seat["person"]["slug"] for seat in board}

    total, slugs = await filtered_slugs(gql, "people", {"seatOn": day})

    assert on_board
    assert slugs == on_board
    assert total == len(on_board)


async def test_people_seat_on_with_board_role_chair(gql: GraphQLClient) -> None:
    total, slugs = await filtered_slugs(gql, "people", {"seatOn": "2018-06-01", "boardRoles": ["CHAIR"]})

    assert total == 1
    assert slugs == {"lubiano-montaguti"}


async def member_slugs(day: date) -> set[str]:
    """Members on `day`, computed in Python from the rows."""
    member_ids = {
        membership.organisation_id
        for membership in await Membership.filter(state=PUBLISHED, kind=MembershipKind.MEMBER)
        if holds_on(membership, day)
    }
    return {
        organisation.slug
        for organisation in await Organisation.filter(state=PUBLISHED)
        if organisation.id in member_ids
    }


@pytest.mark.parametrize("day", ["2006-01-01", "2018-06-01", None])
async def test_organisations_is_member_as_of_matches_memberships(
    gql: GraphQLClient, settings: Settings, day: str | None
) -> None:
    members = await member_slugs(date.fromisoformat(day) if day else datetime.now(UTC).date())
    everyone = await Organisation.filter(state=PUBLISHED).count()

    member_total, member_set = await filtered_slugs(
        gql, "organisations", {"isMember": True, "memberAsOf": day}
    )
    other_total, other_set = await filtered_slugs(
        gql, "organisations", {"isMember": False, "memberAsOf": day}
    )

    assert member_set == members
    assert member_total == len(members)
    assert other_total == everyone - len(members)
    assert member_set.isdisjoint(other_set)


async def test_organisations_is_member_differs_between_dates(gql: GraphQLClient, settings: Settings) -> None:
    early = await member_slugs(date(2006, 1, 1))
    late = await member_slugs(date(2018, 6, 1))

    _, early_api = await filtered_slugs(gql, "organisations", {"isMember": True, "memberAsOf": "2006-01-01"})
    _, late_api = await filtered_slugs(gql, "organisations", {"isMember": True, "memberAsOf": "2018-06-01"})

    assert early != late  # the dataset has members joining and leaving; the date must matter
    assert (early_api, late_api) == (early, late)


@pytest.mark.parametrize(
    "codes", [["SE33"], ["se332"], ["SE3"], ["SE33", "ITH5"], ["ITH55"], ["SE"], ["XX"], []]
)
async def test_organisations_region_codes_include_sub_regions(
    gql: GraphQLClient, settings: Settings, codes: list[str]
) -> None:
    region_code = dict(await Region.all().values_list("id", "code"))
    expected = {
        organisation.slug
        for organisation in await Organisation.filter(state=PUBLISHED)
        if organisation.region_id is not None
        and any(str(region_code[organisation.region_id]).startswith(code.upper()) for code in codes)
    }

    total, slugs = await filtered_slugs(gql, "organisations", {"regionCodes": codes})

    assert slugs == expected
    assert total == len(expected)


async def test_organisations_region_codes_nuts2_includes_nuts3_members(gql: GraphQLClient) -> None:
    _, upper = await filtered_slugs(gql, "organisations", {"regionCodes": ["SE33"]})
    _, lower = await filtered_slugs(gql, "organisations", {"regionCodes": ["SE332"]})

    assert {"lulea", "kalix", "region-norrbotten", "norrbottens-kommuner"} <= lower
    assert lower <= upper


@pytest.mark.parametrize("kind", list(OrganisationKind))
async def test_organisations_kinds_matches_kind_count(
    gql: GraphQLClient, settings: Settings, kind: OrganisationKind
) -> None:
    expected = set(await column(Organisation.filter(state=PUBLISHED, kind=kind), "slug"))

    total, slugs = await filtered_slugs(gql, "organisations", {"kinds": [kind.name]})

    assert slugs == expected
    assert total == len(expected)


async def test_organisations_several_kinds_is_union(gql: GraphQLClient, settings: Settings) -> None:
    kinds = [OrganisationKind.MUNICIPALITY, OrganisationKind.UNIVERSITY]
    expected = await Organisation.filter(state=PUBLISHED, kind__in=kinds).count()

    total, _ = await filtered_slugs(gql, "organisations", {"kinds": [kind.name for kind in kinds]})

    assert total == expected


@pytest.mark.parametrize("text", ["kommun", "KOMMUN", "Comune", "uni", "SERN", "no such name at all"])
async def test_organisations_search_matches_name_or_short_name(
    gql: GraphQLClient, settings: Settings, text: str
) -> None:
    expected = {
        organisation.slug
        for organisation in await Organisation.filter(state=PUBLISHED)
        if text.lower() in organisation.name.lower()
        or text.lower() in (organisation.short_name or "").lower()
    }

    total, slugs = await filtered_slugs(gql, "organisations", {"search": text})

    assert slugs == expected
    assert total == len(expected)


async def test_organisations_conditions_combine_with_and(gql: GraphQLClient, settings: Settings) -> None:
    expected = await Organisation.filter(
        state=PUBLISHED, country__code="IT", kind=OrganisationKind.MUNICIPALITY
    ).count()
    italian = await Organisation.filter(state=PUBLISHED, country__code="IT").count()

    total, _ = await filtered_slugs(gql, "organisations", {"countryCodes": ["it"], "kinds": ["MUNICIPALITY"]})

    assert 0 < total == expected < italian


async def test_projects_active_on_matches_project_dates(gql: GraphQLClient, settings: Settings) -> None:
    day = date(2017, 6, 1)
    expected = {
        project.slug
        for project in await Project.filter(state=PUBLISHED)
        if holds_on(project, day) and (project.start_date or project.end_date)
    }
    undated = {
        project.slug
        for project in await Project.filter(state=PUBLISHED)
        if project.start_date is None and project.end_date is None
    }

    _, slugs = await filtered_slugs(gql, "projects", {"activeOn": day.isoformat()})

    assert expected
    assert slugs - undated == expected


async def test_projects_themes_and_programmes_filter(gql: GraphQLClient, seed_data: dict[str, Any]) -> None:
    expected = {
        project["slug"]
        for project in seed_data["projects"]
        if project.get("programme") == "Erasmus+" and "education" in project.get("themes", [])
    }

    total, slugs = await filtered_slugs(
        gql, "projects", {"programmes": ["Erasmus+"], "themeSlugs": ["education"]}
    )

    assert len(expected) > 1
    assert slugs == expected
    assert total == len(expected)


async def test_events_filter_by_kind_participant_host_and_project(
    gql: GraphQLClient, seed_data: dict[str, Any], settings: Settings
) -> None:
    events = seed_data["events"]
    joined = {event["slug"] for event in events if "cervia" in event.get("participants", [])}
    hosted = {event["slug"] for event in events if event.get("host") == "unione-terre-verdiane"}
    of_project = {event["slug"] for event in events if "50-50" in event.get("projects", [])}
    general_assemblies = await Event.filter(state=PUBLISHED, kind="general_assembly").count()

    data = await gql.data(
        """{ ga: events(first: 100, filter: {kinds: [GENERAL_ASSEMBLY]}) { totalCount }
             joined: events(first: 100, filter: {participantSlugs: ["cervia"]}) {
               totalCount edges { node { slug } } }
             hosted: events(first: 100, filter: {hostSlugs: ["unione-terre-verdiane"]}) {
               totalCount edges { node { slug } } }
             project: events(first: 100, filter: {projectSlugs: ["50-50"]}) {
               totalCount edges { node { slug } } } }"""
    )

    assert general_assemblies > 1
    assert data["ga"]["totalCount"] == general_assemblies
    for key, expected in (("joined", joined), ("hosted", hosted), ("project", of_project)):
        assert expected, key
        assert {edge["node"]["slug"] for edge in data[key]["edges"]} == expected, key
        assert data[key]["totalCount"] == len(expected), key


async def test_region_organisations_nested_filter_and_subregions(
    gql: GraphQLClient, settings: Settings
) -> None:
    codes = dict(await Region.all().values_list("id", "code"))
    expected = {
        organisation.slug
        for organisation in await Organisation.filter(state=PUBLISHED, kind=OrganisationKind.MUNICIPALITY)
        if organisation.region_id is not None and str(codes[organisation.region_id]).startswith("SE33")
    }

    data = await gql.data(
        """{ region(code: "SE33") {
              own: organisations(first: 100, filter: {kinds: [MUNICIPALITY]}) { totalCount }
              all: organisations(first: 100, includeSubregions: true, filter: {kinds: [MUNICIPALITY]}) {
                totalCount edges { node { slug } } } } }"""
    )
    region = data["region"]

    assert {edge["node"]["slug"] for edge in region["all"]["edges"]} == expected
    assert region["all"]["totalCount"] == len(expected)
    assert region["own"]["totalCount"] < region["all"]["totalCount"]


async def test_organisations_filter_walks_all_pages_consistently(gql: GraphQLClient) -> None:
    edges = await all_edges(
        gql, "organisations", "node { slug country { code } }", 'filter: {countryCodes: ["SE"]}', page_size=6
    )

    assert edges
    assert {edge["node"]["country"]["code"] for edge in edges} == {"SE"}

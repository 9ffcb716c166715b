"""Links in both directions, checked against the SERN dataset; the board of 2018; network figures."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

import pytest

from sern_graph.geography.models import Country
from sern_graph.organisations.models import Membership, MembershipKind, Organisation, OrganisationKind
from sern_graph.people.models import BoardMembership, BoardRole, Person
from sern_graph.projects.models import Project
from sern_graph.settings import Settings
from tests.api.conftest import PUBLISHED, all_edges, delete_test_rows
from tests.conftest import GraphQLClient

BOARD_DAY = "2018-06-01"


def holds_on(entry: dict[str, Any], day: str) -> bool:
    """Whether a seed entry's period holds on `day` (ISO dates compare as strings)."""
    start, end = entry.get("startDate"), entry.get("endDate")
    return (start is None or start <= day) and (end is None or end >= day)


def slugs_of(items: list[dict[str, Any]]) -> set[str]:
    return {item["slug"] for item in items}


def edge_slugs(connection: dict[str, Any]) -> set[str]:
    return {edge["node"]["slug"] for edge in connection["edges"]}


ORGANISATION_QUERY = """
query($slug: String!, $day: Date!) {
  organisation(slug: $slug) {
    slug
    region { code } country { code }
    memberships { kind startDate endDate organisation { slug } }
    isMember(asOf: $day)
    boardSeats { role startDate person { slug } organisation { slug } }
    seatsThen: boardSeats(asOf: $day) { person { slug } }
    projects(first: 100) { totalCount edges { role node { slug } } }
    events(first: 100) { totalCount edges { node { slug } } }
    contacts { roleLocalized { value locale } person { slug } organisation { slug } }
    themes { slug }
  }
}
"""


@pytest.mark.parametrize(
    "slug", ["norrbottens-kommuner", "sern", "linkoping", "unione-terre-verdiane", "cervia", "lulea"]
)
async def test_organisation_links_match_seed(
    gql: GraphQLClient, seed_data: dict[str, Any], slug: str
) -> None:
    entry = next(organisation for organisation in seed_data["organisations"] if organisation["slug"] == slug)
    memberships = [m for m in seed_data["memberships"] if m["organisation"] == slug]
    seats = [seat for seat in seed_data["boardMemberships"] if seat.get("organisation") == slug]
    roles = {
        project["slug"]: partner["role"].upper()
        for project in seed_data["projects"]
        for partner in project.get("partners", [])
        if partner["organisation"] == slug
    }
    events = {
        event["slug"]
        for event in seed_data["events"]
        if event.get("host") == slug or slug in event.get("participants", [])
    }
    contacts = {
        (contact["person"], contact["role"]["en"])
        for contact in seed_data["contactRoles"]
        if contact["organisation"] == slug
    }

    organisation = (await gql.data(ORGANISATION_QUERY, {"slug": slug, "day": BOARD_DAY}))["organisation"]

    assert organisation["region"] == ({"code": entry["region"]} if entry.get("region") else None)
    assert organisation["country"] == {"code": entry["country"]}
    assert sorted((m["kind"], m["startDate"]) for m in organisation["memberships"]) == sorted(
        (m["kind"].upper(), m.get("startDate")) for m in memberships
    )
    assert all(m["organisation"] == {"slug": slug} for m in organisation["memberships"])
    assert organisation["isMember"] == any(
        m["kind"] == "member" and holds_on(m, BOARD_DAY) for m in memberships
    )
    assert sorted(seat["person"]["slug"] for seat in organisation["boardSeats"]) == sorted(
        seat["person"] for seat in seats
    )
    assert all(seat["organisation"] == {"slug": slug} for seat in organisation["boardSeats"])
    assert sorted(seat["person"]["slug"] for seat in organisation["seatsThen"]) == sorted(
        seat["person"] for seat in seats if holds_on(seat, BOARD_DAY)
    )
    assert {edge["node"]["slug"]: edge["role"] for edge in organisation["projects"]["edges"]} == roles
    assert organisation["projects"]["totalCount"] == len(roles)
    assert edge_slugs(organisation["events"]) == events
    assert organisation["events"]["totalCount"] == len(events)
    assert {
        (contact["person"]["slug"], contact["roleLocalized"]["value"]) for contact in organisation["contacts"]
    } == contacts
    assert all(contact["organisation"] == {"slug": slug} for contact in organisation["contacts"])
    assert slugs_of(organisation["themes"]) == set(entry.get("themes", []))


async def test_norrbottens_kommuner_links_are_populated(gql: GraphQLClient) -> None:
    """Guards the parametrized comparison above against comparing empty with empty."""
    organisation = (await gql.data(ORGANISATION_QUERY, {"slug": "norrbottens-kommuner", "day": BOARD_DAY}))[
        "organisation"
    ]

    assert organisation["region"] == {"code": "SE332"}
    assert organisation["isMember"] is True
    assert {"carina-sammeli", "ann-katrine-samfors"} <= {
        s["person"]["slug"] for s in organisation["seatsThen"]
    }
    assert {"ntt-plus", "mantt"} <= edge_slugs(organisation["projects"])
    assert ("anita-lindfors", "SERN contact for Norrbotten") in {
        (c["person"]["slug"], c["roleLocalized"]["value"]) for c in organisation["contacts"]
    }


async def test_projects_partners_and_organisations_projects_agree_with_seed(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    expected = {
        (project["slug"], partner["organisation"], partner["role"].upper())
        for project in seed_data["projects"]
        for partner in project.get("partners", [])
    }

    projects = await all_edges(
        gql, "projects", "node { slug partners(first: 100) { totalCount edges { role node { slug } } } }"
    )
    organisations = await all_edges(
        gql, "organisations", "node { slug projects(first: 100) { totalCount edges { role node { slug } } } }"
    )

    from_projects = {
        (edge["node"]["slug"], partner["node"]["slug"], partner["role"])
        for edge in projects
        for partner in edge["node"]["partners"]["edges"]
    }
    from_organisations = {
        (project["node"]["slug"], edge["node"]["slug"], project["role"])
        for edge in organisations
        for project in edge["node"]["projects"]["edges"]
    }
    assert from_projects == expected
    assert from_organisations == expected
    assert sum(edge["node"]["partners"]["totalCount"] for edge in projects) == len(expected)
    assert sum(edge["node"]["projects"]["totalCount"] for edge in organisations) == len(expected)


async def test_regions_parent_children_and_country_match_seed(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    children: defaultdict[str, set[str]] = defaultdict(set)
    for region in seed_data["regions"]:
        if region.get("parent"):
            children[region["parent"]].add(region["code"])

    data = await gql.data("{ regions { code level country { code } parent { code } children { code } } }")

    regions = {region["code"]: region for region in data["regions"]}
    assert set(regions) == {region["code"] for region in seed_data["regions"]}
    for entry in seed_data["regions"]:
        region = regions[entry["code"]]
        assert region["level"] == entry["level"]
        assert region["country"] == {"code": entry["country"]}
        assert region["parent"] == ({"code": entry["parent"]} if entry.get("parent") else None)
        assert {child["code"] for child in region["children"]} == children[entry["code"]]
    assert "SE332" in {child["code"] for child in regions["SE33"]["children"]}


async def test_region_organisations_match_seed(gql: GraphQLClient, seed_data: dict[str, Any]) -> None:
    in_region = {o["slug"] for o in seed_data["organisations"] if o.get("region") == "SE332"}
    in_tree = {o["slug"] for o in seed_data["organisations"] if (o.get("region") or "").startswith("SE3")}

    data = await gql.data(
        """{ region(code: "SE332") { organisations(first: 100) { totalCount edges { node { slug } } } }
             tree: region(code: "SE3") {
               own: organisations(first: 100) { totalCount }
               all: organisations(first: 100, includeSubregions: true) {
                 totalCount edges { node { slug } } } }
             country(code: "SE") { regions(levels: [3]) { code level } } }"""
    )

    assert edge_slugs(data["region"]["organisations"]) == in_region
    assert data["region"]["organisations"]["totalCount"] == len(in_region)
    assert edge_slugs(data["tree"]["all"]) == in_tree
    assert data["tree"]["own"]["totalCount"] == sum(
        1 for o in seed_data["organisations"] if o.get("region") == "SE3"
    )
    assert {region["level"] for region in data["country"]["regions"]} == {3}
    assert "SE332" in {region["code"] for region in data["country"]["regions"]}


async def test_projects_themes_and_events_match_seed(gql: GraphQLClient, seed_data: dict[str, Any]) -> None:
    events_of: defaultdict[str, set[str]] = defaultdict(set)
    for event in seed_data["events"]:
        for project in event.get("projects", []):
            events_of[project].add(event["slug"])

    edges = await all_edges(
        gql,
        "projects",
        "node { slug themes { slug } events(first: 100) { totalCount edges { node { slug } } } }",
    )

    projects = {edge["node"]["slug"]: edge["node"] for edge in edges}
    assert set(projects) == {project["slug"] for project in seed_data["projects"]}
    for entry in seed_data["projects"]:
        project = projects[entry["slug"]]
        assert slugs_of(project["themes"]) == set(entry.get("themes", [])), entry["slug"]
        assert edge_slugs(project["events"]) == events_of[entry["slug"]], entry["slug"]
        assert project["events"]["totalCount"] == len(events_of[entry["slug"]])
    assert events_of["50-50"]


async def test_people_organisation_and_board_seats_match_seed(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    seats_of: defaultdict[str, list[tuple[str, str | None, str | None]]] = defaultdict(list)
    for seat in seed_data["boardMemberships"]:
        seats_of[seat["person"]].append(
            (seat["role"].upper(), seat.get("organisation"), seat.get("startDate"))
        )

    edges = await all_edges(
        gql,
        "people",
        """node { slug organisation { slug }
                  boardSeats { role startDate organisation { slug } person { slug } } }""",
    )

    people = {edge["node"]["slug"]: edge["node"] for edge in edges}
    assert set(people) == {person["slug"] for person in seed_data["people"]}
    for entry in seed_data["people"]:
        person = people[entry["slug"]]
        expected_organisation = {"slug": entry["organisation"]} if entry.get("organisation") else None
        assert person["organisation"] == expected_organisation, entry["slug"]
        seats = [
            (seat["role"], (seat["organisation"] or {}).get("slug"), seat["startDate"])
            for seat in person["boardSeats"]
        ]
        assert sorted(seats, key=str) == sorted(seats_of[entry["slug"]], key=str), entry["slug"]
        # Oldest first.
        starts = [seat["startDate"] for seat in person["boardSeats"] if seat["startDate"]]
        assert starts == sorted(starts)
        assert all(seat["person"] == {"slug": entry["slug"]} for seat in person["boardSeats"])


async def test_events_host_participants_and_projects_match_seed(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    edges = await all_edges(
        gql,
        "events",
        "node { slug host { slug } country { code } participants { slug } projects { slug } }",
    )

    events = {edge["node"]["slug"]: edge["node"] for edge in edges}
    assert set(events) == {event["slug"] for event in seed_data["events"]}
    for entry in seed_data["events"]:
        event = events[entry["slug"]]
        assert event["host"] == ({"slug": entry["host"]} if entry.get("host") else None), entry["slug"]
        assert event["country"] == ({"code": entry["country"]} if entry.get("country") else None)
        assert slugs_of(event["participants"]) == set(entry.get("participants", [])), entry["slug"]
        assert slugs_of(event["projects"]) == set(entry.get("projects", [])), entry["slug"]


async def test_themes_organisations_and_projects_match_seed(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    data = await gql.data(
        """{ themes { slug
              organisations(first: 100) { totalCount edges { node { slug } } }
              projects(first: 100) { totalCount edges { node { slug } } } } }"""
    )

    themes = {theme["slug"]: theme for theme in data["themes"]}
    assert set(themes) == {theme["slug"] for theme in seed_data["themes"]}
    for slug, theme in themes.items():
        organisations = {o["slug"] for o in seed_data["organisations"] if slug in o.get("themes", [])}
        projects = {p["slug"] for p in seed_data["projects"] if slug in p.get("themes", [])}
        assert edge_slugs(theme["organisations"]) == organisations, slug
        assert theme["organisations"]["totalCount"] == len(organisations)
        assert edge_slugs(theme["projects"]) == projects, slug
        assert theme["projects"]["totalCount"] == len(projects)
    assert edge_slugs(themes["education"]["organisations"]) >= {"lulea", "kalix"}


@pytest.fixture
async def child_organisation(settings: Settings) -> AsyncIterator[Organisation]:
    try:
        yield await Organisation.create(
            slug="test-links-child",
            name="Test Links Child School",
            kind=OrganisationKind.SCHOOL,
            country=await Country.get(code="SE"),
            parent=await Organisation.get(slug="norrbottens-kommuner"),
            state=PUBLISHED,
        )
    finally:
        await delete_test_rows("test-links-child")


async def test_organisation_parent_and_children_link_both_ways(
    gql: GraphQLClient, child_organisation: Organisation
) -> None:
    data = await gql.data(
        """{ organisation(slug: "test-links-child") { parent { slug } }
             parent: organisation(slug: "norrbottens-kommuner") {
               children { totalCount edges { node { slug parent { slug } } } } } }"""
    )

    assert data["organisation"]["parent"] == {"slug": "norrbottens-kommuner"}
    children = data["parent"]["children"]
    assert children["totalCount"] == 1
    assert children["edges"][0]["node"] == {
        "slug": "test-links-child",
        "parent": {"slug": "norrbottens-kommuner"},
    }


BOARD_QUERY = """
{ board(asOf: "2018-06-01") {
    id role startDate endDate datesApproximate isCurrent note
    sources { url title }
    person { slug givenName familyName }
    organisation { slug }
} }
"""


async def test_board_2018_has_montaguti_as_chair_first(gql: GraphQLClient) -> None:
    board = (await gql.data(BOARD_QUERY))["board"]

    chair = board[0]
    assert chair["role"] == "CHAIR"
    assert (chair["person"]["givenName"], chair["person"]["familyName"]) == ("Lubiano", "Montaguti")
    assert [seat["role"] for seat in board].count("CHAIR") == 1
    order = ["CHAIR", "VICE_CHAIR", "MEMBER", "DEPUTY"]
    assert [order.index(seat["role"]) for seat in board] == sorted(
        order.index(seat["role"]) for seat in board
    )


async def test_board_2018_norrbotten_members_approximate_and_sourced(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    page = seed_data["sources"]["norrbottens-kommuner"]
    names = {("Kent", "Ögren"), ("Glenn", "Berggård"), ("Carina", "Sammeli"), ("Ann-Katrine", "Sämfors")}

    board = (await gql.data(BOARD_QUERY))["board"]

    norrbotten = [
        seat for seat in board if (seat["person"]["givenName"], seat["person"]["familyName"]) in names
    ]
    assert {(s["person"]["givenName"], s["person"]["familyName"]) for s in norrbotten} == names
    for seat in norrbotten:
        assert seat["role"] == "MEMBER"
        assert seat["datesApproximate"] is True
        assert {"url": page["url"], "title": page["title"]} in seat["sources"]
        assert seat["note"]
        assert seat["startDate"] <= BOARD_DAY <= seat["endDate"]


async def test_board_2018_matches_seed_seats(gql: GraphQLClient, seed_data: dict[str, Any]) -> None:
    expected = Counter(
        (seat["person"], seat["role"].upper(), seat.get("organisation"))
        for seat in seed_data["boardMemberships"]
        if holds_on(seat, BOARD_DAY)
    )

    board = (await gql.data(BOARD_QUERY))["board"]

    assert (
        Counter((s["person"]["slug"], s["role"], (s["organisation"] or {}).get("slug")) for s in board)
        == expected
    )
    today = datetime.now(UTC).date().isoformat()
    assert all(seat["isCurrent"] == (seat["endDate"] is None or seat["endDate"] >= today) for seat in board)


async def test_board_seat_node_links_back_to_person_and_organisation(gql: GraphQLClient) -> None:
    board = (await gql.data(BOARD_QUERY))["board"]
    seat = board[0]

    data = await gql.data(
        """query($id: ID!) { node(id: $id) { __typename ... on BoardMembership {
              role person { slug boardSeats { id } } organisation { slug boardSeats { id } } } } }""",
        {"id": seat["id"]},
    )

    node = data["node"]
    assert node["__typename"] == "BoardMembership"
    assert node["person"]["slug"] == seat["person"]["slug"]
    assert node["organisation"]["slug"] == seat["organisation"]["slug"]
    assert seat["id"] in {s["id"] for s in node["person"]["boardSeats"]}
    assert seat["id"] in {s["id"] for s in node["organisation"]["boardSeats"]}


def period_holds(row: Any, day: date) -> bool:
    return (row.start_date is None or row.start_date <= day) and (row.end_date is None or row.end_date >= day)


@pytest.mark.parametrize("day", [None, "2018-06-01", "2008-01-01"])
async def test_network_counts_equal_orm_counts(
    gql: GraphQLClient, settings: Settings, day: str | None
) -> None:
    as_of = date.fromisoformat(day) if day else datetime.now(UTC).date()
    organisations = {o.id: o for o in await Organisation.filter(state=PUBLISHED).prefetch_related("country")}
    member_ids = {
        m.organisation_id
        for m in await Membership.filter(state=PUBLISHED, kind=MembershipKind.MEMBER)
        if period_holds(m, as_of) and m.organisation_id in organisations
    }
    by_country = Counter(organisations[pk].country.code for pk in member_ids)
    by_kind = Counter(OrganisationKind(organisations[pk].kind).name for pk in member_ids)
    projects = await Project.filter(state=PUBLISHED)
    by_programme = Counter(project.programme for project in projects)

    data = await gql.data(
        """query($day: Date) { network(asOf: $day) {
              asOf memberCount
              membersByCountry { country { code } count }
              membersByRegion { region { code } count }
              membersByKind { kind count }
              projectsByProgramme { programme count }
              projectsByTheme { theme { slug } count } } }""",
        {"day": day},
    )
    network = data["network"]

    assert network["asOf"] == as_of.isoformat()
    assert network["memberCount"] == len(member_ids)
    assert {row["country"]["code"]: row["count"] for row in network["membersByCountry"]} == dict(by_country)
    assert sum(row["count"] for row in network["membersByCountry"]) == network["memberCount"]
    assert sum(row["count"] for row in network["membersByRegion"]) == network["memberCount"]
    assert {row["kind"]: row["count"] for row in network["membersByKind"]} == dict(by_kind)
    assert {row["programme"]: row["count"] for row in network["projectsByProgramme"]} == dict(by_programme)
    assert sum(row["count"] for row in network["projectsByProgramme"]) == len(projects)
    counts = [row["count"] for row in network["membersByCountry"]]
    assert counts == sorted(counts, reverse=True)


async def test_network_projects_by_theme_equal_orm_counts(gql: GraphQLClient, settings: Settings) -> None:
    expected: Counter[str] = Counter()
    for project in await Project.filter(state=PUBLISHED).prefetch_related("themes"):
        expected.update(theme.slug for theme in project.themes if theme.state == PUBLISHED)

    data = await gql.data("{ network { projectsByTheme { theme { slug } count } } }")

    assert {row["theme"]["slug"]: row["count"] for row in data["network"]["projectsByTheme"]} == dict(
        expected
    )


async def test_network_member_count_positive_and_changes_with_date(gql: GraphQLClient) -> None:
    data = await gql.data(
        """{ now: network { memberCount } then: network(asOf: "2018-06-01") { memberCount }
             before: network(asOf: "1990-01-01") { memberCount } }"""
    )

    assert data["now"]["memberCount"] > 0
    assert data["then"]["memberCount"] > 0
    assert data["before"]["memberCount"] <= data["then"]["memberCount"]


@pytest.fixture
async def dated_memberships(settings: Settings) -> AsyncIterator[Organisation]:
    """A member since an unknown date that rejoined later; and a person with seats likewise."""
    try:
        organisation = await Organisation.create(
            slug="test-links-dated",
            name="Test Links Dated",
            kind=OrganisationKind.MUNICIPALITY,
            country=await Country.get(code="IT"),
            state=PUBLISHED,
        )
        person = await Person.create(
            slug="test-links-dated-person",
            given_name="Test",
            family_name="Dated",
            organisation=organisation,
            state=PUBLISHED,
        )
        for start, end in ((date(2015, 1, 1), None), (None, date(2010, 12, 31))):
            await Membership.create(
                organisation=organisation,
                kind=MembershipKind.MEMBER,
                start_date=start,
                end_date=end,
                state=PUBLISHED,
            )
            await BoardMembership.create(
                person=person,
                organisation=organisation,
                role=BoardRole.MEMBER,
                start_date=start,
                end_date=end,
                state=PUBLISHED,
            )
        yield organisation
    finally:
        await delete_test_rows("test-links-dated")


async def test_memberships_and_board_seats_oldest_first_unknown_start_first(
    gql: GraphQLClient, dated_memberships: Organisation
) -> None:
    data = await gql.data(
        """{ organisation(slug: "test-links-dated") {
              memberships { startDate endDate } boardSeats { startDate }
              isMember(asOf: "2012-01-01") isMemberEarly: isMember(asOf: "2001-01-01") }
             person(slug: "test-links-dated-person") { boardSeats { startDate } } }"""
    )
    organisation = data["organisation"]

    # Since an unknown date counts as 'since before': oldest first on every database.
    assert organisation["memberships"] == [
        {"startDate": None, "endDate": "2010-12-31"},
        {"startDate": "2015-01-01", "endDate": None},
    ]
    assert [seat["startDate"] for seat in organisation["boardSeats"]] == [None, "2015-01-01"]
    assert [seat["startDate"] for seat in data["person"]["boardSeats"]] == [None, "2015-01-01"]
    assert organisation["isMember"] is False
    assert organisation["isMemberEarly"] is True


async def test_organisations_is_member_field_agrees_with_filter(gql: GraphQLClient) -> None:
    edges = await all_edges(gql, "organisations", f'node {{ slug isMember(asOf: "{BOARD_DAY}") }}')
    members = await all_edges(
        gql, "organisations", "node { slug }", f'filter: {{isMember: true, memberAsOf: "{BOARD_DAY}"}}'
    )

    assert {edge["node"]["slug"] for edge in edges if edge["node"]["isMember"]} == {
        edge["node"]["slug"] for edge in members
    }
    assert members


async def test_every_node_type_resolves_by_its_id(gql: GraphQLClient) -> None:
    data = await gql.data(
        """{ country(code: "SE") { id } region(code: "SE332") { id } theme(slug: "education") { id }
             organisation(slug: "norrbottens-kommuner") {
               id memberships { id } contacts { id } boardSeats { id } }
             person(slug: "kent-ogren") { id } project(slug: "ntt-plus") { id }
             event(slug: "general-assembly-2017") { id } }"""
    )
    organisation = data["organisation"]
    expected = {
        data["country"]["id"]: "Country",
        data["region"]["id"]: "Region",
        data["theme"]["id"]: "Theme",
        organisation["id"]: "Organisation",
        organisation["memberships"][0]["id"]: "Membership",
        organisation["contacts"][0]["id"]: "ContactRole",
        organisation["boardSeats"][0]["id"]: "BoardMembership",
        data["person"]["id"]: "Person",
        data["project"]["id"]: "Project",
        data["event"]["id"]: "Event",
    }

    nodes = (
        await gql.data("query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }", {"ids": list(expected)})
    )["nodes"]

    assert [(node["id"], node["__typename"]) for node in nodes] == list(expected.items())

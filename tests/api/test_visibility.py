"""Only published content is public: drafts and archived entries stay hidden through every link.

Each fixture is parametrized over the editorial state: the same assertions must see the entry when
it is published (which shows the fixture is wired up) and must not see it as a draft or archived.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import pytest

from sern_graph.content.models import EditorialState
from sern_graph.events.models import Event, EventKind
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Membership, MembershipKind, Organisation, OrganisationKind
from sern_graph.people.models import BoardMembership, BoardRole, ContactRole, Person
from sern_graph.projects.models import PartnershipRole, Project, ProjectPartnership
from sern_graph.settings import Settings
from sern_graph.themes.models import Theme
from tests.api.conftest import PUBLISHED, all_edges, column, delete_test_rows, global_id
from tests.conftest import GraphQLClient

STATES = [EditorialState.DRAFT, EditorialState.ARCHIVED, EditorialState.PUBLISHED]
STATE_IDS = [state.value for state in STATES]


@dataclass
class OrganisationWorld:
    """An organisation in some state, linked to published content everywhere."""

    organisation: Organisation
    visible: bool
    person: Person
    child: Organisation
    hosted_event: Event
    joined_event: Event

    @property
    def slug(self) -> str:
        return str(self.organisation.slug)


@pytest.fixture(params=STATES, ids=STATE_IDS)
async def world(request: pytest.FixtureRequest, settings: Settings) -> AsyncIterator[OrganisationWorld]:
    state: EditorialState = request.param
    slug = f"test-vis-org-{state.value}"
    sweden = await Country.get(code="SE")
    joined_event = await Event.filter(state=PUBLISHED).order_by("id").first()
    assert joined_event is not None
    try:
        organisation = await Organisation.create(
            slug=slug,
            # Sorts first by name, so it would be on the first page of every list.
            name=f"Aaa Test Visibility {state.value}",
            kind=OrganisationKind.MUNICIPALITY,
            country=sweden,
            region=await Region.get(code="SE332"),
            state=state,
        )
        await organisation.themes.add(await Theme.get(slug="education"))
        await joined_event.participants.add(organisation)
        await Membership.create(organisation=organisation, kind=MembershipKind.MEMBER, state=PUBLISHED)
        await ProjectPartnership.create(
            project=await Project.get(slug="ntt-plus"),
            organisation=organisation,
            role=PartnershipRole.LEAD,
            state=PUBLISHED,
        )
        person = await Person.create(
            slug=f"{slug}-person",
            given_name="Testa",
            family_name="Visibility",
            organisation=organisation,
            state=PUBLISHED,
        )
        child = await Organisation.create(
            slug=f"{slug}-child",
            name="Test Visibility Child",
            kind=OrganisationKind.SCHOOL,
            country=sweden,
            parent=organisation,
            state=PUBLISHED,
        )
        hosted_event = await Event.create(
            slug=f"{slug}-event",
            title_en="Test visibility seminar",
            kind=EventKind.SEMINAR,
            host=organisation,
            state=PUBLISHED,
        )
        yield OrganisationWorld(organisation, state == PUBLISHED, person, child, hosted_event, joined_event)
    finally:
        await delete_test_rows(slug)


def node_slugs(connection: dict[str, Any]) -> list[str]:
    return [edge["node"]["slug"] for edge in connection["edges"]]


async def test_organisations_list_hides_unpublished_organisation(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    published = await Organisation.filter(state=PUBLISHED).count()

    data = await gql.data("{ organisations(first: 5) { totalCount edges { node { slug } } } }")

    assert data["organisations"]["totalCount"] == published
    assert (world.slug in node_slugs(data["organisations"])) is world.visible


async def test_organisations_every_page_hides_unpublished_organisation(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    slugs = [edge["node"]["slug"] for edge in await all_edges(gql, "organisations", "node { slug }")]

    assert (world.slug in slugs) is world.visible
    assert len(slugs) == await Organisation.filter(state=PUBLISHED).count()


async def test_organisation_by_slug_and_node_hide_unpublished_organisation(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    node_id = global_id("Organisation", world.organisation.id)

    data = await gql.data(
        """query($slug: String!, $id: ID!) {
              bySlug: organisation(slug: $slug) { slug } byId: organisation(id: $id) { slug }
              node(id: $id) { id } nodes(ids: [$id]) { id } }""",
        {"slug": world.slug, "id": node_id},
    )

    expected = {"slug": world.slug} if world.visible else None
    assert data["bySlug"] == data["byId"] == expected
    assert data["node"] == ({"id": node_id} if world.visible else None)
    assert data["nodes"] == [data["node"]]


async def test_region_and_country_organisations_hide_unpublished_organisation(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    norrbotten = await Region.get(code="SE332")
    in_region = await Organisation.filter(state=PUBLISHED, region_id=norrbotten.id).count()
    in_country = await Organisation.filter(state=PUBLISHED, country__code="SE").count()

    data = await gql.data(
        """{ region(code: "SE332") { organisations(first: 100) { totalCount edges { node { slug } } } }
             upper: region(code: "SE33") {
               organisations(first: 100, includeSubregions: true) { totalCount edges { node { slug } } } }
             country(code: "SE") { organisations(first: 3) { totalCount edges { node { slug } } } } }"""
    )

    for connection in (data["region"]["organisations"], data["upper"]["organisations"]):
        assert (world.slug in node_slugs(connection)) is world.visible
    assert data["region"]["organisations"]["totalCount"] == in_region
    assert data["upper"]["organisations"]["totalCount"] >= in_region
    assert data["country"]["organisations"]["totalCount"] == in_country
    assert (world.slug in node_slugs(data["country"]["organisations"])) is world.visible


async def test_project_partners_hide_unpublished_organisation(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    expected = await ProjectPartnership.filter(
        project__slug="ntt-plus", state=PUBLISHED, organisation__state=PUBLISHED
    ).count()

    data = await gql.data(
        '{ project(slug: "ntt-plus") { partners { totalCount edges { role node { slug } } } } }'
    )
    partners = data["project"]["partners"]

    assert partners["totalCount"] == expected == len(partners["edges"])
    assert (world.slug in node_slugs(partners)) is world.visible


async def test_theme_organisations_hide_unpublished_organisation(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    expected = await Organisation.filter(state=PUBLISHED, themes__slug="education").count()

    data = await gql.data(
        '{ theme(slug: "education") { organisations(first: 100) { totalCount edges { node { slug } } } } }'
    )

    assert data["theme"]["organisations"]["totalCount"] == expected
    assert (world.slug in node_slugs(data["theme"]["organisations"])) is world.visible


async def test_organisation_filters_hide_unpublished_organisation(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    data = await gql.data(
        """{ projectTheme: organisations(first: 100, filter: {projectThemeSlugs: ["capacity-building"]}) {
               edges { node { slug } } }
             theme: organisations(first: 100, filter: {themeSlugs: ["education"]}) { edges { node { slug } } }
             member: organisations(first: 100, filter: {isMember: true}) { edges { node { slug } } }
             search: organisations(filter: {search: "aaa test visibility"}) { totalCount }
             region: organisations(first: 100, filter: {regionCodes: ["SE33"], kinds: [MUNICIPALITY]}) {
               edges { node { slug } } } }"""
    )

    for key in ("projectTheme", "theme", "member", "region"):
        assert (world.slug in node_slugs(data[key])) is world.visible, key
    assert data["search"]["totalCount"] == int(world.visible)


async def test_filters_by_unpublished_organisation_slug_match_nothing(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    data = await gql.data(
        """query($slugs: [String!]) {
              projects(filter: {partnerSlugs: $slugs}) { edges { node { slug } } }
              hosted: events(filter: {hostSlugs: $slugs}) { edges { node { slug } } }
              joined: events(filter: {participantSlugs: $slugs}) { edges { node { slug } } }
              people(filter: {organisationSlugs: $slugs}) { edges { node { slug } } }
              country: people(filter: {countryCodes: ["SE"], search: "Visibility"}) {
                edges { node { slug } } } }""",
        {"slugs": [world.slug]},
    )

    if world.visible:
        assert node_slugs(data["projects"]) == ["ntt-plus"]
        assert node_slugs(data["hosted"]) == [world.hosted_event.slug]
        assert node_slugs(data["joined"]) == [world.joined_event.slug]
        assert node_slugs(data["people"]) == node_slugs(data["country"]) == [world.person.slug]
    else:
        assert all(data[key]["edges"] == [] for key in ("projects", "hosted", "joined", "people", "country"))


async def test_links_to_unpublished_organisation_resolve_to_null(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    data = await gql.data(
        """query($person: String!, $child: String!, $hosted: String!, $joined: String!) {
              person(slug: $person) { organisation { slug } }
              organisation(slug: $child) { parent { slug } }
              hosted: event(slug: $hosted) { host { slug } }
              joined: event(slug: $joined) { participants { slug } } }""",
        {
            "person": world.person.slug,
            "child": world.child.slug,
            "hosted": world.hosted_event.slug,
            "joined": world.joined_event.slug,
        },
    )

    expected = {"slug": world.slug} if world.visible else None
    assert data["person"]["organisation"] == expected
    assert data["organisation"]["parent"] == expected
    assert data["hosted"]["host"] == expected
    participants = [participant["slug"] for participant in data["joined"]["participants"]]
    assert (world.slug in participants) is world.visible


async def published_member_ids(day: date) -> set[int]:
    """Members on `day`, computed in Python from the rows (not with the API's query)."""
    published = set(await column(Organisation.filter(state=PUBLISHED), "id"))
    return {
        membership.organisation_id
        for membership in await Membership.filter(state=PUBLISHED, kind=MembershipKind.MEMBER)
        if (membership.start_date is None or membership.start_date <= day)
        and (membership.end_date is None or membership.end_date >= day)
        and membership.organisation_id in published
    }


async def test_network_member_count_ignores_unpublished_organisation(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    today = datetime.now(UTC).date()
    members = await published_member_ids(today)
    in_sweden = set(await column(Organisation.filter(id__in=members, country__code="SE"), "id"))

    data = await gql.data("{ network { memberCount membersByCountry { country { code } count } } }")

    assert (world.organisation.id in members) is world.visible
    assert data["network"]["memberCount"] == len(members)
    by_country = {row["country"]["code"]: row["count"] for row in data["network"]["membersByCountry"]}
    assert by_country["SE"] == len(in_sweden)


@dataclass
class ProjectWorld:
    project: Project
    visible: bool
    event: Event


@pytest.fixture(params=STATES, ids=STATE_IDS)
async def project_world(request: pytest.FixtureRequest, settings: Settings) -> AsyncIterator[ProjectWorld]:
    state: EditorialState = request.param
    slug = f"test-vis-project-{state.value}"
    try:
        project = await Project.create(
            slug=slug,
            acronym="AAAVIS",
            title_en=f"Test visibility project {state.value}",
            programme="Erasmus+",
            start_date=date(2099, 1, 1),
            state=state,
        )
        await project.themes.add(await Theme.get(slug="education"))
        await ProjectPartnership.create(
            project=project,
            organisation=await Organisation.get(slug="lulea"),
            role=PartnershipRole.LEAD,
            state=PUBLISHED,
        )
        event = await Event.create(
            slug=f"{slug}-event",
            title_en="Test visibility kick-off",
            kind=EventKind.WORKSHOP,
            state=PUBLISHED,
        )
        await event.projects.add(project)
        yield ProjectWorld(project, state == PUBLISHED, event)
    finally:
        await delete_test_rows(slug)


async def test_organisation_projects_hide_unpublished_project(
    gql: GraphQLClient, project_world: ProjectWorld
) -> None:
    expected = await ProjectPartnership.filter(
        organisation__slug="lulea", state=PUBLISHED, project__state=PUBLISHED
    ).count()

    data = await gql.data(
        '{ organisation(slug: "lulea") { projects(first: 100) { totalCount edges { role node { slug } } } } }'
    )
    projects = data["organisation"]["projects"]

    assert projects["totalCount"] == expected == len(projects["edges"])
    assert (project_world.project.slug in node_slugs(projects)) is project_world.visible


async def test_project_lists_and_lookups_hide_unpublished_project(
    gql: GraphQLClient, project_world: ProjectWorld
) -> None:
    slug = project_world.project.slug
    node_id = global_id("Project", project_world.project.id)

    data = await gql.data(
        """query($slug: String!, $id: ID!, $event: String!) {
              projects(first: 3) { totalCount edges { node { slug } } }
              theme(slug: "education") { projects(first: 100) { totalCount edges { node { slug } } } }
              filtered: projects(first: 100, filter: {partnerSlugs: ["lulea"], programmes: ["Erasmus+"]}) {
                edges { node { slug } } }
              project(slug: $slug) { slug } byId: project(id: $id) { slug } node(id: $id) { id }
              event(slug: $event) { projects { slug } } }""",
        {"slug": slug, "id": node_id, "event": project_world.event.slug},
    )

    visible = project_world.visible
    assert data["projects"]["totalCount"] == await Project.filter(state=PUBLISHED).count()
    # Starting in 2099, it is first in the default (newest first) order when visible.
    assert (node_slugs(data["projects"])[0] == slug) is visible
    assert (
        data["theme"]["projects"]["totalCount"]
        == await Project.filter(state=PUBLISHED, themes__slug="education").count()
    )
    for connection in (data["theme"]["projects"], data["filtered"]):
        assert (slug in node_slugs(connection)) is visible
    assert (data["project"] is not None) is visible
    assert (data["byId"] is not None) is visible
    assert (data["node"] is not None) is visible
    assert ([project["slug"] for project in data["event"]["projects"]] == [slug]) is visible


async def test_network_project_counts_ignore_unpublished_project(
    gql: GraphQLClient, project_world: ProjectWorld
) -> None:
    published = await Project.filter(state=PUBLISHED).count()

    data = await gql.data(
        "{ network { projectsByProgramme { programme count } projectsByTheme { theme { slug } count } } }"
    )
    by_theme = {row["theme"]["slug"]: row["count"] for row in data["network"]["projectsByTheme"]}

    assert sum(row["count"] for row in data["network"]["projectsByProgramme"]) == published
    assert by_theme["education"] == await Project.filter(state=PUBLISHED, themes__slug="education").count()


@dataclass
class PersonWorld:
    person: Person
    visible: bool


@pytest.fixture(params=STATES, ids=STATE_IDS)
async def person_world(request: pytest.FixtureRequest, settings: Settings) -> AsyncIterator[PersonWorld]:
    state: EditorialState = request.param
    slug = f"test-vis-person-{state.value}"
    lulea = await Organisation.get(slug="lulea")
    try:
        person = await Person.create(
            slug=slug, given_name="Aaron", family_name="Aaavisibility", organisation=lulea, state=state
        )
        await BoardMembership.create(
            person=person,
            organisation=lulea,
            role=BoardRole.DEPUTY,
            start_date=date(2018, 1, 1),
            end_date=date(2018, 12, 31),
            state=PUBLISHED,
        )
        await ContactRole.create(person=person, organisation=lulea, role_en="Test contact", state=PUBLISHED)
        yield PersonWorld(person, state == PUBLISHED)
    finally:
        await delete_test_rows(slug)


async def test_board_hides_seat_of_unpublished_person(gql: GraphQLClient, person_world: PersonWorld) -> None:
    data = await gql.data(
        """query($slug: String!) {
              board(asOf: "2018-06-01") { role person { slug } }
              organisation(slug: "lulea") {
                boardSeats(asOf: "2018-06-01") { person { slug } }
                contacts { person { slug } }
                people(first: 100) { totalCount edges { node { slug } } } }
              people(first: 100, filter: {seatOn: "2018-06-01"}) { edges { node { slug } } }
              person(slug: $slug) { slug } }""",
        {"slug": person_world.person.slug},
    )
    slug = person_world.person.slug
    visible = person_world.visible
    organisation = data["organisation"]

    assert all(seat["person"] is not None for seat in data["board"])
    assert (slug in [seat["person"]["slug"] for seat in data["board"]]) is visible
    assert (slug in [seat["person"]["slug"] for seat in organisation["boardSeats"]]) is visible
    assert (slug in [contact["person"]["slug"] for contact in organisation["contacts"]]) is visible
    assert (slug in node_slugs(organisation["people"])) is visible
    assert (slug in node_slugs(data["people"])) is visible
    assert (data["person"] is not None) is visible


async def test_organisation_membership_unpublished_is_ignored(gql: GraphQLClient, settings: Settings) -> None:
    slug = "test-vis-draft-membership"
    try:
        organisation = await Organisation.create(
            slug=slug,
            name="Test Draft Membership",
            kind=OrganisationKind.MUNICIPALITY,
            country=await Country.get(code="SE"),
            state=PUBLISHED,
        )
        await Membership.create(
            organisation=organisation, kind=MembershipKind.MEMBER, state=EditorialState.DRAFT
        )
        data = await gql.data(
            """{ organisation(slug: "test-vis-draft-membership") { isMember memberships { kind } }
                 organisations(filter: {isMember: true, search: "Test Draft Membership"}) { totalCount } }"""
        )
    finally:
        await delete_test_rows(slug)

    assert data["organisation"] == {"isMember": False, "memberships": []}
    assert data["organisations"]["totalCount"] == 0


async def test_person_contact_data_null_for_anonymous_callers(
    gql: GraphQLClient, seed_data: dict[str, Any], settings: Settings
) -> None:
    anita = next(person for person in seed_data["people"] if person["slug"] == "anita-lindfors")
    assert anita["phone"]
    try:
        await Person.create(
            slug="test-vis-contact-data",
            given_name="Test",
            family_name="Contact",
            email="test@example.invalid",
            phone="+46 70 000 00 00",
            state=PUBLISHED,
        )
        body = await gql(
            """{ anita: person(slug: "anita-lindfors") { email phone name }
                 other: person(slug: "test-vis-contact-data") { email phone }
                 people(first: 100) { edges { node { email phone } } }
                 organisation(slug: "norrbottens-kommuner") { contacts { person { email phone } } } }"""
        )
    finally:
        await delete_test_rows("test-vis-contact-data")

    # Each hidden field has its error entry (tests/test_personal_data.py); the data still arrives.
    assert {error["extensions"]["code"] for error in body["errors"]} == {"FORBIDDEN"}
    data = body["data"]
    assert data["anita"] == {"email": None, "phone": None, "name": "Anita Lindfors"}
    assert data["other"] == {"email": None, "phone": None}
    assert all(edge["node"] == {"email": None, "phone": None} for edge in data["people"]["edges"])
    contacts = data["organisation"]["contacts"]
    assert contacts
    assert all(contact["person"] == {"email": None, "phone": None} for contact in contacts)


@dataclass
class ThemeWorld:
    theme: Theme
    visible: bool


@pytest.fixture(params=STATES, ids=STATE_IDS)
async def theme_world(request: pytest.FixtureRequest, settings: Settings) -> AsyncIterator[ThemeWorld]:
    state: EditorialState = request.param
    slug = f"test-vis-theme-{state.value}"
    try:
        theme = await Theme.create(slug=slug, name_en="Test theme", state=state)
        await (await Project.get(slug="ntt-plus")).themes.add(theme)
        await (await Organisation.get(slug="lulea")).themes.add(theme)
        yield ThemeWorld(theme, state == PUBLISHED)
    finally:
        await delete_test_rows(slug)


async def test_unpublished_theme_hidden_from_lists_links_and_filters(
    gql: GraphQLClient, theme_world: ThemeWorld
) -> None:
    slug = theme_world.theme.slug
    visible = theme_world.visible
    partners = set(
        await column(
            ProjectPartnership.filter(
                project__slug="ntt-plus", state=PUBLISHED, organisation__state=PUBLISHED
            ),
            "organisation__slug",
        )
    )

    data = await gql.data(
        """query($slug: String!) {
              themes { slug } theme(slug: $slug) { slug }
              project(slug: "ntt-plus") { themes { slug } }
              organisation(slug: "lulea") { themes { slug } }
              byTheme: organisations(first: 100, filter: {themeSlugs: [$slug]}) { edges { node { slug } } }
              byProjectTheme: organisations(first: 100, filter: {projectThemeSlugs: [$slug]}) {
                edges { node { slug } } }
              projects(first: 100, filter: {themeSlugs: [$slug]}) { edges { node { slug } } }
              network { projectsByTheme { theme { slug } count } } }""",
        {"slug": slug},
    )

    assert (slug in [theme["slug"] for theme in data["themes"]]) is visible
    assert (data["theme"] is not None) is visible
    assert (slug in [theme["slug"] for theme in data["project"]["themes"]]) is visible
    assert (slug in [theme["slug"] for theme in data["organisation"]["themes"]]) is visible
    assert set(node_slugs(data["byTheme"])) == ({"lulea"} if visible else set())
    assert set(node_slugs(data["byProjectTheme"])) == (partners if visible else set())
    assert node_slugs(data["projects"]) == (["ntt-plus"] if visible else [])
    by_theme = [row["theme"]["slug"] for row in data["network"]["projectsByTheme"] if row["theme"]]
    assert (slug in by_theme) is visible
    assert all(row["theme"] is not None for row in data["network"]["projectsByTheme"])


async def test_membership_node_of_unpublished_organisation_is_null(
    gql: GraphQLClient, world: OrganisationWorld
) -> None:
    membership = await Membership.get(organisation_id=world.organisation.id)
    node_id = global_id("Membership", membership.id)

    data = await gql.data("query($id: ID!) { node(id: $id) { id } }", {"id": node_id})

    assert data["node"] == ({"id": node_id} if world.visible else None)


async def test_seat_and_contact_nodes_of_unpublished_person_are_null(
    gql: GraphQLClient, person_world: PersonWorld
) -> None:
    seat = await BoardMembership.get(person_id=person_world.person.id)
    contact = await ContactRole.get(person_id=person_world.person.id)
    ids = [global_id("BoardMembership", seat.id), global_id("ContactRole", contact.id)]

    data = await gql.data("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ids})

    expected = [{"id": node_id} for node_id in ids] if person_world.visible else [None, None]
    assert data["nodes"] == expected

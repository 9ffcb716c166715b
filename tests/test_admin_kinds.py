"""The admin pages of countries, regions, people, projects, events and the link rows (project
partnerships, board seats): create with a validation error then corrected, publish, seen by the
anonymous API; list filters; many-to-many links; the organisation list's region and theme filters."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest

from sern_graph.accounts.models import Role, User
from sern_graph.content.models import AuditEvent, ContentModel, Revision
from sern_graph.events.models import Event
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Membership, Organisation
from sern_graph.people.models import BoardMembership, ContactRole, Person
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.themes.models import Theme
from tests.admin_support import make_user, post_form, sign_in
from tests.conftest import GraphQLClient

PREFIX = "test-kinds-"
NEW_COUNTRY = "TV"
NEW_REGION = "SE339"
ROW_LINK = r'<th scope="row"><a href="/admin/{kind}/(\d+)">'


async def _forget(model: type[ContentModel], name: str, ids: list[int]) -> None:
    await Revision.filter(content_type=name, object_id__in=ids).delete()
    await AuditEvent.filter(content_type=name, object_id__in=ids).delete()
    await model.filter(id__in=ids).delete()


async def _clean_up() -> None:
    projects = await Project.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    people = await Person.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    organisations = await Organisation.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    partnerships = await ProjectPartnership.filter(project_id__in=projects).values_list("id", flat=True)
    seats = await BoardMembership.filter(person_id__in=people).values_list("id", flat=True)
    await _forget(ProjectPartnership, "ProjectPartnership", list(partnerships))
    await _forget(BoardMembership, "BoardMembership", list(seats))
    await _forget(Project, "Project", list(projects))
    await _forget(Person, "Person", list(people))
    await _forget(Organisation, "Organisation", list(organisations))
    events = await Event.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    await _forget(Event, "Event", list(events))
    regions = await Region.filter(code=NEW_REGION).values_list("id", flat=True)
    await _forget(Region, "Region", list(regions))
    countries = await Country.filter(code=NEW_COUNTRY).values_list("id", flat=True)
    await _forget(Country, "Country", list(countries))


@pytest.fixture
async def editor(client: httpx.AsyncClient) -> AsyncIterator[User]:
    await _clean_up()
    user = await make_user("test-admin-kinds-editor", Role.EDITOR)
    assert (await sign_in(client, user.username)).status_code == 303
    yield user
    await _clean_up()
    await User.filter(id=user.id).delete()


def errors_of(html: str) -> dict[str, str]:
    return dict(re.findall(r'<p class="field-error" id="err-([a-z_]+)">([^<]*)</p>', html))


async def refused(client: httpx.AsyncClient, kind: str, form: dict[str, str]) -> dict[str, str]:
    """The field errors of a create that must fail."""
    response = await post_form(client, f"/admin/{kind}/new", f"/admin/{kind}/new", form)
    assert response.status_code == 422, response.text
    return errors_of(response.text)


async def created(client: httpx.AsyncClient, kind: str, form: dict[str, str]) -> int:
    response = await post_form(client, f"/admin/{kind}/new", f"/admin/{kind}/new", form)
    assert response.status_code == 303, errors_of(response.text) or response.text
    found = re.fullmatch(rf"/admin/{kind}/(\d+)\?done=created", response.headers["location"])
    assert found, response.headers["location"]
    return int(found.group(1))


async def publish(client: httpx.AsyncClient, kind: str, pk: int, version: int = 1) -> None:
    page_url = f"/admin/{kind}/{pk}"
    response = await post_form(client, page_url, f"{page_url}/publish", {"version": str(version)})
    assert response.headers["location"] == f"{page_url}?done=published"


async def listed(client: httpx.AsyncClient, kind: str, /, **params: str) -> set[int]:
    page = await client.get(f"/admin/{kind}/", params=params)
    assert page.status_code == 200
    return {int(pk) for pk in re.findall(ROW_LINK.format(kind=kind), page.text)}


async def test_countries_and_regions(client: httpx.AsyncClient, gql: GraphQLClient, editor: User) -> None:
    country = {"code": "XX", "name_sv": "Tuvalu", "name_it": "", "name_en": "Tuvalu", "note": ""}
    assert set(await refused(client, "countries", country)) == {"code"}
    country_id = await created(client, "countries", {**country, "code": NEW_COUNTRY, "eu_member": "1"})
    await publish(client, "countries", country_id)
    query = "query($code: String!) { country(code: $code, locale: EN) { name euMember } }"
    assert (await gql.data(query, {"code": NEW_COUNTRY}))["country"] == {"name": "Tuvalu", "euMember": True}

    sweden, parent = await Country.get(code="SE"), await Region.get(code="SE33")
    region = {
        "code": NEW_REGION,
        "name_en": "Test region",
        "level": "2",
        "country_id": str(sweden.id),
        "parent_id": str(parent.id),
    }
    assert "level" in await refused(client, "regions", region)  # a level 3 code
    region_id = await created(client, "regions", {**region, "level": "3"})
    await publish(client, "regions", region_id)
    query = "query($code: String!) { region(code: $code) { level parent { code } } }"
    public = (await gql.data(query, {"code": NEW_REGION}))["region"]
    assert public == {"level": 3, "parent": {"code": "SE33"}}
    italy = await Country.get(code="IT")
    assert region_id in await listed(client, "regions", country=str(sweden.id))
    assert region_id not in await listed(client, "regions", country=str(italy.id))


async def test_people_show_personal_data_to_editors(
    client: httpx.AsyncClient, gql: GraphQLClient, editor: User
) -> None:
    lulea = await Organisation.get(slug="lulea")
    person = {
        "given_name": "Test",
        "family_name": "Kinds Anna",
        "organisation_id": str(lulea.id),
        "email": "anna.example.se",
        "phone": "+46 920 45 30 00",
        "position_en": "Coordinator",
    }
    assert set(await refused(client, "people", person)) == {"email"}
    person_id = await created(client, "people", {**person, "email": "anna@example.se"})
    row = await Person.get(id=person_id)
    assert row.slug == f"{PREFIX}anna"  # made from the name
    await publish(client, "people", person_id)
    query = "query($slug: String) { person(slug: $slug, locale: EN) { name position organisation { slug } } }"
    public = (await gql.data(query, {"slug": row.slug}))["person"]
    assert public == {"name": "Test Kinds Anna", "position": "Coordinator", "organisation": {"slug": "lulea"}}
    page = await client.get("/admin/people/", params={"organisation": str(lulea.id)})
    assert "anna@example.se" in page.text
    assert "+46 920 45 30 00" in page.text
    other = await Organisation.get(slug="sern")
    assert person_id not in await listed(client, "people", organisation=str(other.id))


async def test_projects_with_themes_and_partners(
    client: httpx.AsyncClient, gql: GraphQLClient, editor: User
) -> None:
    project = {
        "acronym": "TEST-KINDS-GREEN",
        "title_en": "Test green transition",
        "start_date": "2026-01-01",
        "end_date": "2027-12-31",
        "budget": "lots",
        "eu_contribution": "800000",
    }
    assert await refused(client, "projects", project) == {"budget": "An amount, e.g. 1250000.50."}
    assert set(await refused(client, "projects", {**project, "budget": "500000"})) == {"eu_contribution"}
    project_id = await created(client, "projects", {**project, "budget": "1 000 000,50"})
    row = await Project.get(id=project_id)
    assert (row.slug, str(row.budget)) == (f"{PREFIX}green", "1000000.50")

    energy = await Theme.get(slug="energy")
    page_url = f"/admin/projects/{project_id}"
    response = await post_form(
        client, page_url, f"{page_url}/links/themes", {"version": "1", "target": str(energy.id)}
    )
    assert response.headers["location"] == f"{page_url}?done=linked"
    assert project_id in await listed(client, "projects", theme=str(energy.id))
    culture = await Theme.get(slug="culture")
    assert project_id not in await listed(client, "projects", theme=str(culture.id))

    page = await client.get(page_url)
    add = f"/admin/project-partnerships/new?project_id={project_id}"
    assert add in page.text
    new_page = await client.get(add)
    assert f'<option value="{project_id}" selected>' in new_page.text  # starts attached to the project
    lulea = await Organisation.get(slug="lulea")
    partner = {"project_id": str(project_id), "organisation_id": str(lulea.id)}
    assert set(await refused(client, "project-partnerships", partner)) == {"role"}
    partnership_id = await created(client, "project-partnerships", {**partner, "role": "lead"})
    assert "Luleå" in (await client.get(page_url)).text
    await publish(client, "projects", project_id, version=2)
    await publish(client, "project-partnerships", partnership_id)
    query = """query($slug: String) { project(slug: $slug, locale: EN) {
        title themes { slug } partners { edges { role node { slug } } } } }"""
    public = (await gql.data(query, {"slug": row.slug}))["project"]
    assert public == {
        "title": "Test green transition",
        "themes": [{"slug": "energy"}],
        "partners": {"edges": [{"role": "LEAD", "node": {"slug": "lulea"}}]},
    }
    assert partnership_id in await listed(client, "project-partnerships", project=str(project_id))


async def test_events(client: httpx.AsyncClient, gql: GraphQLClient, editor: User) -> None:
    event = {
        "title_en": "Test kinds meeting",
        "kind": "board_meeting",
        "start_date": "2026-05-04",
        "end_date": "2026-05-03",
        "venue_city": "Luleå",
    }
    assert await refused(client, "events", {**event, "start_date": "4 May"}) == {
        "start_date": "A date as YYYY-MM-DD, e.g. 2026-03-31."
    }
    assert set(await refused(client, "events", event)) == {"end_date"}
    event_id = await created(client, "events", {**event, "end_date": "2026-05-05"})
    slug = (await Event.get(id=event_id)).slug
    assert slug == f"{PREFIX}meeting-2026"
    await publish(client, "events", event_id)
    query = "query($slug: String) { event(slug: $slug, locale: EN) { title kind startDate endDate } }"
    public = (await gql.data(query, {"slug": slug}))["event"]
    assert public == {
        "title": "Test kinds meeting",
        "kind": "BOARD_MEETING",
        "startDate": "2026-05-04",
        "endDate": "2026-05-05",
    }
    assert event_id in await listed(client, "events", kind="board_meeting")
    assert event_id not in await listed(client, "events", kind="conference")


async def test_board_seats_from_the_organisation_page(
    client: httpx.AsyncClient, gql: GraphQLClient, editor: User
) -> None:
    person_id = await created(client, "people", {"given_name": "Test", "family_name": "Kinds Seat"})
    await publish(client, "people", person_id)
    kalix = await Organisation.get(slug="kalix")
    page = await client.get(f"/admin/organisations/{kalix.id}")
    assert f"/admin/board-seats/new?organisation_id={kalix.id}" in page.text
    seat = {
        "person_id": str(person_id),
        "organisation_id": str(kalix.id),
        "role": "member",
        "start_date": "2030-06-01",
        "end_date": "2030-01-01",
    }
    assert set(await refused(client, "board-seats", seat)) == {"end_date"}
    seat_id = await created(
        client, "board-seats", {**seat, "end_date": "2031-05-31", "dates_approximate": "1"}
    )
    await publish(client, "board-seats", seat_id)
    assert "Test Kinds Seat: member, Kalix" in (await client.get(f"/admin/organisations/{kalix.id}")).text
    query = """query($slug: String) { organisation(slug: $slug) {
        boardSeats(asOf: "2030-12-01") { role startDate datesApproximate person { familyName } } } }"""
    seats = (await gql.data(query, {"slug": "kalix"}))["organisation"]["boardSeats"]
    wanted = {
        "role": "MEMBER",
        "startDate": "2030-06-01",
        "datesApproximate": True,
        "person": {"familyName": "Kinds Seat"},
    }
    assert wanted in seats
    assert seat_id in await listed(client, "board-seats", organisation=str(kalix.id))


async def test_organisation_list_filters_by_region_and_theme(
    client: httpx.AsyncClient, gql: GraphQLClient, editor: User
) -> None:
    lulea = await Organisation.get(slug="lulea")
    assert lulea.id in await listed(client, "organisations", region="SE33")  # Luleå is in SE332
    assert lulea.id in await listed(client, "organisations", region="SE332")
    assert lulea.id not in await listed(client, "organisations", region="ITH5")
    energy, capacity = await Theme.get(slug="energy"), await Theme.get(slug="capacity-building")
    assert lulea.id in await listed(client, "organisations", theme=str(energy.id), q="luleå")

    sweden = await Country.get(code="SE")
    org = {"name": "Test kinds Haparanda", "kind": "municipality", "country_id": str(sweden.id)}
    org_id = await created(client, "organisations", org)
    assert org_id not in await listed(client, "organisations", theme=str(capacity.id))
    page_url = f"/admin/organisations/{org_id}"
    response = await post_form(
        client, page_url, f"{page_url}/links/themes", {"version": "1", "target": str(capacity.id)}
    )
    assert response.headers["location"] == f"{page_url}?done=linked"
    assert org_id in await listed(client, "organisations", theme=str(capacity.id))
    await publish(client, "organisations", org_id, version=2)
    query = "query($slug: String) { organisation(slug: $slug) { themes { slug } } }"
    public = (await gql.data(query, {"slug": f"{PREFIX}haparanda"}))["organisation"]
    assert public == {"themes": [{"slug": "capacity-building"}]}
    unknown = await post_form(
        client, page_url, f"{page_url}/links/themes", {"version": "3", "target": "999999"}
    )
    assert unknown.status_code == 400


async def _forget_link_rows() -> None:
    """Memberships and contact roles of the test's organisations and people, with their history."""

    organisations = await Organisation.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    people = await Person.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    memberships = await Membership.filter(organisation_id__in=organisations).values_list("id", flat=True)
    contacts = await ContactRole.filter(person_id__in=people).values_list("id", flat=True)
    await _forget(Membership, "Membership", list(memberships))
    await _forget(ContactRole, "ContactRole", list(contacts))


@pytest.fixture
async def link_rows_forgotten(editor: User) -> AsyncIterator[None]:
    await _forget_link_rows()
    yield
    await _forget_link_rows()  # before `editor` removes the organisations and people themselves


async def _new_organisation(client: httpx.AsyncClient, name: str) -> int:
    sweden = await Country.get(code="SE")
    org_id = await created(
        client, "organisations", {"name": name, "kind": "municipality", "country_id": str(sweden.id)}
    )
    await publish(client, "organisations", org_id)
    return org_id


async def test_memberships_from_the_organisation_page(
    client: httpx.AsyncClient, gql: GraphQLClient, editor: User, link_rows_forgotten: None
) -> None:
    org_id = await _new_organisation(client, "Test kinds Boden")
    page = await client.get(f"/admin/organisations/{org_id}")
    add = f"/admin/memberships/new?organisation_id={org_id}"
    assert "Memberships" in page.text
    assert add in page.text
    new_page = await client.get(add)
    assert f'<option value="{org_id}" selected>' in new_page.text  # starts attached to the organisation
    first = {
        "organisation_id": str(org_id),
        "kind": "observer",
        "start_date": "2020-01-01",
        "end_date": "2022-12-31",
    }
    first_id = await created(client, "memberships", first)
    await publish(client, "memberships", first_id)
    second = {**first, "kind": "member", "start_date": "2022-06-01", "end_date": ""}
    errors = await refused(client, "memberships", second)
    assert set(errors) == {"start_date"}
    assert "already holds a membership" in errors["start_date"]  # MEMBERSHIP_OVERLAP
    second_id = await created(client, "memberships", {**second, "start_date": "2023-01-01"})
    await publish(client, "memberships", second_id)
    assert (
        "Test kinds Boden: member from 2023-01-01"
        in (await client.get(f"/admin/organisations/{org_id}")).text
    )
    query = "query($slug: String) { organisation(slug: $slug) { memberships { kind startDate endDate } } }"
    public = (await gql.data(query, {"slug": f"{PREFIX}boden"}))["organisation"]
    assert public == {
        "memberships": [
            {"kind": "OBSERVER", "startDate": "2020-01-01", "endDate": "2022-12-31"},
            {"kind": "MEMBER", "startDate": "2023-01-01", "endDate": None},
        ]
    }
    assert await listed(client, "memberships", organisation=str(org_id)) == {first_id, second_id}
    assert await listed(client, "memberships", organisation=str(org_id), kind="member") == {second_id}


async def test_contact_roles_from_the_organisation_and_person_pages(
    client: httpx.AsyncClient, gql: GraphQLClient, editor: User, link_rows_forgotten: None
) -> None:
    org_id = await _new_organisation(client, "Test kinds Piteå")
    person_id = await created(client, "people", {"given_name": "Test", "family_name": "Kinds Contact"})
    await publish(client, "people", person_id)
    assert (
        f"/admin/contact-roles/new?organisation_id={org_id}"
        in (await client.get(f"/admin/organisations/{org_id}")).text
    )
    add = f"/admin/contact-roles/new?person_id={person_id}"
    assert add in (await client.get(f"/admin/people/{person_id}")).text
    assert f'<option value="{person_id}" selected>' in (await client.get(add)).text
    contact = {"person_id": str(person_id), "organisation_id": str(org_id)}
    assert await refused(client, "contact-roles", contact) == {
        "role": "Give the role in at least one locale."
    }
    contact_id = await created(client, "contact-roles", {**contact, "role_en": "SERN contact for Norrbotten"})
    await publish(client, "contact-roles", contact_id)
    title = "Test Kinds Contact, contact for Test kinds Piteå"
    assert title in (await client.get(f"/admin/people/{person_id}")).text
    assert title in (await client.get(f"/admin/organisations/{org_id}")).text
    query = """query($slug: String) { organisation(slug: $slug, locale: EN) {
        contacts { role person { familyName } } } }"""
    public = (await gql.data(query, {"slug": f"{PREFIX}pitea"}))["organisation"]
    assert public == {
        "contacts": [{"role": "SERN contact for Norrbotten", "person": {"familyName": "Kinds Contact"}}]
    }
    assert await listed(client, "contact-roles", person=str(person_id)) == {contact_id}


async def test_dashboard_links_memberships_and_contact_roles(client: httpx.AsyncClient, editor: User) -> None:
    page = await client.get("/admin/")
    assert page.status_code == 200
    assert '<a href="/admin/memberships/">Membership</a>' in page.text
    assert '<a href="/admin/contact-roles/">ContactRole</a>' in page.text

"""Writing events through GraphQL: workflow, links, validation, versions, rights."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.content.models import AuditEvent, Revision
from sern_graph.core.ids import encode_global_id
from sern_graph.events.models import Event
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient

FIELDS = (
    "id version slug title kind startDate endDate datesApproximate venueCity note editorialState "
    "hasUnpublishedChanges country { code } host { slug } projects { slug } participants { slug } "
    "translations { field locale value }"
)


def mutation(name: str, input_type: str = "ContentActionInput") -> str:
    return f"""mutation($input: {input_type}!) {{
      {name}(input: $input) {{ event {{ {FIELDS} }} userErrors {{ field message code }} }}
    }}"""


CREATE = mutation("createEvent", "CreateEventInput")
UPDATE = mutation("updateEvent", "UpdateEventInput")
SET_PARTICIPANTS = mutation("setEventParticipants", "SetEventParticipantsInput")
SET_PROJECTS = mutation("setEventProjects", "SetEventProjectsInput")
PUBLIC = """query($slug: String) {
  event(slug: $slug) { slug title venueCity host { slug } projects { slug } participants { slug } }
}"""


@pytest.fixture
async def headers(settings: Settings) -> AsyncIterator[dict[str, str]]:
    """An editor's headers (the reader's secret under `reader`); removes every test-e… event after."""
    _, editor_secret = await accounts.create_token("test event writes editor", Role.EDITOR)
    _, reader_secret = await accounts.create_token("test event writes reader", Role.READER, can_preview=True)
    yield {"Authorization": f"Bearer {editor_secret}", "reader": f"Bearer {reader_secret}"}
    ids = await Event.filter(slug__startswith="test-e").values_list("id", flat=True)
    await Revision.filter(content_type="Event", object_id__in=ids).delete()
    await AuditEvent.filter(content_type="Event", object_id__in=ids).delete()
    await Event.filter(id__in=ids).delete()
    await ApiToken.filter(name__startswith="test event writes").delete()


def editor(headers: dict[str, str]) -> dict[str, str]:
    return {"Authorization": headers["Authorization"]}


def codes(payload: dict[str, Any]) -> set[tuple[str, str]]:
    return {(".".join(error["field"]), error["code"]) for error in payload["userErrors"]}


def new_event(slug: str | None, **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": {"en": f"Test event {slug}", "it": f"Evento di prova {slug}"},
        "kind": "SEMINAR",
        "startDate": "2025-05-14",
        "endDate": "2025-05-15",
        "venueCity": "Luleå",
        "countryCode": "se",
        "note": "Dates from the invitation.",
        **extra,
    }
    if slug is not None:
        values["slug"] = slug
    return values


async def run(
    gql: GraphQLClient, document: str, values: dict[str, Any], headers: dict[str, str]
) -> dict[str, Any]:
    """The payload of a one-mutation document."""
    data = await gql.data(document, {"input": values}, headers=headers)
    payload: dict[str, Any] = next(iter(data.values()))
    return payload


async def create(
    gql: GraphQLClient, headers: dict[str, str], slug: str | None, **extra: Any
) -> dict[str, Any]:
    payload = await run(gql, CREATE, new_event(slug, **extra), editor(headers))
    assert payload["userErrors"] == []
    return payload["event"]  # type: ignore[no-any-return]


async def act(gql: GraphQLClient, headers: dict[str, str], name: str, event_id: str) -> dict[str, Any]:
    payload = await run(gql, mutation(name), {"id": event_id}, editor(headers))
    assert payload["userErrors"] == []
    return payload["event"]  # type: ignore[no-any-return]


async def global_id(gql: GraphQLClient, field: str, slug: str) -> str:
    data = await gql.data(f'{{ {field}(slug: "{slug}") {{ id }} }}')
    return str(data[field]["id"])


async def counts() -> tuple[int, int]:
    return await Event.all().count(), await Revision.all().count()


EVENT_1 = encode_global_id("Event", 1)
WRITES = [
    (CREATE, new_event("test-e-refused")),
    (UPDATE, {"id": EVENT_1, "version": 1, "venueCity": "Nowhere"}),
    (mutation("publishEvent"), {"id": EVENT_1}),
    (mutation("unpublishEvent"), {"id": EVENT_1}),
    (mutation("archiveEvent"), {"id": EVENT_1}),
    (SET_PARTICIPANTS, {"id": EVENT_1, "organisationIds": ["nonsense"]}),
    (SET_PROJECTS, {"id": EVENT_1, "projectIds": []}),
]


@pytest.mark.parametrize("who", ["anonymous", "reader"])
@pytest.mark.parametrize(("document", "values"), WRITES)
async def test_writes_need_an_editor(
    gql: GraphQLClient, headers: dict[str, str], who: str, document: str, values: dict[str, Any]
) -> None:
    before = await counts()
    first = await Event.get(id=1)
    caller = {"Authorization": headers["reader"]} if who == "reader" else {}
    body = await gql(document, {"input": values}, headers=caller)
    assert body["errors"][0]["extensions"]["code"] == ("FORBIDDEN" if who == "reader" else "UNAUTHENTICATED")
    assert await counts() == before
    assert (await Event.get(id=1)).version == first.version


async def test_event_draft_is_hidden_until_published(gql: GraphQLClient, headers: dict[str, str]) -> None:
    lulea = await global_id(gql, "organisation", "lulea")
    created = await create(gql, headers, None, hostId=lulea, title={"en": "Test E: Spring seminar"})
    assert created["slug"] == "test-e-spring-seminar-2025"
    assert (created["editorialState"], created["version"], created["kind"]) == ("DRAFT", 1, "SEMINAR")
    assert (created["country"], created["host"]) == ({"code": "SE"}, {"slug": "lulea"})
    assert (created["startDate"], created["endDate"], created["datesApproximate"]) == (
        "2025-05-14",
        "2025-05-15",
        False,
    )
    assert (await gql.data(PUBLIC, {"slug": created["slug"]}))["event"] is None
    listed = await gql.data('{ events(filter: {search: "Test E: Spring"}) { totalCount } }')
    assert listed["events"]["totalCount"] == 0

    published = await act(gql, headers, "publishEvent", created["id"])
    assert (published["editorialState"], published["version"]) == ("PUBLISHED", 2)
    public = (await gql.data(PUBLIC, {"slug": created["slug"]}))["event"]
    assert public["title"] == "Test E: Spring seminar"
    assert (public["venueCity"], public["host"]) == ("Luleå", {"slug": "lulea"})
    listed = await gql.data('{ events(filter: {search: "Test E: Spring"}) { totalCount } }')
    assert listed["events"]["totalCount"] == 1

    without_year = await create(
        gql, headers, None, title={"sv": "Test E utan datum"}, startDate=None, endDate=None
    )
    assert without_year["slug"] == "test-e-utan-datum"


async def test_event_unpublish_and_archive_hide_it(gql: GraphQLClient, headers: dict[str, str]) -> None:
    for name, state in (("unpublishEvent", "DRAFT"), ("archiveEvent", "ARCHIVED")):
        slug = f"test-e-{name.lower()}"
        created = await create(gql, headers, slug)
        await act(gql, headers, "publishEvent", created["id"])
        assert (await gql.data(PUBLIC, {"slug": slug}))["event"] is not None
        assert (await act(gql, headers, name, created["id"]))["editorialState"] == state
        assert (await gql.data(PUBLIC, {"slug": slug}))["event"] is None


async def test_event_update_changes_only_the_given_fields(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    lulea = await global_id(gql, "organisation", "lulea")
    created = await create(gql, headers, "test-e-partial", hostId=lulea, datesApproximate=True)
    change = {"id": created["id"], "version": 1, "kind": "WORKSHOP", "title": {"sv": "Provevenemang"}}
    payload = await run(gql, UPDATE, change, editor(headers))
    assert payload["userErrors"] == []
    event = payload["event"]
    assert (event["kind"], event["version"]) == ("WORKSHOP", 2)
    assert {(item["locale"], item["value"]) for item in event["translations"]} == {
        ("EN", "Test event test-e-partial"),
        ("IT", "Evento di prova test-e-partial"),
        ("SV", "Provevenemang"),
    }
    for name in ("slug", "startDate", "endDate", "datesApproximate", "venueCity", "note", "country", "host"):
        assert event[name] == created[name], name

    cleared = {"id": created["id"], "version": 2, "hostId": None, "countryCode": None, "venueCity": " "}
    event = (await run(gql, UPDATE, cleared, editor(headers)))["event"]
    assert (event["host"], event["country"], event["venueCity"]) == (None, None, None)
    assert event["kind"] == "WORKSHOP"


async def test_event_edits_of_a_published_event_wait_for_publish(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    created = await create(gql, headers, "test-e-pending")
    await act(gql, headers, "publishEvent", created["id"])
    change = {"id": created["id"], "version": 2, "venueCity": "Piteå"}
    updated = (await run(gql, UPDATE, change, editor(headers)))["event"]
    assert updated["hasUnpublishedChanges"] is True
    assert (await gql.data(PUBLIC, {"slug": "test-e-pending"}))["event"]["venueCity"] == "Luleå"
    await act(gql, headers, "publishEvent", created["id"])
    assert (await gql.data(PUBLIC, {"slug": "test-e-pending"}))["event"]["venueCity"] == "Piteå"


async def test_every_event_problem_is_reported_and_nothing_written(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    project = await global_id(gql, "project", "ntt-plus")
    before = await counts()
    bad = new_event(
        "Not a slug",
        title={"en": "", "it": None},
        startDate="2025-05-14",
        endDate="2025-05-13",
        venueCity="x" * 201,
        countryCode="XX",
        hostId=project,
    )
    payload = await run(gql, CREATE, bad, editor(headers))
    assert payload["event"] is None
    assert codes(payload) == {
        ("input.slug", "INVALID_SLUG"),
        ("input.title", "REQUIRED"),
        ("input.endDate", "END_BEFORE_START"),
        ("input.venueCity", "TOO_LONG"),
        ("input.countryCode", "NOT_FOUND"),
        ("input.hostId", "NOT_FOUND"),
    }
    taken = await run(
        gql, CREATE, new_event("general-assembly-2012", title={"sv": "S" * 501}, hostId="x"), editor(headers)
    )
    assert codes(taken) == {
        ("input.slug", "TAKEN"),
        ("input.title.sv", "TOO_LONG"),
        ("input.hostId", "NOT_FOUND"),
    }
    nothing = await run(gql, CREATE, new_event(None, title={"en": "!!!"}), editor(headers))
    assert codes(nothing) == {("input.slug", "REQUIRED")}
    missing_host = encode_global_id("Organisation", 999_999_999)
    assert codes(await run(gql, CREATE, new_event("test-e-bad", hostId=missing_host), editor(headers))) == {
        ("input.hostId", "NOT_FOUND")
    }
    assert await counts() == before


async def test_event_update_is_checked_against_the_whole_entry(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    created = await create(gql, headers, "test-e-whole")
    before = await counts()
    change = {"id": created["id"], "version": 1, "startDate": "2025-06-01", "kind": None, "title": None}
    payload = await run(gql, UPDATE, change, editor(headers))
    assert codes(payload) == {
        ("input.endDate", "END_BEFORE_START"),
        ("input.kind", "REQUIRED"),
        ("input.title", "REQUIRED"),
    }
    wrong = await run(gql, UPDATE, {"id": encode_global_id("Project", 1), "version": 1}, editor(headers))
    assert codes(wrong) == {("input.id", "NOT_FOUND")}
    assert await counts() == before
    row = await Event.get(slug="test-e-whole")
    assert (row.version, str(row.start_date), row.kind) == (1, "2025-05-14", "seminar")


async def test_event_stale_version_is_a_conflict(gql: GraphQLClient, headers: dict[str, str]) -> None:
    created = await create(gql, headers, "test-e-conflict")
    first = {"id": created["id"], "version": 1, "venueCity": "Kiruna"}
    assert (await run(gql, UPDATE, first, editor(headers)))["userErrors"] == []
    stale = {"id": created["id"], "version": 1, "venueCity": "Boden"}
    assert codes(await run(gql, UPDATE, stale, editor(headers))) == {("input.version", "CONFLICT")}
    publish = await run(gql, mutation("publishEvent"), {"id": created["id"], "version": 1}, editor(headers))
    assert codes(publish) == {("input.version", "CONFLICT")}
    for document, links in ((SET_PARTICIPANTS, "organisationIds"), (SET_PROJECTS, "projectIds")):
        payload = await run(gql, document, {"id": created["id"], "version": 1, links: []}, editor(headers))
        assert codes(payload) == {("input.version", "CONFLICT")}
    row = await Event.get(slug="test-e-conflict")
    assert (row.venue_city, row.version, row.state) == ("Kiruna", 2, "draft")


async def test_participants_and_projects_show_through_published_links(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    lulea, ntt = await global_id(gql, "organisation", "lulea"), await global_id(gql, "project", "ntt-plus")
    created = await create(gql, headers, "test-e-links")
    participants = {"id": created["id"], "organisationIds": [lulea, lulea], "version": 1}
    payload = await run(gql, SET_PARTICIPANTS, participants, editor(headers))
    assert payload["userErrors"] == []
    assert payload["event"]["version"] == 2
    projects = {"id": created["id"], "projectIds": [ntt], "version": 2}
    payload = await run(gql, SET_PROJECTS, projects, editor(headers))
    assert payload["userErrors"] == []
    assert payload["event"]["projects"] == [{"slug": "ntt-plus"}]

    query = """{ project(slug: "ntt-plus") { events(filter: {search: "test-e-links"}) { totalCount } }
                 organisation(slug: "lulea") { events(filter: {search: "test-e-links"}) { totalCount } } }"""
    hidden = await gql.data(query)
    assert hidden["project"]["events"]["totalCount"] == 0
    assert hidden["organisation"]["events"]["totalCount"] == 0
    await act(gql, headers, "publishEvent", created["id"])
    public = (await gql.data(PUBLIC, {"slug": "test-e-links"}))["event"]
    assert (public["participants"], public["projects"]) == ([{"slug": "lulea"}], [{"slug": "ntt-plus"}])
    shown = await gql.data(query)
    assert shown["project"]["events"]["totalCount"] == 1
    assert shown["organisation"]["events"]["totalCount"] == 1

    cleared = await run(gql, SET_PARTICIPANTS, {"id": created["id"], "organisationIds": []}, editor(headers))
    assert cleared["event"]["participants"] == []
    assert (await gql.data(PUBLIC, {"slug": "test-e-links"}))["event"]["participants"] == []


async def test_unknown_link_targets_are_not_found_and_change_nothing(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    lulea, ntt = await global_id(gql, "organisation", "lulea"), await global_id(gql, "project", "ntt-plus")
    created = await create(gql, headers, "test-e-unknown")
    await run(gql, SET_PARTICIPANTS, {"id": created["id"], "organisationIds": [lulea]}, editor(headers))
    before = await counts()
    missing = encode_global_id("Organisation", 999_999_999)
    participants = {"id": created["id"], "organisationIds": [lulea, ntt, missing, "nonsense"]}
    payload = await run(gql, SET_PARTICIPANTS, participants, editor(headers))
    assert codes(payload) == {("input.organisationIds", "NOT_FOUND")}
    assert all(item in payload["userErrors"][0]["message"] for item in (ntt, missing, "nonsense"))
    assert lulea not in payload["userErrors"][0]["message"]
    projects = {"id": created["id"], "projectIds": [ntt, lulea]}
    assert codes(await run(gql, SET_PROJECTS, projects, editor(headers))) == {
        ("input.projectIds", "NOT_FOUND")
    }
    no_event = {"id": ntt, "projectIds": [ntt]}
    assert codes(await run(gql, SET_PROJECTS, no_event, editor(headers))) == {("input.id", "NOT_FOUND")}
    assert await counts() == before
    row = await Event.get(slug="test-e-unknown")
    assert [organisation.slug for organisation in await row.participants.all()] == ["lulea"]
    assert await row.projects.all().count() == 0

"""Writing people, board seats and contact roles through GraphQL: workflow, validation, permissions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from tortoise.expressions import Q

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.content.models import AuditEvent, Revision
from sern_graph.core.ids import decode_global_id, encode_global_id
from sern_graph.organisations.models import Organisation
from sern_graph.people.models import BoardMembership, ContactRole, Person
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient

ERRORS = "userErrors { field message code }"
PERSON = (
    "id version slug givenName familyName position party photoUrl email phone note editorialState "
    "hasUnpublishedChanges organisation { slug }"
)
SEAT = (
    "id version role startDate endDate datesApproximate note editorialState "
    "person { slug } organisation { slug }"
)
CONTACT = "id version role note editorialState person { slug } organisation { slug }"
ENTRY = {"Person": ("person", PERSON), "BoardMembership": ("boardMembership", SEAT)}
ENTRY["ContactRole"] = ("contactRole", CONTACT)


def mutation(name: str, input_type: str, type_name: str) -> str:
    field, selection = ENTRY[type_name]
    return f"""mutation($input: {input_type}!) {{
      {name}(input: $input) {{ {field} {{ {selection} }} {ERRORS} }}
    }}"""


CREATE_PERSON = mutation("createPerson", "CreatePersonInput", "Person")
UPDATE_PERSON = mutation("updatePerson", "UpdatePersonInput", "Person")
CREATE_SEAT = mutation("createBoardMembership", "CreateBoardMembershipInput", "BoardMembership")
UPDATE_SEAT = mutation("updateBoardMembership", "UpdateBoardMembershipInput", "BoardMembership")
CREATE_CONTACT = mutation("createContactRole", "CreateContactRoleInput", "ContactRole")
UPDATE_CONTACT = mutation("updateContactRole", "UpdateContactRoleInput", "ContactRole")
PUBLIC_PERSON = """query($slug: String) {
  person(slug: $slug) { givenName familyName contactRoles { role } boardSeats { role } }
}"""
CONTACT_DATA = "query($slug: String) { person(slug: $slug) { email phone } }"
BOARD = "query($day: Date) { board(asOf: $day) { role person { slug } note } }"


def action(name: str, type_name: str) -> str:
    return mutation(name, "ContentActionInput", type_name)


def codes(user_errors: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(".".join(error["field"]), error["code"]) for error in user_errors}


def gid(type_name: str, pk: int) -> str:
    return encode_global_id(type_name, pk)


def pk_of(entry: dict[str, Any]) -> int:
    return decode_global_id(entry["id"])[1]


class Writer:
    """Runs the people mutations as an editor, asserting success unless told otherwise."""

    def __init__(self, gql: GraphQLClient, headers: dict[str, str]) -> None:
        self.gql = gql
        self.headers = headers

    async def run(self, document: str, input: dict[str, Any]) -> dict[str, Any]:
        data = await self.gql.data(document, {"input": input}, headers=self.headers)
        payload: dict[str, Any] = next(iter(data.values()))
        return payload

    async def ok(self, document: str, input: dict[str, Any]) -> dict[str, Any]:
        payload = await self.run(document, input)
        assert payload["userErrors"] == []
        entry = next(value for key, value in payload.items() if key != "userErrors")
        assert entry is not None
        return entry  # type: ignore[no-any-return]

    async def person(self, slug: str, **extra: Any) -> dict[str, Any]:
        return await self.ok(CREATE_PERSON, new_person(slug, **extra))

    async def published_person(self, slug: str, **extra: Any) -> dict[str, Any]:
        created = await self.person(slug, **extra)
        return await self.ok(action("publishPerson", "Person"), {"id": created["id"]})

    async def seat(self, person_id: str, **extra: Any) -> dict[str, Any]:
        return await self.ok(CREATE_SEAT, {"personId": person_id, **extra})

    async def publish_seat(self, seat_id: str) -> dict[str, Any]:
        return await self.ok(action("publishBoardMembership", "BoardMembership"), {"id": seat_id})


@pytest.fixture
async def tokens(settings: Settings) -> AsyncIterator[dict[str, str]]:
    _, editor_secret = await accounts.create_token("test people editor", Role.EDITOR)
    _, reader_secret = await accounts.create_token("test people reader", Role.READER, can_preview=True)
    yield {"editor": f"Bearer {editor_secret}", "reader": f"Bearer {reader_secret}"}
    people = await Person.filter(
        Q(slug__startswith="test-p-") | Q(slug__startswith="testperson-")
    ).values_list("id", flat=True)
    seats = await BoardMembership.filter(person_id__in=people).values_list("id", flat=True)
    contacts = await ContactRole.filter(person_id__in=people).values_list("id", flat=True)
    for type_name, ids in (("Person", people), ("BoardMembership", seats), ("ContactRole", contacts)):
        await Revision.filter(content_type=type_name, object_id__in=ids).delete()
        await AuditEvent.filter(content_type=type_name, object_id__in=ids).delete()
    await BoardMembership.filter(id__in=seats).delete()
    await ContactRole.filter(id__in=contacts).delete()
    await Person.filter(id__in=people).delete()
    await ApiToken.filter(name__startswith="test people").delete()


@pytest.fixture
def editor(gql: GraphQLClient, tokens: dict[str, str]) -> Writer:
    return Writer(gql, {"Authorization": tokens["editor"]})


def new_person(slug: str | None, **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"givenName": "Testperson", "familyName": slug or "Nameless", **extra}
    if slug is not None:
        values["slug"] = slug
    return values


async def organisation_id(slug: str) -> str:
    return gid("Organisation", (await Organisation.get(slug=slug)).id)


async def counts() -> tuple[int, int, int, int]:
    return (
        await Person.all().count(),
        await BoardMembership.all().count(),
        await ContactRole.all().count(),
        await Revision.all().count(),
    )


# --- permissions ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["anonymous", "reader"])
async def test_writes_need_an_editor(
    gql: GraphQLClient, editor: Writer, tokens: dict[str, str], who: str
) -> None:
    headers = {"Authorization": tokens["reader"]} if who == "reader" else {}
    expected = "FORBIDDEN" if who == "reader" else "UNAUTHENTICATED"
    person = await editor.person("test-p-refusal")
    seat = await editor.seat(person["id"], startDate="1990-01-01", endDate="1990-12-31")
    lulea = await organisation_id("lulea")
    before = await counts()
    attempts: list[tuple[str, dict[str, Any]]] = [
        (CREATE_PERSON, new_person("test-p-refused")),
        (UPDATE_PERSON, {"id": person["id"], "version": 1, "party": "Refused"}),
        (action("publishPerson", "Person"), {"id": person["id"]}),
        (action("archivePerson", "Person"), {"id": person["id"]}),
        (CREATE_SEAT, {"personId": person["id"], "role": "CHAIR", "startDate": "1980-01-01"}),
        (UPDATE_SEAT, {"id": seat["id"], "version": 1, "note": "Refused"}),
        (action("publishBoardMembership", "BoardMembership"), {"id": seat["id"]}),
        (CREATE_CONTACT, {"personId": person["id"], "organisationId": lulea, "role": {"en": "Contact"}}),
        (action("unpublishContactRole", "ContactRole"), {"id": gid("ContactRole", 1)}),
    ]
    for document, input in attempts:
        body = await gql(document, {"input": input}, headers=headers)
        assert body["errors"][0]["extensions"]["code"] == expected, document
    assert await counts() == before
    saved = await Person.get(slug="test-p-refusal")
    assert (saved.version, saved.party, saved.state) == (1, None, "draft")


# --- people -----------------------------------------------------------------------------------------


async def test_person_draft_is_hidden_until_published_and_personal_data_is_for_editors(
    gql: GraphQLClient, editor: Writer
) -> None:
    forli = await organisation_id("forli")
    created = await editor.person(
        "test-p-draft",
        position={"en": "Vice mayor", "it": "Vicesindaco"},
        bio={"sv": "Biografi."},
        party="Partito di prova",
        photoUrl="https://example.it/photo.jpg",
        email="  test.draft@example.it ",
        phone="+39 0543 712111",
        organisationId=forli,
        note="Inferred.",
    )
    assert created["editorialState"] == "DRAFT"
    assert created["version"] == 1
    assert created["organisation"] == {"slug": "forli"}
    assert (created["email"], created["phone"]) == ("test.draft@example.it", "+39 0543 712111")
    assert created["position"] == "Vice mayor"
    assert (await gql.data(PUBLIC_PERSON, {"slug": "test-p-draft"}))["person"] is None

    published = await editor.ok(action("publishPerson", "Person"), {"id": created["id"]})
    assert published["editorialState"] == "PUBLISHED"
    public = (await gql.data(PUBLIC_PERSON, {"slug": "test-p-draft"}))["person"]
    assert public["familyName"] == "test-p-draft"
    # Personal data: null for the public, with an error entry per field (tests/test_personal_data.py).
    assert (await gql(CONTACT_DATA, {"slug": "test-p-draft"}))["data"]["person"] == {
        "email": None,
        "phone": None,
    }
    as_editor = await gql.data(CONTACT_DATA, {"slug": "test-p-draft"}, headers=editor.headers)
    assert as_editor["person"]["email"] == "test.draft@example.it"
    assert as_editor["person"]["phone"] == "+39 0543 712111"

    unpublished = await editor.ok(action("unpublishPerson", "Person"), {"id": created["id"]})
    assert unpublished["editorialState"] == "DRAFT"
    assert (await gql.data(PUBLIC_PERSON, {"slug": "test-p-draft"}))["person"] is None
    archived = await editor.ok(action("archivePerson", "Person"), {"id": created["id"]})
    assert archived["editorialState"] == "ARCHIVED"


async def test_person_slug_is_made_from_the_name_in_ascii_and_kept_unique(editor: Writer) -> None:
    name = {"givenName": "Testperson", "familyName": "Åsa Nordström-Bæk Straße Øster"}
    first = await editor.ok(CREATE_PERSON, name)
    assert first["slug"] == "testperson-asa-nordstrom-baek-strasse-oster"
    second = await editor.ok(CREATE_PERSON, name)
    assert second["slug"] == "testperson-asa-nordstrom-baek-strasse-oster-2"

    taken = await editor.run(CREATE_PERSON, new_person("lubiano-montaguti"))
    assert codes(taken["userErrors"]) == {("input.slug", "TAKEN")}
    renamed = await editor.ok(UPDATE_PERSON, {"id": first["id"], "version": 1, "familyName": "Other"})
    assert renamed["slug"] == first["slug"]


async def test_person_update_keeps_what_it_does_not_mention(editor: Writer) -> None:
    lulea = await organisation_id("lulea")
    created = await editor.person(
        "test-p-keep",
        position={"sv": "Kommunalråd", "en": "Councillor"},
        bio={"en": "A biography."},
        party="Testpartiet",
        email="keep@example.se",
        phone="0920-45 30 00",
        organisationId=lulea,
        note="Keep me.",
    )
    update = {"id": created["id"], "version": 1, "party": "Nya partiet", "position": {"en": "Mayor"}}
    updated = await editor.ok(UPDATE_PERSON, update)
    assert updated["version"] == 2
    saved = await Person.get(slug="test-p-keep")
    assert (saved.position_sv, saved.position_en, saved.position_it) == ("Kommunalråd", "Mayor", None)
    assert (saved.bio_en, saved.party, saved.email, saved.phone) == (
        "A biography.",
        "Nya partiet",
        "keep@example.se",
        "0920-45 30 00",
    )
    assert (saved.organisation_id, saved.note, saved.given_name) == (
        (await Organisation.get(slug="lulea")).id,
        "Keep me.",
        "Testperson",
    )
    cleared = await editor.ok(
        UPDATE_PERSON, {"id": created["id"], "version": 2, "organisationId": None, "phone": None}
    )
    assert cleared["organisation"] is None
    saved = await Person.get(slug="test-p-keep")
    assert (saved.organisation_id, saved.phone, saved.email) == (None, None, "keep@example.se")


async def test_person_edits_of_a_published_person_wait_for_publish(
    gql: GraphQLClient, editor: Writer
) -> None:
    published = await editor.published_person("test-p-pending", email="old@example.se")
    update = {"id": published["id"], "version": published["version"], "givenName": "Renamed"}
    updated = await editor.ok(UPDATE_PERSON, update)
    assert updated["hasUnpublishedChanges"] is True
    assert (await gql.data(PUBLIC_PERSON, {"slug": "test-p-pending"}))["person"]["givenName"] == "Testperson"
    await editor.ok(action("publishPerson", "Person"), {"id": published["id"]})
    assert (await gql.data(PUBLIC_PERSON, {"slug": "test-p-pending"}))["person"]["givenName"] == "Renamed"


async def test_person_invalid_input_is_reported_at_once_and_nothing_written(editor: Writer) -> None:
    before = await counts()
    bad = {
        "givenName": "  ",
        "familyName": "",
        "slug": "Not A Slug",
        "position": {"en": "x" * 301},
        "party": "p" * 101,
        "photoUrl": "photo.jpg",
        "email": "nobody@",
        "phone": "call me",
        "organisationId": gid("Person", 1),
    }
    payload = await editor.run(CREATE_PERSON, bad)
    assert payload["person"] is None
    assert codes(payload["userErrors"]) == {
        ("input.givenName", "REQUIRED"),
        ("input.familyName", "REQUIRED"),
        ("input.slug", "INVALID_SLUG"),
        ("input.position.en", "TOO_LONG"),
        ("input.party", "TOO_LONG"),
        ("input.photoUrl", "INVALID_URL"),
        ("input.email", "INVALID_EMAIL"),
        ("input.phone", "INVALID_PHONE"),
        ("input.organisationId", "NOT_FOUND"),
    }
    missing_organisation = await editor.run(
        CREATE_PERSON, new_person("test-p-no-org", organisationId=gid("Organisation", 2**31 - 1))
    )
    assert codes(missing_organisation["userErrors"]) == {("input.organisationId", "NOT_FOUND")}
    assert await counts() == before

    created = await editor.person("test-p-invalid-update")
    before = await counts()
    update = {"id": created["id"], "version": 1, "familyName": None, "slug": "lubiano-montaguti"}
    refused = await editor.run(UPDATE_PERSON, update)
    assert codes(refused["userErrors"]) == {("input.familyName", "REQUIRED"), ("input.slug", "TAKEN")}
    saved = await Person.get(slug="test-p-invalid-update")
    assert (saved.version, saved.family_name) == (1, "test-p-invalid-update")
    assert await counts() == before

    unknown = await editor.run(action("publishPerson", "Person"), {"id": gid("Person", 2**31 - 1)})
    assert codes(unknown["userErrors"]) == {("input.id", "NOT_FOUND")}


async def test_person_stale_version_is_a_conflict(editor: Writer) -> None:
    created = await editor.person("test-p-conflict")
    await editor.ok(UPDATE_PERSON, {"id": created["id"], "version": 1, "party": "First"})
    stale = await editor.run(UPDATE_PERSON, {"id": created["id"], "version": 1, "party": "Stale"})
    assert codes(stale["userErrors"]) == {("input.version", "CONFLICT")}
    stale_publish = await editor.run(action("publishPerson", "Person"), {"id": created["id"], "version": 1})
    assert codes(stale_publish["userErrors"]) == {("input.version", "CONFLICT")}
    saved = await Person.get(slug="test-p-conflict")
    assert (saved.party, saved.version, saved.state) == ("First", 2, "draft")


async def test_person_revision_can_be_restored(editor: Writer) -> None:
    created = await editor.person("test-p-restore", party="Original")
    await editor.ok(UPDATE_PERSON, {"id": created["id"], "version": 1, "party": "Changed"})
    revision = await Revision.get(content_type="Person", object_id=pk_of(created), version=1)
    restore = """mutation($input: RestoreRevisionInput!) {
      restoreRevision(input: $input) { node { ... on Person { party version } } userErrors { code } }
    }"""
    restored = await editor.run(restore, {"revisionId": gid("Revision", revision.id)})
    assert restored == {"node": {"party": "Original", "version": 3}, "userErrors": []}


# --- board seats ------------------------------------------------------------------------------------


async def test_seat_draft_is_hidden_from_the_board_until_published(
    gql: GraphQLClient, editor: Writer
) -> None:
    person = await editor.published_person("test-p-chair-1990s")
    seat = await editor.seat(
        person["id"],
        role="CHAIR",
        organisationId=await organisation_id("lulea"),
        startDate="1990-01-01",
        endDate="1999-12-31",
        datesApproximate=True,
        note="Test seat.",
    )
    assert seat["editorialState"] == "DRAFT"
    assert (seat["role"], seat["startDate"], seat["endDate"]) == ("CHAIR", "1990-01-01", "1999-12-31")
    assert seat["datesApproximate"] is True
    assert seat["organisation"] == {"slug": "lulea"}
    assert (await gql.data(BOARD, {"day": "1995-06-01"}))["board"] == []

    published = await editor.publish_seat(seat["id"])
    assert published["editorialState"] == "PUBLISHED"
    board = (await gql.data(BOARD, {"day": "1995-06-01"}))["board"]
    assert board == [{"role": "CHAIR", "person": {"slug": "test-p-chair-1990s"}, "note": "Test seat."}]
    assert (await gql.data(BOARD, {"day": "2000-01-01"}))["board"] == []
    seats = (await gql.data(PUBLIC_PERSON, {"slug": "test-p-chair-1990s"}))["person"]["boardSeats"]
    assert seats == [{"role": "CHAIR"}]

    await editor.ok(action("unpublishBoardMembership", "BoardMembership"), {"id": seat["id"]})
    assert (await gql.data(BOARD, {"day": "1995-06-01"}))["board"] == []
    archived = await editor.ok(action("archiveBoardMembership", "BoardMembership"), {"id": seat["id"]})
    assert archived["editorialState"] == "ARCHIVED"


async def test_seat_update_keeps_what_it_does_not_mention(editor: Writer) -> None:
    person = await editor.person("test-p-seat-keep")
    seat = await editor.seat(
        person["id"],
        role="VICE_CHAIR",
        organisationId=await organisation_id("forli"),
        startDate="1991-03-01",
        endDate="1992-02-28",
        datesApproximate=True,
        note="Original note.",
    )
    updated = await editor.ok(UPDATE_SEAT, {"id": seat["id"], "version": 1, "note": "New note."})
    assert updated["version"] == 2
    assert (updated["role"], updated["startDate"], updated["endDate"]) == (
        "VICE_CHAIR",
        "1991-03-01",
        "1992-02-28",
    )
    assert (updated["datesApproximate"], updated["organisation"], updated["note"]) == (
        True,
        {"slug": "forli"},
        "New note.",
    )
    opened = await editor.ok(UPDATE_SEAT, {"id": seat["id"], "version": 2, "endDate": None, "role": "MEMBER"})
    assert (opened["role"], opened["startDate"], opened["endDate"]) == ("MEMBER", "1991-03-01", None)
    default_role = await editor.seat(person["id"], startDate="1980-01-01", endDate="1980-12-31")
    assert (default_role["role"], default_role["datesApproximate"]) == ("MEMBER", False)


async def test_seat_invalid_input_is_reported_at_once_and_nothing_written(editor: Writer) -> None:
    before = await counts()
    bad = {
        "personId": gid("Person", 2**31 - 1),
        "organisationId": gid("Theme", 1),
        "startDate": "2001-05-01",
        "endDate": "2001-04-30",
        "note": "n" * 5001,
    }
    payload = await editor.run(CREATE_SEAT, bad)
    assert payload["boardMembership"] is None
    assert codes(payload["userErrors"]) == {
        ("input.personId", "NOT_FOUND"),
        ("input.organisationId", "NOT_FOUND"),
        ("input.endDate", "END_BEFORE_START"),
        ("input.note", "TOO_LONG"),
    }
    assert await counts() == before

    person = await editor.person("test-p-seat-invalid")
    seat = await editor.seat(person["id"], startDate="1985-01-01", endDate="1985-12-31")
    before = await counts()
    update = {"id": seat["id"], "version": 1, "personId": None, "role": None, "startDate": "1986-01-01"}
    refused = await editor.run(UPDATE_SEAT, update)
    assert codes(refused["userErrors"]) == {
        ("input.personId", "REQUIRED"),
        ("input.role", "REQUIRED"),
        ("input.endDate", "END_BEFORE_START"),
    }
    saved = await BoardMembership.get(id=pk_of(seat))
    assert (saved.version, str(saved.start_date)) == (1, "1985-01-01")
    assert await counts() == before


async def test_two_chairs_at_once_are_refused(editor: Writer) -> None:
    person = await editor.person("test-p-second-chair")
    before = await counts()
    overlapping = await editor.run(
        CREATE_SEAT,
        {"personId": person["id"], "role": "CHAIR", "startDate": "2018-01-01", "endDate": "2018-12-31"},
    )
    assert overlapping["boardMembership"] is None
    assert codes(overlapping["userErrors"]) == {("input.role", "CHAIR_OVERLAP")}
    message = overlapping["userErrors"][0]["message"]
    assert "Lubiano Montaguti" in message
    assert "2017-05-01 to 2021-06-30" in message

    spanning = await editor.run(
        CREATE_SEAT,
        {"personId": person["id"], "role": "CHAIR", "startDate": "2021-01-01", "endDate": "2021-08-01"},
    )
    message = spanning["userErrors"][0]["message"]
    assert "Lubiano Montaguti" in message
    assert "Gert-Inge Andersson" in message

    open_end = await editor.run(
        CREATE_SEAT, {"personId": person["id"], "role": "CHAIR", "startDate": "2030-01-01"}
    )
    assert codes(open_end["userErrors"]) == {("input.role", "CHAIR_OVERLAP")}
    assert "Saba Giovannacci" in open_end["userErrors"][0]["message"]
    open_start = await editor.run(
        CREATE_SEAT, {"personId": person["id"], "role": "CHAIR", "endDate": "2005-01-01"}
    )
    assert "Kent Ögren" in open_start["userErrors"][0]["message"]
    assert await counts() == before

    # Other roles may share the dates; a seat becoming chair is checked too.
    member = await editor.seat(person["id"], role="MEMBER", startDate="2018-01-01", endDate="2018-12-31")
    promoted = await editor.run(UPDATE_SEAT, {"id": member["id"], "version": 1, "role": "CHAIR"})
    assert codes(promoted["userErrors"]) == {("input.role", "CHAIR_OVERLAP")}
    assert (await BoardMembership.get(id=pk_of(member))).role == "member"

    # Before the first chair there is room for one chair, and a draft chair counts.
    early = await editor.seat(person["id"], role="CHAIR", startDate="1960-01-01", endDate="1969-12-31")
    rival = await editor.person("test-p-rival-chair")
    clash = await editor.run(
        CREATE_SEAT,
        {"personId": rival["id"], "role": "CHAIR", "startDate": "1969-12-31", "endDate": "1970-06-30"},
    )
    assert codes(clash["userErrors"]) == {("input.role", "CHAIR_OVERLAP")}
    assert "Testperson test-p-second-chair (1960-01-01 to 1969-12-31)" in clash["userErrors"][0]["message"]
    adjacent = {"personId": rival["id"], "role": "CHAIR", "startDate": "1970-01-01", "endDate": "1970-06-30"}
    await editor.ok(CREATE_SEAT, adjacent)

    # Archived seats do not count.
    await editor.ok(action("archiveBoardMembership", "BoardMembership"), {"id": early["id"]})
    await editor.ok(
        CREATE_SEAT,
        {"personId": rival["id"], "role": "CHAIR", "startDate": "1965-01-01", "endDate": "1965-12-31"},
    )


async def test_pending_edits_of_a_chair_count_too(editor: Writer) -> None:
    holder = await editor.published_person("test-p-pending-chair")
    seat = await editor.seat(holder["id"], role="CHAIR", startDate="1950-01-01", endDate="1950-12-31")
    published = await editor.publish_seat(seat["id"])
    # The published seat ends in 1950; its pending edit extends it to 1951.
    await editor.ok(UPDATE_SEAT, {"id": seat["id"], "version": published["version"], "endDate": "1951-12-31"})
    other = await editor.person("test-p-pending-rival")
    refused = await editor.run(
        CREATE_SEAT,
        {"personId": other["id"], "role": "CHAIR", "startDate": "1951-06-01", "endDate": "1951-07-01"},
    )
    assert codes(refused["userErrors"]) == {("input.role", "CHAIR_OVERLAP")}
    assert "1950-01-01 to 1951-12-31" in refused["userErrors"][0]["message"]


async def test_one_seat_per_person_and_organisation_at_a_time(editor: Writer) -> None:
    person = await editor.person("test-p-two-seats")
    forli, lulea = await organisation_id("forli"), await organisation_id("lulea")
    first = await editor.seat(
        person["id"], organisationId=forli, startDate="2000-01-01", endDate="2003-12-31"
    )
    before = await counts()
    for dates in (
        {"startDate": "2003-12-31", "endDate": "2005-12-31"},
        {"endDate": "2000-01-01"},
        {"startDate": "1999-01-01"},
        {},
    ):
        twin = await editor.run(
            CREATE_SEAT, {"personId": person["id"], "organisationId": forli, "role": "DEPUTY", **dates}
        )
        assert codes(twin["userErrors"]) == {("input.personId", "SEAT_OVERLAP")}, dates
        assert "2000-01-01 to 2003-12-31" in twin["userErrors"][0]["message"]
    assert await counts() == before

    # Another organisation, or adjacent dates, are fine; so is an archived seat's period.
    await editor.seat(person["id"], organisationId=lulea, startDate="2001-01-01", endDate="2001-12-31")
    await editor.seat(person["id"], organisationId=forli, startDate="2004-01-01", endDate="2004-12-31")
    moved = await editor.run(UPDATE_SEAT, {"id": first["id"], "version": 1, "endDate": "2004-06-30"})
    assert codes(moved["userErrors"]) == {("input.personId", "SEAT_OVERLAP")}
    await editor.ok(action("archiveBoardMembership", "BoardMembership"), {"id": first["id"]})
    await editor.seat(person["id"], organisationId=forli, startDate="2002-01-01", endDate="2002-12-31")

    # Seats without an organisation clash with each other.
    await editor.seat(person["id"], startDate="1990-01-01", endDate="1990-12-31")
    alone = await editor.run(
        CREATE_SEAT, {"personId": person["id"], "startDate": "1990-06-01", "endDate": "1991-06-01"}
    )
    assert codes(alone["userErrors"]) == {("input.personId", "SEAT_OVERLAP")}


async def test_seat_stale_version_is_a_conflict(editor: Writer) -> None:
    person = await editor.person("test-p-seat-conflict")
    seat = await editor.seat(person["id"], startDate="1975-01-01", endDate="1975-12-31")
    await editor.ok(UPDATE_SEAT, {"id": seat["id"], "version": 1, "note": "First"})
    stale = await editor.run(UPDATE_SEAT, {"id": seat["id"], "version": 1, "note": "Stale"})
    assert codes(stale["userErrors"]) == {("input.version", "CONFLICT")}
    stale_archive = await editor.run(
        action("archiveBoardMembership", "BoardMembership"), {"id": seat["id"], "version": 1}
    )
    assert codes(stale_archive["userErrors"]) == {("input.version", "CONFLICT")}
    saved = await BoardMembership.get(id=pk_of(seat))
    assert (saved.note, saved.version, saved.state) == ("First", 2, "draft")


# --- contact roles ----------------------------------------------------------------------------------


async def test_contact_role_draft_is_hidden_until_published(gql: GraphQLClient, editor: Writer) -> None:
    person = await editor.published_person("test-p-contact")
    lulea = await organisation_id("lulea")
    created = await editor.ok(
        CREATE_CONTACT,
        {
            "personId": person["id"],
            "organisationId": lulea,
            "role": {"en": "Test contact", "sv": "Testkontakt"},
        },
    )
    assert created["editorialState"] == "DRAFT"
    assert (created["role"], created["organisation"], created["person"]) == (
        "Test contact",
        {"slug": "lulea"},
        {"slug": "test-p-contact"},
    )
    assert (await gql.data(PUBLIC_PERSON, {"slug": "test-p-contact"}))["person"]["contactRoles"] == []
    published = await editor.ok(action("publishContactRole", "ContactRole"), {"id": created["id"]})
    assert published["editorialState"] == "PUBLISHED"
    roles = (await gql.data(PUBLIC_PERSON, {"slug": "test-p-contact"}))["person"]["contactRoles"]
    assert roles == [{"role": "Test contact"}]
    await editor.ok(action("unpublishContactRole", "ContactRole"), {"id": created["id"]})
    assert (await gql.data(PUBLIC_PERSON, {"slug": "test-p-contact"}))["person"]["contactRoles"] == []
    archived = await editor.ok(action("archiveContactRole", "ContactRole"), {"id": created["id"]})
    assert archived["editorialState"] == "ARCHIVED"


async def test_contact_role_update_keeps_what_it_does_not_mention(editor: Writer) -> None:
    person = await editor.person("test-p-contact-keep")
    created = await editor.ok(
        CREATE_CONTACT,
        {
            "personId": person["id"],
            "organisationId": await organisation_id("forli"),
            "role": {"it": "Referente", "en": "Contact"},
            "note": "Keep.",
        },
    )
    updated = await editor.ok(UPDATE_CONTACT, {"id": created["id"], "version": 1, "role": {"sv": "Kontakt"}})
    assert (updated["version"], updated["note"], updated["organisation"]) == (2, "Keep.", {"slug": "forli"})
    saved = await ContactRole.get(id=pk_of(created))
    assert (saved.role_sv, saved.role_it, saved.role_en) == ("Kontakt", "Referente", "Contact")
    moved = await editor.ok(
        UPDATE_CONTACT, {"id": created["id"], "version": 2, "organisationId": await organisation_id("lulea")}
    )
    assert moved["organisation"] == {"slug": "lulea"}
    assert moved["role"] == "Contact"


async def test_contact_role_invalid_input_is_reported_at_once_and_nothing_written(editor: Writer) -> None:
    before = await counts()
    payload = await editor.run(
        CREATE_CONTACT,
        {
            "personId": gid("Organisation", 1),
            "organisationId": gid("Organisation", 2**31 - 1),
            "role": {"en": " "},
        },
    )
    assert payload["contactRole"] is None
    assert codes(payload["userErrors"]) == {
        ("input.personId", "NOT_FOUND"),
        ("input.organisationId", "NOT_FOUND"),
        ("input.role", "REQUIRED"),
    }
    long = await editor.run(
        CREATE_CONTACT,
        {
            "personId": gid("Person", (await Person.get(slug="kent-ogren")).id),
            "organisationId": await organisation_id("lulea"),
            "role": {"it": "r" * 301},
        },
    )
    assert codes(long["userErrors"]) == {("input.role.it", "TOO_LONG")}
    assert await counts() == before

    person = await editor.person("test-p-contact-invalid")
    created = await editor.ok(
        CREATE_CONTACT,
        {
            "personId": person["id"],
            "organisationId": await organisation_id("lulea"),
            "role": {"en": "Contact"},
        },
    )
    before = await counts()
    refused = await editor.run(
        UPDATE_CONTACT,
        {"id": created["id"], "version": 1, "organisationId": None, "personId": None, "role": {"en": None}},
    )
    assert codes(refused["userErrors"]) == {
        ("input.personId", "REQUIRED"),
        ("input.organisationId", "REQUIRED"),
        ("input.role", "REQUIRED"),
    }
    cleared = await editor.run(UPDATE_CONTACT, {"id": created["id"], "version": 1, "role": None})
    assert codes(cleared["userErrors"]) == {("input.role", "REQUIRED")}
    assert (await ContactRole.get(id=pk_of(created))).version == 1
    assert await counts() == before


async def test_contact_role_stale_version_is_a_conflict(editor: Writer) -> None:
    person = await editor.person("test-p-contact-conflict")
    created = await editor.ok(
        CREATE_CONTACT,
        {
            "personId": person["id"],
            "organisationId": await organisation_id("lulea"),
            "role": {"en": "Contact"},
        },
    )
    await editor.ok(UPDATE_CONTACT, {"id": created["id"], "version": 1, "note": "First"})
    stale = await editor.run(UPDATE_CONTACT, {"id": created["id"], "version": 1, "note": "Stale"})
    assert codes(stale["userErrors"]) == {("input.version", "CONFLICT")}
    saved = await ContactRole.get(id=pk_of(created))
    assert (saved.note, saved.version) == ("First", 2)

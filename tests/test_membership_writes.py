"""Writing memberships of the network through GraphQL: workflow, periods, versions, permissions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.content.models import AuditEvent, EditorialState, Revision
from sern_graph.core.ids import encode_global_id
from sern_graph.organisations.membership_kind import overlap
from sern_graph.organisations.models import Membership, Organisation
from tests.conftest import GraphQLClient

PREFIX = "test-mb-"
ERRORS = "userErrors { field message code }"
FIELDS = (
    "id version kind startDate endDate datesApproximate note editorialState hasUnpublishedChanges "
    "organisation { slug }"
)
CREATE = f"""mutation($input: CreateMembershipInput!) {{
  createMembership(input: $input) {{ membership {{ {FIELDS} }} {ERRORS} }}
}}"""
UPDATE = f"""mutation($input: UpdateMembershipInput!) {{
  updateMembership(input: $input) {{ membership {{ {FIELDS} }} {ERRORS} }}
}}"""
ACTION = """mutation($input: ContentActionInput!) {{
  {name}(input: $input) {{ membership {{ {fields} }} {errors} }}
}}"""
CREATE_ORGANISATION = """mutation($input: CreateOrganisationInput!) {
  createOrganisation(input: $input) { organisation { id } userErrors { code } }
}"""
PUBLISH_ORGANISATION = """mutation($input: ContentActionInput!) {
  publishOrganisation(input: $input) { userErrors { code } }
}"""
PUBLIC = """query($slug: String!) {
  organisation(slug: $slug) { isMember memberships { id kind startDate endDate } }
  network { memberCount }
}"""
NODE = "query($id: ID!) { node(id: $id) { ... on Membership { kind organisation { slug } } } }"


def action(name: str) -> str:
    return ACTION.format(name=name, fields=FIELDS, errors=ERRORS)


def codes(errors: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return {(".".join(error["field"]), error["code"]) for error in errors}


@pytest.fixture
async def headers(settings: Any) -> AsyncIterator[dict[str, dict[str, str]]]:
    _, editor = await accounts.create_token("test membership writes editor", Role.EDITOR)
    _, reader = await accounts.create_token("test membership writes reader", Role.READER, can_preview=True)
    yield {
        "editor": {"Authorization": f"Bearer {editor}"},
        "reader": {"Authorization": f"Bearer {reader}"},
        "anonymous": {},
    }
    organisations = await Organisation.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    memberships = await Membership.filter(organisation_id__in=organisations).values_list("id", flat=True)
    for content_type, ids in (("Membership", memberships), ("Organisation", organisations)):
        await Revision.filter(content_type=content_type, object_id__in=ids).delete()
        await AuditEvent.filter(content_type=content_type, object_id__in=ids).delete()
    await Membership.filter(id__in=memberships).delete()
    await Organisation.filter(id__in=organisations).delete()
    await ApiToken.filter(name__startswith="test membership writes").delete()


async def organisation(gql: GraphQLClient, headers: dict[str, str], slug: str, publish: bool = True) -> str:
    """A new test organisation's global ID; published unless told otherwise."""
    data = {"name": f"Test {slug}", "slug": slug, "kind": "MUNICIPALITY", "countryCode": "SE"}
    payload = (await gql.data(CREATE_ORGANISATION, {"input": data}, headers=headers))["createOrganisation"]
    assert payload["userErrors"] == []
    organisation_id: str = payload["organisation"]["id"]
    if publish:
        published = await gql.data(PUBLISH_ORGANISATION, {"input": {"id": organisation_id}}, headers=headers)
        assert published["publishOrganisation"]["userErrors"] == []
    return organisation_id


async def create(gql: GraphQLClient, headers: dict[str, str], **values: Any) -> dict[str, Any]:
    payload = (await gql.data(CREATE, {"input": values}, headers=headers))["createMembership"]
    assert payload["userErrors"] == [], values
    return payload["membership"]  # type: ignore[no-any-return]


async def run(
    gql: GraphQLClient, headers: dict[str, str], name: str, entry_id: str, version: int | None = None
) -> dict[str, Any]:
    data = {"id": entry_id, "version": version}
    payload: dict[str, Any] = (await gql.data(action(name), {"input": data}, headers=headers))[name]
    return payload


async def public(gql: GraphQLClient, slug: str) -> tuple[bool, list[dict[str, Any]], int]:
    data = await gql.data(PUBLIC, {"slug": slug})
    found = data["organisation"]
    return found["isMember"], found["memberships"], data["network"]["memberCount"]


def test_overlap_treats_open_dates_as_unbounded() -> None:
    day = date.fromisoformat
    assert overlap((day("2010-01-01"), day("2012-12-31")), (day("2012-12-31"), None))
    assert not overlap((day("2010-01-01"), day("2012-12-31")), (day("2013-01-01"), None))
    assert overlap((None, None), (day("1990-01-01"), day("1990-01-01")))
    assert overlap((None, day("2000-01-01")), (None, day("1990-01-01")))
    assert not overlap((None, day("1999-12-31")), (day("2000-01-01"), day("2001-01-01")))


async def test_published_membership_makes_a_member_and_archiving_undoes_it(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    slug = f"{PREFIX}happy"
    organisation_id = await organisation(gql, editor, slug)
    is_member, memberships, members_before = await public(gql, slug)
    assert (is_member, memberships) == (False, [])

    created = await create(
        gql, editor, organisationId=organisation_id, startDate="2020-03-01", note="Joined at the assembly."
    )
    assert {key: created[key] for key in ("kind", "startDate", "endDate", "datesApproximate", "version")} == {
        "kind": "MEMBER",
        "startDate": "2020-03-01",
        "endDate": None,
        "datesApproximate": False,
        "version": 1,
    }
    assert (created["editorialState"], created["organisation"]) == ("DRAFT", {"slug": slug})
    assert await public(gql, slug) == (False, [], members_before)
    assert (await gql.data(NODE, {"id": created["id"]}))["node"] is None

    published = await run(gql, editor, "publishMembership", created["id"])
    assert published["userErrors"] == []
    assert published["membership"]["editorialState"] == "PUBLISHED"
    is_member, memberships, members = await public(gql, slug)
    assert is_member is True
    assert memberships == [
        {"id": created["id"], "kind": "MEMBER", "startDate": "2020-03-01", "endDate": None}
    ]
    assert members == members_before + 1
    assert (await gql.data(NODE, {"id": created["id"]}))["node"] == {
        "kind": "MEMBER",
        "organisation": {"slug": slug},
    }

    archived = await run(gql, editor, "archiveMembership", created["id"])
    assert archived["membership"]["editorialState"] == "ARCHIVED"
    assert await public(gql, slug) == (False, [], members_before)


async def test_unpublish_hides_and_partners_are_not_members(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    slug = f"{PREFIX}partner"
    organisation_id = await organisation(gql, editor, slug)
    _, _, members_before = await public(gql, slug)
    created = await create(
        gql, editor, organisationId=organisation_id, kind="PARTNER", startDate="2009-01-01"
    )
    await run(gql, editor, "publishMembership", created["id"])
    is_member, memberships, members = await public(gql, slug)
    assert (is_member, [item["kind"] for item in memberships], members) == (
        False,
        ["PARTNER"],
        members_before,
    )

    unpublished = await run(gql, editor, "unpublishMembership", created["id"])
    assert unpublished["membership"]["editorialState"] == "DRAFT"
    assert await public(gql, slug) == (False, [], members_before)


async def test_update_changes_only_the_given_fields(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    slug = f"{PREFIX}update"
    organisation_id = await organisation(gql, editor, slug)
    created = await create(
        gql,
        editor,
        organisationId=organisation_id,
        kind="OBSERVER",
        startDate="2005-01-01",
        endDate="2008-12-31",
        datesApproximate=True,
    )
    change = {"id": created["id"], "version": 1, "note": "Years from the annual report."}
    payload = (await gql.data(UPDATE, {"input": change}, headers=editor))["updateMembership"]
    assert payload["userErrors"] == []
    row = await Membership.get(organisation__slug=slug)
    assert (row.kind, str(row.start_date), str(row.end_date), row.dates_approximate, row.note) == (
        "observer",
        "2005-01-01",
        "2008-12-31",
        True,
        "Years from the annual report.",
    )
    assert row.version == 2

    # On a published membership the change waits for publish; the public keeps the old dates.
    await run(gql, editor, "publishMembership", created["id"])
    change = {"id": created["id"], "version": 3, "endDate": None, "kind": "MEMBER"}
    payload = (await gql.data(UPDATE, {"input": change}, headers=editor))["updateMembership"]
    assert payload["userErrors"] == []
    assert payload["membership"]["hasUnpublishedChanges"] is True
    _, memberships, _ = await public(gql, slug)
    assert [(item["kind"], item["endDate"]) for item in memberships] == [("OBSERVER", "2008-12-31")]
    await run(gql, editor, "publishMembership", created["id"])
    is_member, memberships, _ = await public(gql, slug)
    assert (is_member, [(item["kind"], item["endDate"]) for item in memberships]) == (
        True,
        [("MEMBER", None)],
    )
    await run(gql, editor, "archiveMembership", created["id"])


async def test_invalid_membership_is_refused_with_every_problem(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    slug = f"{PREFIX}invalid"
    organisation_id = await organisation(gql, editor, slug, publish=False)
    # Held 2010 to 2015 (a draft counts: only archived memberships are out of the way).
    first = await create(
        gql, editor, organisationId=organisation_id, startDate="2010-01-01", endDate="2015-12-31"
    )
    country_id = (await gql.data('{ country(code: "SE") { id } }'))["country"]["id"]
    before = await Membership.all().count()
    cases: list[tuple[dict[str, Any], set[tuple[str, str]]]] = [
        ({"startDate": "2020-05-01", "endDate": "2020-04-30"}, {("input.endDate", "END_BEFORE_START")}),
        ({"startDate": "2015-12-31"}, {("input.startDate", "MEMBERSHIP_OVERLAP")}),
        ({"startDate": "2012-01-01", "endDate": "2013-01-01"}, {("input.startDate", "MEMBERSHIP_OVERLAP")}),
        ({"endDate": "2010-01-01"}, {("input.startDate", "MEMBERSHIP_OVERLAP")}),
        ({}, {("input.startDate", "MEMBERSHIP_OVERLAP")}),
        ({"kind": "PARTNER", "startDate": "2009-01-01"}, {("input.startDate", "MEMBERSHIP_OVERLAP")}),
        ({"organisationId": country_id, "startDate": "2020-01-01"}, {("input.organisationId", "NOT_FOUND")}),
        ({"organisationId": "nonsense", "startDate": "2020-01-01"}, {("input.organisationId", "NOT_FOUND")}),
        (
            {"startDate": "2016-01-01", "endDate": "2015-01-01", "note": "n" * 2001},
            {("input.endDate", "END_BEFORE_START"), ("input.note", "TOO_LONG")},
        ),
    ]
    for values, expected in cases:
        data = {"organisationId": organisation_id, **values}
        payload = (await gql.data(CREATE, {"input": data}, headers=editor))["createMembership"]
        assert payload["membership"] is None, values
        assert codes(payload["userErrors"]) == expected, values
    assert await Membership.all().count() == before

    # Adjacent periods do not overlap; neither two closed ones far apart.
    later = await create(
        gql, editor, organisationId=organisation_id, startDate="2016-01-01", endDate="2017-12-31"
    )
    await create(gql, editor, organisationId=organisation_id, startDate="2001-01-01", endDate="2009-12-31")

    # Updates are checked the same way, and write nothing when refused.
    updates: list[tuple[dict[str, Any], set[tuple[str, str]]]] = [
        ({"startDate": "2015-06-01"}, {("input.startDate", "MEMBERSHIP_OVERLAP")}),
        ({"startDate": None}, {("input.startDate", "MEMBERSHIP_OVERLAP")}),
        ({"endDate": "2015-12-31"}, {("input.endDate", "END_BEFORE_START")}),
        (
            {"kind": None, "datesApproximate": None},
            {("input.kind", "REQUIRED"), ("input.datesApproximate", "REQUIRED")},
        ),
        ({"organisationId": None}, {("input.organisationId", "REQUIRED")}),
    ]
    for values, expected in updates:
        data = {"id": later["id"], "version": 1, **values}
        payload = (await gql.data(UPDATE, {"input": data}, headers=editor))["updateMembership"]
        assert codes(payload["userErrors"]) == expected, values
    saved = await Membership.get(start_date=date(2016, 1, 1), organisation__slug=slug)
    assert (str(saved.start_date), str(saved.end_date), saved.version) == ("2016-01-01", "2017-12-31", 1)

    # An archived membership is out of the way; publishing it again is checked once more.
    await run(gql, editor, "archiveMembership", first["id"])
    replacement = await create(
        gql, editor, organisationId=organisation_id, startDate="2011-01-01", endDate="2015-12-31"
    )
    refused = await run(gql, editor, "publishMembership", first["id"])
    assert codes(refused["userErrors"]) == {("input.startDate", "MEMBERSHIP_OVERLAP")}
    assert (
        await Membership.get(start_date=date(2010, 1, 1), organisation__slug=slug)
    ).state == EditorialState.ARCHIVED
    assert replacement["version"] == 1


async def test_pending_edits_of_a_published_membership_count_for_overlap(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    organisation_id = await organisation(gql, editor, f"{PREFIX}pending")
    held = await create(
        gql, editor, organisationId=organisation_id, startDate="2010-01-01", endDate="2012-12-31"
    )
    await run(gql, editor, "publishMembership", held["id"])
    # Its end moves to 2014 in a draft that is not published yet: 2013 is taken for editors already.
    change = {"id": held["id"], "version": 2, "endDate": "2014-12-31"}
    assert (await gql.data(UPDATE, {"input": change}, headers=editor))["updateMembership"]["userErrors"] == []
    payload = (
        await gql.data(
            CREATE, {"input": {"organisationId": organisation_id, "startDate": "2013-06-01"}}, headers=editor
        )
    )["createMembership"]
    assert codes(payload["userErrors"]) == {("input.startDate", "MEMBERSHIP_OVERLAP")}
    # And the published end still holds for the public: shortening it in the draft frees nothing yet.
    change = {"id": held["id"], "version": 3, "endDate": "2011-12-31"}
    assert (await gql.data(UPDATE, {"input": change}, headers=editor))["updateMembership"]["userErrors"] == []
    payload = (
        await gql.data(
            CREATE, {"input": {"organisationId": organisation_id, "startDate": "2012-06-01"}}, headers=editor
        )
    )["createMembership"]
    assert codes(payload["userErrors"]) == {("input.startDate", "MEMBERSHIP_OVERLAP")}
    await run(gql, editor, "publishMembership", held["id"])
    await create(gql, editor, organisationId=organisation_id, startDate="2012-06-01")


async def test_stale_version_is_a_conflict(gql: GraphQLClient, headers: dict[str, dict[str, str]]) -> None:
    editor = headers["editor"]
    organisation_id = await organisation(gql, editor, f"{PREFIX}conflict", publish=False)
    created = await create(gql, editor, organisationId=organisation_id, startDate="2001-01-01")
    first = {"id": created["id"], "version": 1, "note": "First"}
    assert (await gql.data(UPDATE, {"input": first}, headers=editor))["updateMembership"]["userErrors"] == []
    stale = {"id": created["id"], "version": 1, "note": "Stale"}
    payload = (await gql.data(UPDATE, {"input": stale}, headers=editor))["updateMembership"]
    assert [error["code"] for error in payload["userErrors"]] == ["CONFLICT"]
    assert "version 2" in payload["userErrors"][0]["message"]
    for name in ("publishMembership", "unpublishMembership", "archiveMembership"):
        payload = await run(gql, editor, name, created["id"], version=1)
        assert [error["code"] for error in payload["userErrors"]] == ["CONFLICT"], name
    row = await Membership.get(organisation__slug=f"{PREFIX}conflict")
    assert (row.note, row.version, row.state) == ("First", 2, EditorialState.DRAFT)


@pytest.mark.parametrize(("who", "expected"), [("anonymous", "UNAUTHENTICATED"), ("reader", "FORBIDDEN")])
async def test_membership_writes_need_an_editor(
    gql: GraphQLClient, headers: dict[str, dict[str, str]], who: str, expected: str
) -> None:
    editor = headers["editor"]
    slug = f"{PREFIX}refused"
    organisation_id = await organisation(gql, editor, slug)
    body = await gql(
        CREATE,
        {"input": {"organisationId": organisation_id, "startDate": "2001-01-01"}},
        headers=headers[who],
    )
    assert body["errors"][0]["extensions"]["code"] == expected
    assert not await Membership.exists(organisation__slug=slug)

    created = await create(gql, editor, organisationId=organisation_id, startDate="2001-01-01")
    for name in ("updateMembership", "publishMembership", "unpublishMembership", "archiveMembership"):
        data: dict[str, Any] = {"id": created["id"], "version": 1}
        if name == "updateMembership":
            data["note"] = "Not allowed"
        body = await gql(
            UPDATE if name == "updateMembership" else action(name), {"input": data}, headers=headers[who]
        )
        assert body["errors"][0]["extensions"]["code"] == expected, name
    row = await Membership.get(organisation__slug=slug)
    assert (row.version, row.state) == (1, EditorialState.DRAFT)
    assert not row.note


async def test_restoring_a_revision_brings_the_period_back(
    gql: GraphQLClient, headers: dict[str, dict[str, str]]
) -> None:
    editor = headers["editor"]
    organisation_id = await organisation(gql, editor, f"{PREFIX}restore", publish=False)
    created = await create(
        gql,
        editor,
        organisationId=organisation_id,
        kind="OBSERVER",
        startDate="2003-04-05",
        endDate="2004-01-01",
    )
    change = {"id": created["id"], "version": 1, "kind": "MEMBER", "endDate": None}
    assert (await gql.data(UPDATE, {"input": change}, headers=editor))["updateMembership"]["userErrors"] == []
    row = await Membership.get(organisation__slug=f"{PREFIX}restore")
    revision = await Revision.get(content_type="Membership", object_id=row.id, version=1)
    restore = """mutation($input: RestoreRevisionInput!) {
      restoreRevision(input: $input) {
        node { ... on Membership { version kind startDate endDate } } userErrors { code }
      }
    }"""
    restored = await gql.data(
        restore, {"input": {"revisionId": encode_global_id("Revision", revision.id)}}, headers=editor
    )
    assert restored["restoreRevision"] == {
        "node": {"version": 3, "kind": "OBSERVER", "startDate": "2003-04-05", "endDate": "2004-01-01"},
        "userErrors": [],
    }

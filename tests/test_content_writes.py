"""The editorial workflow through GraphQL: drafts, publishing, versions, revisions, audit, permissions."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.content.models import AuditEvent, Revision
from sern_graph.organisations.models import Organisation
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient

FIELDS = "id version name slug editorialState hasUnpublishedChanges website region { code }"
CREATE = f"""
mutation($input: CreateOrganisationInput!) {{
  createOrganisation(input: $input) {{ organisation {{ {FIELDS} }} userErrors {{ field message code }} }}
}}"""
UPDATE = f"""
mutation($input: UpdateOrganisationInput!) {{
  updateOrganisation(input: $input) {{ organisation {{ {FIELDS} }} userErrors {{ field message code }} }}
}}"""
ACTION = """
mutation($input: ContentActionInput!) {{
  {name}(input: $input) {{ organisation {{ {fields} }} userErrors {{ field message code }} }}
}}"""
PUBLIC = "query($slug: String) { organisation(slug: $slug) { name website } }"


def action(name: str) -> str:
    return ACTION.format(name=name, fields=FIELDS)


@pytest.fixture
async def editor(settings: Settings) -> AsyncIterator[dict[str, str]]:
    _, editor_secret = await accounts.create_token("test writes editor", Role.EDITOR)
    _, reader_secret = await accounts.create_token("test writes reader", Role.READER, can_preview=True)
    yield {"Authorization": f"Bearer {editor_secret}", "reader": f"Bearer {reader_secret}"}
    slugs = await Organisation.filter(slug__startswith="test-w").values_list("id", flat=True)
    await Revision.filter(content_type="Organisation", object_id__in=slugs).delete()
    await AuditEvent.filter(object_id__in=slugs, content_type="Organisation").delete()
    await Organisation.filter(slug__startswith="test-w").delete()
    await ApiToken.filter(name__startswith="test writes").delete()


def new_organisation(slug: str, **extra: Any) -> dict[str, Any]:
    return {
        "name": f"Test {slug}",
        "slug": slug,
        "kind": "MUNICIPALITY",
        "countryCode": "SE",
        "regionCode": "SE332",
        "website": "https://example.se",
        **extra,
    }


async def create(gql: GraphQLClient, headers: dict[str, str], slug: str, **extra: Any) -> dict[str, Any]:
    data = await gql.data(CREATE, {"input": new_organisation(slug, **extra)}, headers=headers)
    payload: dict[str, Any] = data["createOrganisation"]
    assert payload["userErrors"] == []
    return payload["organisation"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("who", ["anonymous", "reader"])
async def test_writes_need_an_editor(gql: GraphQLClient, editor: dict[str, str], who: str) -> None:
    headers = {"Authorization": editor["reader"]} if who == "reader" else {}
    body = await gql(CREATE, {"input": new_organisation("test-w-refused")}, headers=headers)
    expected = "FORBIDDEN" if who == "reader" else "UNAUTHENTICATED"
    assert body["errors"][0]["extensions"]["code"] == expected
    assert not await Organisation.exists(slug="test-w-refused")


async def test_draft_is_hidden_until_published(gql: GraphQLClient, editor: dict[str, str]) -> None:
    headers = {"Authorization": editor["Authorization"]}
    created = await create(gql, headers, "test-w-draft")
    assert created["editorialState"] == "DRAFT"
    assert created["version"] == 1
    assert created["region"] == {"code": "SE332"}
    assert (await gql.data(PUBLIC, {"slug": "test-w-draft"}))["organisation"] is None
    listed = await gql.data('{ organisations(filter: {search: "test-w-draft"}) { totalCount } }')
    assert listed["organisations"]["totalCount"] == 0

    published = await gql.data(
        action("publishOrganisation"), {"input": {"id": created["id"]}}, headers=headers
    )
    assert published["publishOrganisation"]["organisation"]["editorialState"] == "PUBLISHED"
    assert (await gql.data(PUBLIC, {"slug": "test-w-draft"}))["organisation"]["name"] == "Test test-w-draft"


async def test_editing_a_published_entry_waits_for_publish(
    gql: GraphQLClient, editor: dict[str, str]
) -> None:
    headers = {"Authorization": editor["Authorization"]}
    created = await create(gql, headers, "test-w-edit")
    published = await gql.data(
        action("publishOrganisation"), {"input": {"id": created["id"]}}, headers=headers
    )
    version = published["publishOrganisation"]["organisation"]["version"]

    update = {"id": created["id"], "version": version, "name": "Renamed", "website": None}
    updated = (await gql.data(UPDATE, {"input": update}, headers=headers))["updateOrganisation"]
    assert updated["userErrors"] == []
    assert updated["organisation"]["hasUnpublishedChanges"] is True
    public = (await gql.data(PUBLIC, {"slug": "test-w-edit"}))["organisation"]
    assert public == {"name": "Test test-w-edit", "website": "https://example.se"}

    await gql.data(action("publishOrganisation"), {"input": {"id": created["id"]}}, headers=headers)
    public = (await gql.data(PUBLIC, {"slug": "test-w-edit"}))["organisation"]
    assert public == {"name": "Renamed", "website": None}


async def test_unpublish_and_archive_hide_the_entry(gql: GraphQLClient, editor: dict[str, str]) -> None:
    headers = {"Authorization": editor["Authorization"]}
    for name in ("unpublishOrganisation", "archiveOrganisation"):
        slug = f"test-w-{name.lower()}"
        created = await create(gql, headers, slug)
        await gql.data(action("publishOrganisation"), {"input": {"id": created["id"]}}, headers=headers)
        assert (await gql.data(PUBLIC, {"slug": slug}))["organisation"] is not None
        result = await gql.data(action(name), {"input": {"id": created["id"]}}, headers=headers)
        state = result[name]["organisation"]["editorialState"]
        assert state == ("DRAFT" if name == "unpublishOrganisation" else "ARCHIVED")
        assert (await gql.data(PUBLIC, {"slug": slug}))["organisation"] is None


async def test_every_problem_is_reported_and_nothing_written(
    gql: GraphQLClient, editor: dict[str, str]
) -> None:
    headers = {"Authorization": editor["Authorization"]}
    before = await Organisation.all().count()
    bad = new_organisation(
        "Not A Slug",
        website="ftp://example.se",
        email="nobody",
        phone="call me",
        location={"latitude": 95.0, "longitude": 10.0},
        regionCode="ITH5",
        municipalityCode="12",
    )
    payload = (await gql.data(CREATE, {"input": bad}, headers=headers))["createOrganisation"]
    assert payload["organisation"] is None
    found = {(".".join(error["field"]), error["code"]) for error in payload["userErrors"]}
    assert found == {
        ("input.slug", "INVALID_SLUG"),
        ("input.website", "INVALID_URL"),
        ("input.email", "INVALID_EMAIL"),
        ("input.phone", "INVALID_PHONE"),
        ("input.location.latitude", "OUT_OF_RANGE"),
        ("input.regionCode", "COUNTRY_MISMATCH"),
        ("input.municipalityCode", "INVALID"),
    }
    taken = await gql.data(CREATE, {"input": new_organisation("lulea", countryCode="XX")}, headers=headers)
    codes = {(".".join(e["field"]), e["code"]) for e in taken["createOrganisation"]["userErrors"]}
    assert {("input.slug", "TAKEN"), ("input.countryCode", "NOT_FOUND")} <= codes
    assert await Organisation.all().count() == before


async def test_stale_version_is_a_conflict_and_overwrites_nothing(
    gql: GraphQLClient, editor: dict[str, str]
) -> None:
    headers = {"Authorization": editor["Authorization"]}
    created = await create(gql, headers, "test-w-conflict")
    first = {"id": created["id"], "version": 1, "name": "First edit"}
    assert (await gql.data(UPDATE, {"input": first}, headers=headers))["updateOrganisation"][
        "userErrors"
    ] == []
    stale = {"id": created["id"], "version": 1, "name": "Stale edit"}
    payload = (await gql.data(UPDATE, {"input": stale}, headers=headers))["updateOrganisation"]
    assert [error["code"] for error in payload["userErrors"]] == ["CONFLICT"]
    assert "version 2" in payload["userErrors"][0]["message"]
    assert (await Organisation.get(slug="test-w-conflict")).name == "First edit"


async def test_concurrent_editors_one_wins_one_conflicts(gql: GraphQLClient, editor: dict[str, str]) -> None:
    headers = {"Authorization": editor["Authorization"]}
    created = await create(gql, headers, "test-w-race")
    edits = [{"id": created["id"], "version": 1, "name": name} for name in ("Editor A", "Editor B")]
    results = await asyncio.gather(*(gql.data(UPDATE, {"input": edit}, headers=headers) for edit in edits))
    errors = [result["updateOrganisation"]["userErrors"] for result in results]
    assert sorted(len(found) for found in errors) == [0, 1]
    assert [error["code"] for found in errors for error in found] == ["CONFLICT"]
    winner = next(edit["name"] for edit, found in zip(edits, errors, strict=True) if not found)
    saved = await Organisation.get(slug="test-w-race")
    assert (saved.name, saved.version) == (winner, 2)


async def test_failure_after_the_first_row_leaves_the_database_as_before(
    gql: GraphQLClient, editor: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = {"Authorization": editor["Authorization"]}
    created = await create(gql, headers, "test-w-rollback")
    revisions_before = await Revision.filter(
        object_id=int((await Organisation.get(slug="test-w-rollback")).id)
    ).count()

    async def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(AuditEvent, "create", broken)
    body = await gql(
        UPDATE, {"input": {"id": created["id"], "version": 1, "name": "Half written"}}, headers=headers
    )
    assert body["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert "disk full" not in str(body)
    saved = await Organisation.get(slug="test-w-rollback")
    assert (saved.name, saved.version) == ("Test test-w-rollback", 1)
    assert await Revision.filter(object_id=saved.id, content_type="Organisation").count() == revisions_before


async def test_revisions_record_every_write_and_restore_brings_one_back(
    gql: GraphQLClient, editor: dict[str, str]
) -> None:
    headers = {"Authorization": editor["Authorization"]}
    created = await create(gql, headers, "test-w-history")
    await gql.data(action("publishOrganisation"), {"input": {"id": created["id"]}}, headers=headers)
    await gql.data(
        UPDATE, {"input": {"id": created["id"], "version": 2, "name": "Second name"}}, headers=headers
    )
    history_query = """query($id: ID!) {
      node(id: $id) { ... on Organisation { revisions { id version action author changedFields } } }
    }"""
    anonymous = await gql(history_query, {"id": created["id"]})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    history = (await gql.data(history_query, {"id": created["id"]}, headers=headers))["node"]["revisions"]
    assert [(item["version"], item["action"]) for item in history] == [
        (3, "UPDATE"),
        (2, "PUBLISH"),
        (1, "CREATE"),
    ]
    assert history[0]["changedFields"] == ["name"]
    assert "test writes editor" in history[0]["author"]

    restore = """mutation($input: RestoreRevisionInput!) {
      restoreRevision(input: $input) {
        node { ... on Organisation { version hasUnpublishedChanges } } userErrors { code }
      }
    }"""
    restored = await gql.data(restore, {"input": {"revisionId": history[2]["id"]}}, headers=headers)
    assert restored["restoreRevision"]["userErrors"] == []
    assert restored["restoreRevision"]["node"] == {"version": 4, "hasUnpublishedChanges": True}
    await gql.data(action("publishOrganisation"), {"input": {"id": created["id"]}}, headers=headers)
    assert (await gql.data(PUBLIC, {"slug": "test-w-history"}))["organisation"][
        "name"
    ] == "Test test-w-history"
    audit = await AuditEvent.filter(
        content_type="Organisation", object_id=(await Organisation.get(slug="test-w-history")).id
    )
    assert [event.action for event in audit][:2] == ["content.create", "content.publish"]
    assert all(event.token_id is not None for event in audit)


async def test_set_themes_replaces_the_links_and_checks_them(
    gql: GraphQLClient, editor: dict[str, str]
) -> None:
    headers = {"Authorization": editor["Authorization"]}
    created = await create(gql, headers, "test-w-themes")
    await gql.data(action("publishOrganisation"), {"input": {"id": created["id"]}}, headers=headers)
    mutation = """mutation($input: SetOrganisationThemesInput!) {
      setOrganisationThemes(input: $input) { organisation { themes { slug } } userErrors { field code } }
    }"""
    payload = (
        await gql.data(
            mutation, {"input": {"id": created["id"], "themeSlugs": ["energy", "culture"]}}, headers=headers
        )
    )["setOrganisationThemes"]
    assert payload["userErrors"] == []
    assert [theme["slug"] for theme in payload["organisation"]["themes"]] == ["culture", "energy"]
    refused = (
        await gql.data(
            mutation, {"input": {"id": created["id"], "themeSlugs": ["energy", "no-such"]}}, headers=headers
        )
    )["setOrganisationThemes"]
    assert refused["userErrors"] == [{"field": ["input", "themeSlugs"], "code": "NOT_FOUND"}]
    public = await gql.data('{ organisation(slug: "test-w-themes") { themes { slug } } }')
    assert [theme["slug"] for theme in public["organisation"]["themes"]] == ["culture", "energy"]

"""The admin's organisation pages: list, create with validation errors, publish, conflicts,
revisions, diff and restore; every write through the content service."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import httpx
import pytest

from sern_graph.accounts.models import Role, User
from sern_graph.content.models import AuditEvent, EditorialState, Revision
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Organisation
from sern_graph.settings import Settings
from sern_graph.themes.models import Theme
from tests.admin_support import csrf_of, make_user, post_form, sign_in
from tests.conftest import GraphQLClient

PREFIX = "test-admin-"
PUBLIC = "query($slug: String) { organisation(slug: $slug, locale: SV) { name description } }"


@pytest.fixture
async def editor(client: httpx.AsyncClient, settings: Settings) -> AsyncIterator[User]:
    user = await make_user("test-admin-content-editor", Role.EDITOR)
    response = await sign_in(client, user.username)
    assert response.status_code == 303
    yield user
    ids = await Organisation.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    await Revision.filter(content_type="Organisation", object_id__in=ids).delete()
    await AuditEvent.filter(content_type="Organisation", object_id__in=ids).delete()
    await Organisation.filter(slug__startswith=PREFIX).delete()
    theme_ids = await Theme.filter(slug__startswith=PREFIX).values_list("id", flat=True)
    await Revision.filter(content_type="Theme", object_id__in=theme_ids).delete()
    await AuditEvent.filter(content_type="Theme", object_id__in=theme_ids).delete()
    await Theme.filter(slug__startswith=PREFIX).delete()
    await User.filter(id=user.id).delete()


async def form_of(slug: str, **changes: str) -> dict[str, str]:
    sweden = await Country.get(code="SE")
    norrbotten = await Region.get(code="SE332")
    form = {
        "name": f"Test {slug}",
        "short_name": "",
        "slug": slug,
        "kind": "municipality",
        "country_id": str(sweden.id),
        "region_id": str(norrbotten.id),
        "parent_id": "",
        "municipality_code": "",
        "website": "https://example.se",
        "email": "",
        "phone": "",
        "address": "",
        "latitude": "",
        "longitude": "",
        "logo_url": "",
        "description_sv": "En kommun i norr.",
        "description_it": "Un comune del nord.",
        "description_en": "",
        "note": "",
    }
    form.update(changes)
    return form


async def create(client: httpx.AsyncClient, slug: str, **changes: str) -> Organisation:
    response = await post_form(
        client, "/admin/organisations/new", "/admin/organisations/new", await form_of(slug, **changes)
    )
    assert response.status_code == 303, response.text
    created = re.fullmatch(r"/admin/organisations/(\d+)\?done=created", response.headers["location"])
    assert created, response.headers["location"]
    return await Organisation.get(id=int(created.group(1)))


def errors_of(html: str) -> dict[str, str]:
    """Each field-error paragraph's id (err-<input>) and text."""
    return dict(re.findall(r'<p class="field-error" id="err-([a-z_]+)">([^<]*)</p>', html))


async def test_list_searches_filters_and_sorts(client: httpx.AsyncClient, editor: User) -> None:
    page = await client.get("/admin/organisations/", params={"q": "luleå"})
    assert page.status_code == 200
    assert "<title>Organisations · SERN admin</title>" in page.text
    assert "Luleå" in page.text
    italy = await Country.get(code="IT")
    page = await client.get("/admin/organisations/", params={"country": str(italy.id), "kind": "region"})
    assert "Provincia di Parma" in page.text
    assert "Regione Emilia-Romagna" in page.text
    assert "Comune di Bologna" not in page.text
    assert "Luleå" not in page.text
    page = await client.get("/admin/organisations/", params={"state": "archived"})
    assert "Nothing matches." in page.text
    descending = await client.get(
        "/admin/organisations/", params={"order": "-name", "country": str(italy.id)}
    )
    names = re.findall(r'<th scope="row"><a href="/admin/organisations/\d+">([^<]+)</a>', descending.text)
    assert names == sorted(names, reverse=True)
    assert len(names) > 1
    second = await client.get("/admin/organisations/", params={"page": "2"})
    assert "page 2 of" in second.text


async def test_create_shows_errors_next_to_fields_then_saves(client: httpx.AsyncClient, editor: User) -> None:
    italy_region = await Region.get(code="ITH5")
    form = await form_of(
        f"{PREFIX}kiruna", website="kiruna.se", region_id=str(italy_region.id), latitude="north"
    )
    response = await post_form(client, "/admin/organisations/new", "/admin/organisations/new", form)
    assert response.status_code == 422
    assert errors_of(response.text) == {"latitude": "A number, e.g. 65.58."}  # unreadable input first
    form["latitude"] = ""
    response = await post_form(client, "/admin/organisations/new", "/admin/organisations/new", form)
    assert response.status_code == 422
    errors = errors_of(response.text)
    assert set(errors) == {"website", "region_id"}
    assert "http or https" in errors["website"]
    assert errors["region_id"] == "The region is not in SE."
    assert 'value="kiruna.se"' in response.text  # the user's input is kept
    assert "En kommun i norr." in response.text
    assert not await Organisation.exists(slug=f"{PREFIX}kiruna")

    form.update(website="https://kiruna.se", region_id=str((await Region.get(code="SE332")).id))
    response = await post_form(client, "/admin/organisations/new", "/admin/organisations/new", form)
    assert response.status_code == 303
    row = await Organisation.get(slug=f"{PREFIX}kiruna")
    assert response.headers["location"] == f"/admin/organisations/{row.id}?done=created"
    assert row.state == EditorialState.DRAFT
    assert (row.description_sv, row.description_it) == ("En kommun i norr.", "Un comune del nord.")
    revision = await Revision.get(content_type="Organisation", object_id=row.id)
    assert revision.actor_name == "test-admin-content-editor (admin UI)"
    assert revision.user_id == editor.id


async def test_slug_is_made_from_the_name(client: httpx.AsyncClient, editor: User) -> None:
    row = await create(client, "", name="Test Admin Gällivare")
    assert row.slug == "test-admin-gallivare"


async def test_publish_makes_it_public(client: httpx.AsyncClient, gql: GraphQLClient, editor: User) -> None:
    row = await create(client, f"{PREFIX}publish")
    assert (await gql.data(PUBLIC, {"slug": row.slug}))["organisation"] is None
    page_url = f"/admin/organisations/{row.id}"
    response = await post_form(client, page_url, f"{page_url}/publish", {"version": str(row.version)})
    assert response.status_code == 303
    page = await client.get(response.headers["location"])
    assert "Published: the public sees it now." in page.text
    assert 'class="state state-published"' in page.text
    public = (await gql.data(PUBLIC, {"slug": row.slug}))["organisation"]
    assert public == {"name": f"Test {PREFIX}publish", "description": "En kommun i norr."}

    response = await post_form(client, page_url, f"{page_url}/unpublish", {"version": str(row.version + 1)})
    assert response.status_code == 303
    assert (await gql.data(PUBLIC, {"slug": row.slug}))["organisation"] is None
    response = await post_form(client, page_url, f"{page_url}/archive", {"version": str(row.version + 2)})
    assert (await Organisation.get(id=row.id)).state == EditorialState.ARCHIVED


async def test_stale_version_is_a_conflict_and_overwrites_nothing(
    client: httpx.AsyncClient, editor: User
) -> None:
    row = await create(client, f"{PREFIX}conflict")
    page_url = f"/admin/organisations/{row.id}"
    page = await client.get(page_url)
    assert f'name="version" value="{row.version}"' in page.text
    token = csrf_of(page.text)
    first = await form_of(row.slug, name="Test first save")
    second = await form_of(row.slug, name="Test second save")
    assert (
        await client.post(page_url, data={"csrf_token": token, "version": "1", **first})
    ).status_code == 303
    response = await client.post(page_url, data={"csrf_token": token, "version": "1", **second})
    assert response.status_code == 409
    assert "Someone else saved this entry meanwhile (it is now at version 2)" in response.text
    assert 'value="Test second save"' in response.text  # the editor's input is still there to copy
    assert (await Organisation.get(id=row.id)).name == "Test first save"
    stale_publish = await client.post(f"{page_url}/publish", data={"csrf_token": token, "version": "1"})
    assert stale_publish.headers["location"] == f"{page_url}?conflict=1"
    assert (await Organisation.get(id=row.id)).state == EditorialState.DRAFT


async def test_history_diff_and_restore(client: httpx.AsyncClient, gql: GraphQLClient, editor: User) -> None:
    row = await create(client, f"{PREFIX}history")
    page_url = f"/admin/organisations/{row.id}"
    edit = await form_of(row.slug, name="Test renamed", description_sv="Ny text.")
    assert (await post_form(client, page_url, page_url, {"version": "1", **edit})).status_code == 303
    history = await client.get(f"{page_url}/revisions")
    assert history.status_code == 200
    assert history.text.count("test-admin-content-editor (admin UI)") == 2
    assert "Name, Description (sv)" in history.text
    revisions = await Revision.filter(content_type="Organisation", object_id=row.id).order_by("version")
    diff = await client.get(
        f"{page_url}/revisions/diff", params={"from": revisions[0].id, "to": revisions[1].id}
    )
    assert diff.status_code == 200
    assert "<del>Test test-admin-history</del>" in diff.text
    assert "<ins>Test renamed</ins>" in diff.text
    assert "<del>En kommun i norr.</del>" in diff.text
    assert "Website" not in diff.text

    restore = f"{page_url}/revisions/{revisions[0].id}/restore"
    response = await post_form(client, f"{page_url}/revisions", restore, {})
    assert response.status_code == 303
    restored = await Organisation.get(id=row.id)
    assert (restored.name, restored.description_sv, restored.version) == (
        f"Test {row.slug}",
        "En kommun i norr.",
        3,
    )


async def test_published_entry_edits_wait_until_published(
    client: httpx.AsyncClient, gql: GraphQLClient, editor: User
) -> None:
    row = await create(client, f"{PREFIX}pending")
    page_url = f"/admin/organisations/{row.id}"
    await post_form(client, page_url, f"{page_url}/publish", {"version": "1"})
    edit = await form_of(row.slug, name="Test pending rename")
    assert (await post_form(client, page_url, page_url, {"version": "2", **edit})).status_code == 303
    page = await client.get(page_url)
    assert "pending changes, not yet public" in page.text
    assert 'value="Test pending rename"' in page.text
    assert (await gql.data(PUBLIC, {"slug": row.slug}))["organisation"]["name"] == f"Test {row.slug}"


async def test_dashboard_counts_and_latest_changes(client: httpx.AsyncClient, editor: User) -> None:
    row = await create(client, f"{PREFIX}dashboard")
    page = await client.get("/admin/")
    assert page.status_code == 200
    assert "<title>Dashboard · SERN admin</title>" in page.text
    assert '<a href="/admin/organisations/">Organisation</a>' in page.text
    assert f'<a href="/admin/organisations/{row.id}">Test {row.slug}</a>' in page.text


async def test_themes_use_the_same_generic_pages(client: httpx.AsyncClient, editor: User) -> None:
    listing = await client.get("/admin/themes/")
    assert listing.status_code == 200
    assert "<title>Themes · SERN admin</title>" in listing.text
    form = {"slug": f"{PREFIX}theme", "name_sv": "", "name_it": "", "name_en": "", "description_sv": ""}
    form |= {"description_it": "", "description_en": "", "note": ""}
    response = await post_form(client, "/admin/themes/new", "/admin/themes/new", form)
    assert response.status_code == 422
    assert "Give the name in at least one locale." in response.text
    response = await post_form(
        client, "/admin/themes/new", "/admin/themes/new", {**form, "name_sv": "Test tema"}
    )
    assert response.status_code == 303
    theme = await Theme.get(slug=f"{PREFIX}theme")
    assert (theme.name_sv, theme.state) == ("Test tema", EditorialState.DRAFT)
    assert (await client.get("/admin/nothing/")).status_code == 404


async def test_a_revision_that_no_longer_validates_is_not_restored(
    client: httpx.AsyncClient, editor: User
) -> None:
    row = await create(client, f"{PREFIX}moved")
    page_url = f"/admin/organisations/{row.id}"
    moved = await form_of(f"{PREFIX}moved-away")
    assert (await post_form(client, page_url, page_url, {"version": "1", **moved})).status_code == 303
    await create(client, f"{PREFIX}moved")  # another entry takes the old slug
    first = await Revision.get(content_type="Organisation", object_id=row.id, version=1)
    response = await post_form(
        client, f"{page_url}/revisions", f"{page_url}/revisions/{first.id}/restore", {}
    )
    assert response.status_code == 422
    assert "Version 1 cannot be restored" in response.text
    assert (await Organisation.get(id=row.id)).slug == f"{PREFIX}moved-away"

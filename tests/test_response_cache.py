"""The response cache: hits and misses, what shares an entry, exact purges, no stale answers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import Response
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.app import SernGraphQL, create_app
from sern_graph.content.events import ContentEvent
from sern_graph.content.models import AuditEvent, Revision
from sern_graph.context import Context
from sern_graph.core.ids import encode_global_id
from sern_graph.organisations.models import Organisation
from sern_graph.people.models import BoardMembership, Person
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.response_cache.cache import ResponseCache
from sern_graph.settings import Settings
from sern_graph.themes.models import Theme

ORGANISATION = "query($id: ID!) { organisation(id: $id) { name website } }"
ORGANISATIONS = "{ organisations(first: 100) { totalCount edges { node { slug name } } } }"
COUNTRIES = "{ countries { code name } }"


def view_of(app: Starlette) -> SernGraphQL:
    return next(route.app for route in app.routes if isinstance(getattr(route, "app", None), SernGraphQL))  # type: ignore[attr-defined]


def cache_of(app: Starlette) -> ResponseCache:
    cache = view_of(app).response_cache
    assert cache is not None
    return cache


class Api:
    """Posts GraphQL documents to one app; keeps the whole response for its headers."""

    def __init__(self, client: httpx.AsyncClient, app: Starlette) -> None:
        self.client = client
        self.app = app

    async def post(
        self, query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers or {}
        )
        assert response.status_code == 200, response.text
        return response

    async def data(
        self, query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        body = (await self.post(query, variables, headers)).json()
        assert "errors" not in body, body["errors"]
        return body["data"]  # type: ignore[no-any-return]

    async def outcome(self, query: str, variables: dict[str, Any] | None = None, **headers: str) -> str:
        return (await self.post(query, variables, headers)).headers["sern-cache"]


async def open_api(settings: Settings) -> AsyncIterator[Api]:
    app = create_app(settings, manage_database=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield Api(client, app)
    await cache_of(app).close()


@pytest.fixture
async def api(settings: Settings) -> AsyncIterator[Api]:
    async for opened in open_api(settings):
        yield opened


@pytest.fixture
async def tokens(settings: Settings) -> AsyncIterator[dict[str, dict[str, str]]]:
    names = {"editor": Role.EDITOR, "reader": Role.READER, "admin": Role.ADMIN}
    headers = {}
    for name, role in names.items():
        _, secret = await accounts.create_token(f"test rc {name}", role)
        headers[name] = {"Authorization": f"Bearer {secret}"}
    yield headers
    ids = list(await Organisation.filter(slug__startswith="test-rc").values_list("id", flat=True))
    await BoardMembership.filter(organisation_id__in=ids).delete()
    await ProjectPartnership.filter(organisation_id__in=ids).delete()
    await (
        Revision.filter(content_type__in=["Organisation", "BoardMembership", "ProjectPartnership"])
        .filter(created_at__isnull=False, actor_name__startswith="test rc")
        .delete()
    )
    await AuditEvent.filter(actor_name__startswith="test rc").delete()
    await Organisation.filter(slug__startswith="test-rc").delete()
    await ApiToken.filter(name__startswith="test rc").delete()


async def mutate(api: Api, headers: dict[str, str], field: str, input: dict[str, Any], selection: str) -> Any:
    input_type = field[0].upper() + field[1:] + "Input"
    if field.startswith(("publish", "unpublish", "archive")):
        input_type = "ContentActionInput"
    result = f"{{ {selection} userErrors {{ message }} }}"
    query = f"mutation($input: {input_type}!) {{ {field}(input: $input) {result} }}"
    payload = (await api.data(query, {"input": input}, headers))[field]
    assert payload["userErrors"] == [], payload
    return payload


async def published_organisation(api: Api, editor: dict[str, str], slug: str) -> tuple[str, int]:
    """A new published organisation's global ID and version."""
    created = await mutate(
        api,
        editor,
        "createOrganisation",
        {
            "name": f"Test {slug}",
            "slug": slug,
            "kind": "MUNICIPALITY",
            "countryCode": "SE",
            "website": "https://a.se",
        },
        "organisation { id version }",
    )
    node = created["organisation"]
    published = await mutate(
        api,
        editor,
        "publishOrganisation",
        {"id": node["id"], "version": node["version"]},
        "organisation { version }",
    )
    return node["id"], published["organisation"]["version"]


async def some_published(model: Any, type_name: str) -> str:
    row = await model.filter(state="published").order_by("id").first()
    assert row is not None
    return encode_global_id(type_name, row.id)


async def test_a_repeated_query_is_served_from_the_cache_with_the_same_body(api: Api) -> None:
    first = await api.post(COUNTRIES)
    second = await api.post(COUNTRIES)
    assert (first.headers["sern-cache"], second.headers["sern-cache"]) == ("miss", "hit")
    assert second.content == first.content
    for header in ("cache-tag", "surrogate-key", "content-type", "content-length"):
        assert second.headers[header] == first.headers[header]
    assert first.headers["cache-tag"] == "country"
    stats = cache_of(api.app).stats
    assert (stats.hits, stats.misses, stats.stores) == (1, 1, 1)


async def test_a_get_hit_has_the_same_etag_as_the_miss(api: Api) -> None:
    first = await api.client.get("/graphql", params={"query": COUNTRIES})
    second = await api.client.get("/graphql", params={"query": COUNTRIES})
    assert (first.headers["sern-cache"], second.headers["sern-cache"]) == ("miss", "hit")
    assert second.headers["etag"] == first.headers["etag"]
    assert second.content == first.content
    revalidated = await api.client.get(
        "/graphql", params={"query": COUNTRIES}, headers={"If-None-Match": first.headers["etag"]}
    )
    assert revalidated.status_code == 304


async def test_layout_does_not_matter_but_variables_locale_and_caller_class_do(
    api: Api, tokens: dict[str, dict[str, str]]
) -> None:
    query = "query($code: String!) { country(code: $code) { name } }"
    assert await api.outcome(query, {"code": "SE"}) == "miss"
    assert (
        await api.outcome(
            "query($code: String!) {\n  country(code: $code) {\n    name\n  }\n}", {"code": "SE"}
        )
        == "hit"
    )
    assert await api.outcome(query, {"code": "IT"}) == "miss"
    swedish = await api.post(query, {"code": "SE"}, {"Accept-Language": "sv"})
    assert swedish.headers["sern-cache"] == "miss"
    english = await api.data(query, {"code": "SE"})
    assert swedish.json()["data"] != english
    assert await api.outcome(query, {"code": "SE"}, **{"Accept-Language": "sv-SE, en;q=0.5"}) == "hit"
    # A token without personal-data or preview rights reads what anonymous callers read.
    assert await api.outcome(query, {"code": "SE"}, **tokens["reader"]) == "hit"
    assert await api.outcome(query, {"code": "SE"}, **tokens["editor"]) == "bypass"
    assert await api.outcome(query, {"code": "SE"}, **{"SERN-Preview": "false"}) == "bypass"


async def test_personal_data_and_the_caller_never_reach_the_shared_cache(
    api: Api, tokens: dict[str, dict[str, str]]
) -> None:
    person = await Person.filter(state="published").order_by("id").first()
    assert person is not None
    # Before this test's first request, so no cache has seen the person yet.
    await Person.filter(id=person.id).update(email="test-rc@example.org")
    person.email = "test-rc@example.org"
    query = "query($id: ID!) { node(id: $id) { ... on Person { email } } }"
    variables = {"id": encode_global_id("Person", person.id)}
    assert (await api.data(query, variables, tokens["editor"]))["node"]["email"] == person.email
    # Hidden personal data comes with an error entry, so those answers are not stored either.
    for headers in ({}, tokens["reader"]):
        hidden = (await api.post(query, variables, headers)).json()
        assert (hidden["data"]["node"]["email"], hidden["errors"][0]["extensions"]["code"]) == (
            None,
            "FORBIDDEN",
        )
    me = "{ me { name role } }"
    assert "test rc reader" in (await api.data(me, headers=tokens["reader"]))["me"]["name"]
    assert (await api.data(me))["me"]["name"] == "anonymous"
    assert cache_of(api.app).stats.stores == 0
    await Person.filter(id=person.id).update(email=None)


async def test_mutations_and_errors_are_not_cached(api: Api) -> None:
    broken = "{ organisations(first: 1000) { totalCount } }"
    first = await api.client.post("/graphql", json={"query": broken})
    assert first.json()["errors"]
    assert first.headers["sern-cache"] == "miss"
    assert (await api.client.post("/graphql", json={"query": broken})).headers["sern-cache"] == "miss"
    mutation = await api.client.post(
        "/graphql",
        json={"query": 'mutation { publishOrganisation(input: {id: "x"}) { userErrors { message } } }'},
    )
    assert mutation.headers["sern-cache"] == "bypass"
    assert cache_of(api.app).stats.stores == 0


async def test_a_change_purges_exactly_what_read_it(api: Api, tokens: dict[str, dict[str, str]]) -> None:
    editor = tokens["editor"]
    a_id, a_version = await published_organisation(api, editor, "test-rc-exact-a")
    b_row = await Organisation.filter(state="published").order_by("id").first()
    assert b_row is not None
    b_id = encode_global_id("Organisation", b_row.id)
    reads = {
        "a": (ORGANISATION, {"id": a_id}),
        "b": (ORGANISATION, {"id": b_id}),
        "a by node": ("query($id: ID!) { node(id: $id) { ... on Organisation { name } } }", {"id": a_id}),
        "countries": (COUNTRIES, None),
        "list": (ORGANISATIONS, None),
        "a by slug": ('{ organisation(slug: "test-rc-exact-a") { name } }', None),
    }
    for query, variables in reads.values():
        assert await api.outcome(query, variables) == "miss"
    assert (await api.post(ORGANISATION, {"id": b_id})).headers["cache-tag"] == f"organisation:{b_row.id}"

    await mutate(
        api,
        editor,
        "updateOrganisation",
        {"id": a_id, "version": a_version, "website": "https://b.se"},
        "organisation { id }",
    )

    outcomes = {name: await api.outcome(query, variables) for name, (query, variables) in reads.items()}
    assert outcomes == {
        "a": "miss",
        "b": "hit",
        "a by node": "miss",
        "countries": "hit",
        "list": "miss",
        "a by slug": "miss",
    }


async def test_no_stale_answer_after_any_kind_of_write(api: Api, tokens: dict[str, dict[str, str]]) -> None:
    editor = tokens["editor"]
    a_id, version = await published_organisation(api, editor, "test-rc-stale-a")
    project_id = await some_published(Project, "Project")
    person_id = await some_published(Person, "Person")
    theme = await Theme.filter(state="published").order_by("slug").first()
    assert theme is not None
    organisation = "query($id: ID!) { organisation(id: $id) { website themes { slug } boardSeats { role } } }"
    partners = "query($id: ID!) { project(id: $id) { partners(first: 100) { edges { node { slug } } } } }"
    themed = "query($s: String!) { theme(slug: $s) { organisations(first: 99) { edges { node { slug } } } } }"

    async def read() -> dict[str, Any]:
        """Reads everything twice: the second read must be a hit and agree with the first."""
        answers = {}
        for name, query, variables in (
            ("organisation", organisation, {"id": a_id}),
            ("partners", partners, {"id": project_id}),
            ("themed", themed, {"s": theme.slug}),
            ("slugs", ORGANISATIONS, None),
        ):
            answers[name] = await api.data(query, variables)
            assert await api.outcome(query, variables) == "hit"
        return answers

    before = await read()
    assert before["organisation"]["organisation"] == {
        "website": "https://a.se",
        "themes": [],
        "boardSeats": [],
    }

    # A field edit waits in the draft until it is published.
    updated = await mutate(
        api,
        editor,
        "updateOrganisation",
        {"id": a_id, "version": version, "website": "https://b.se"},
        "organisation { version }",
    )
    assert (await read())["organisation"]["organisation"]["website"] == "https://a.se"
    published = await mutate(
        api,
        editor,
        "publishOrganisation",
        {"id": a_id, "version": updated["organisation"]["version"]},
        "organisation { version }",
    )
    assert (await read())["organisation"]["organisation"]["website"] == "https://b.se"

    # A many-to-many link (set_links).
    themed_version = await mutate(
        api,
        editor,
        "setOrganisationThemes",
        {"id": a_id, "themeSlugs": [theme.slug], "version": published["organisation"]["version"]},
        "organisation { version }",
    )
    after_themes = await read()
    assert after_themes["organisation"]["organisation"]["themes"] == [{"slug": theme.slug}]
    assert {"node": {"slug": "test-rc-stale-a"}} in after_themes["themed"]["theme"]["organisations"]["edges"]

    # Link rows: a board seat and a project partnership, each created then published.
    seat = await mutate(
        api,
        editor,
        "createBoardMembership",
        {"personId": person_id, "organisationId": a_id},
        "boardMembership { id version }",
    )
    await mutate(
        api,
        editor,
        "publishBoardMembership",
        {"id": seat["boardMembership"]["id"], "version": seat["boardMembership"]["version"]},
        "boardMembership { id }",
    )
    assert (await read())["organisation"]["organisation"]["boardSeats"] == [{"role": "MEMBER"}]
    partnership = await mutate(
        api,
        editor,
        "createProjectPartnership",
        {"projectId": project_id, "organisationId": a_id},
        "projectPartnership { id version }",
    )
    node = partnership["projectPartnership"]
    await mutate(
        api,
        editor,
        "publishProjectPartnership",
        {"id": node["id"], "version": node["version"]},
        "projectPartnership { id }",
    )
    assert {"node": {"slug": "test-rc-stale-a"}} in (await read())["partners"]["project"]["partners"]["edges"]

    # Unpublish, publish again, archive.
    current = themed_version["organisation"]["version"]
    unpublished = await mutate(
        api, editor, "unpublishOrganisation", {"id": a_id, "version": current}, "organisation { version }"
    )
    gone = await read()
    assert gone["organisation"]["organisation"] is None
    assert all(edge["node"]["slug"] != "test-rc-stale-a" for edge in gone["slugs"]["organisations"]["edges"])
    assert all(
        edge["node"]["slug"] != "test-rc-stale-a" for edge in gone["partners"]["project"]["partners"]["edges"]
    )
    republished = await mutate(
        api,
        editor,
        "publishOrganisation",
        {"id": a_id, "version": unpublished["organisation"]["version"]},
        "organisation { version }",
    )
    assert (await read())["organisation"]["organisation"] is not None
    await mutate(
        api,
        editor,
        "archiveOrganisation",
        {"id": a_id, "version": republished["organisation"]["version"]},
        "organisation { version }",
    )
    archived = await read()
    assert archived["organisation"]["organisation"] is None
    assert all(
        edge["node"]["slug"] != "test-rc-stale-a"
        for edge in archived["themed"]["theme"]["organisations"]["edges"]
    )


async def test_a_purge_during_a_read_keeps_its_answer_out(settings: Settings) -> None:
    cache = ResponseCache.from_settings(settings, "schema")
    assert cache is not None
    request = GraphQLRequestData(query=COUNTRIES, variables=None, operation_name=None, extensions=None)
    answer = ExecutionResult(data={"countries": []}, errors=None)

    async def read_while_country_changes() -> ExecutionResult:
        await cache.on_content_event(ContentEvent("update", "Country", 1, 2))
        return answer

    async def read() -> ExecutionResult:
        return answer

    context = Context(settings=settings)
    assert await cache.respond(request, context, Response(), read_while_country_changes) is answer
    assert cache.stats.stores == 0
    labelled = Response()
    await cache.respond(request, context, labelled, read)
    assert labelled.headers["sern-cache"] == "miss"  # not stored by the read the purge overtook
    assert cache.stats.stores == 1
    await cache.respond(request, context, labelled, read)
    assert labelled.headers["sern-cache"] == "hit"


async def test_statistics_are_for_admins_only(api: Api, tokens: dict[str, dict[str, str]]) -> None:
    query = "{ responseCache { enabled backend hits misses bypasses stores purges purgedEntries entries } }"
    anonymous = (await api.post(query)).json()
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    editor = (await api.post(query, headers=tokens["editor"])).json()
    assert editor["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    await api.post(COUNTRIES)
    await api.post(COUNTRIES)
    stats = (await api.data(query, headers=tokens["admin"]))["responseCache"]
    assert stats["enabled"] is True
    assert stats["backend"] == "memory"
    # The anonymous refusal was a miss (errors are not stored); the editor and this admin bypass.
    assert (stats["hits"], stats["misses"], stats["stores"], stats["entries"]) == (1, 2, 1, 1)
    assert stats["bypasses"] == 2


async def test_the_cache_can_be_turned_off(settings: Settings) -> None:
    async for api in open_api(settings.model_copy(update={"response_cache": True})):
        assert view_of(api.app).response_cache is not None
    app = create_app(settings.model_copy(update={"response_cache": False}), manage_database=False)
    assert view_of(app).response_cache is None
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as client:
        response = await client.post("/graphql", json={"query": COUNTRIES})
    assert response.json()["data"]["countries"]
    assert "sern-cache" not in response.headers

"""Writing projects, partnerships and themes through GraphQL: workflow, validation, versions, rights."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.content.models import AuditEvent, Revision
from sern_graph.core.ids import encode_global_id
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.settings import Settings
from sern_graph.themes.models import Theme
from tests.conftest import GraphQLClient

ERRORS = "userErrors { field message code }"
PROJECT_FIELDS = (
    "id version slug acronym title summary programme grantReference startDate endDate "
    "datesApproximate budget euContribution website note editorialState hasUnpublishedChanges "
    "translations { field locale value } themes { slug }"
)
PARTNERSHIP_FIELDS = "id version role note editorialState project { slug } organisation { slug }"
THEME_FIELDS = "id version slug name description note editorialState translations { field locale value }"


def mutation(name: str, input_type: str, entry: str, fields: str) -> str:
    return f"""mutation($input: {input_type}!) {{
      {name}(input: $input) {{ {entry} {{ {fields} }} {ERRORS} }}
    }}"""


def project_mutation(name: str, input_type: str = "ContentActionInput") -> str:
    return mutation(name, input_type, "project", PROJECT_FIELDS)


def partnership_mutation(name: str, input_type: str = "ContentActionInput") -> str:
    return mutation(name, input_type, "projectPartnership", PARTNERSHIP_FIELDS)


def theme_mutation(name: str, input_type: str = "ContentActionInput") -> str:
    return mutation(name, input_type, "theme", THEME_FIELDS)


CREATE_PROJECT = project_mutation("createProject", "CreateProjectInput")
UPDATE_PROJECT = project_mutation("updateProject", "UpdateProjectInput")
SET_THEMES = project_mutation("setProjectThemes", "SetProjectThemesInput")
CREATE_PARTNERSHIP = partnership_mutation("createProjectPartnership", "CreateProjectPartnershipInput")
UPDATE_PARTNERSHIP = partnership_mutation("updateProjectPartnership", "UpdateProjectPartnershipInput")
CREATE_THEME = theme_mutation("createTheme", "CreateThemeInput")
UPDATE_THEME = theme_mutation("updateTheme", "UpdateThemeInput")
PUBLIC_PROJECT = """query($slug: String) {
  project(slug: $slug) {
    slug title budget themes { slug }
    partners { totalCount edges { role node { slug } } }
  }
}"""
PUBLIC_THEME = "query($slug: String!) { theme(slug: $slug) { slug name description } }"


@pytest.fixture
async def headers(settings: Settings) -> AsyncIterator[dict[str, str]]:
    """An editor's headers (the reader's secret under `reader`); removes every test-p… entry after."""
    _, editor_secret = await accounts.create_token("test project writes editor", Role.EDITOR)
    _, reader_secret = await accounts.create_token(
        "test project writes reader", Role.READER, can_preview=True
    )
    yield {"Authorization": f"Bearer {editor_secret}", "reader": f"Bearer {reader_secret}"}
    projects = await Project.filter(slug__startswith="test-p").values_list("id", flat=True)
    partnerships = await ProjectPartnership.filter(project_id__in=projects).values_list("id", flat=True)
    themes = await Theme.filter(slug__startswith="test-p").values_list("id", flat=True)
    for content_type, ids in (("Project", projects), ("ProjectPartnership", partnerships), ("Theme", themes)):
        await Revision.filter(content_type=content_type, object_id__in=ids).delete()
        await AuditEvent.filter(content_type=content_type, object_id__in=ids).delete()
    await ProjectPartnership.filter(id__in=partnerships).delete()
    await Project.filter(id__in=projects).delete()
    await Theme.filter(id__in=themes).delete()
    await ApiToken.filter(name__startswith="test project writes").delete()


def editor(headers: dict[str, str]) -> dict[str, str]:
    return {"Authorization": headers["Authorization"]}


def codes(payload: dict[str, Any]) -> set[tuple[str, str]]:
    return {(".".join(error["field"]), error["code"]) for error in payload["userErrors"]}


def new_project(slug: str | None, **extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "title": {"en": f"Test project {slug}", "sv": f"Testprojekt {slug}"},
        "summary": {"en": "A summary."},
        "programme": "Erasmus+",
        "grantReference": "2024-1-SE01-KA220",
        "startDate": "2024-01-01",
        "endDate": "2026-12-31",
        "budget": "250000.00",
        "euContribution": "200000.00",
        "website": "https://example.eu",
        "note": "Budget from the grant agreement.",
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


async def create_project(
    gql: GraphQLClient, headers: dict[str, str], slug: str, **extra: Any
) -> dict[str, Any]:
    payload = await run(gql, CREATE_PROJECT, new_project(slug, **extra), editor(headers))
    assert payload["userErrors"] == []
    return payload["project"]  # type: ignore[no-any-return]


async def act(gql: GraphQLClient, headers: dict[str, str], name: str, entry_id: str) -> dict[str, Any]:
    if name.endswith("Partnership"):
        document = partnership_mutation(name)
    elif name.endswith("Theme"):
        document = theme_mutation(name)
    else:
        document = project_mutation(name)
    payload = await run(gql, document, {"id": entry_id}, editor(headers))
    assert payload["userErrors"] == []
    return payload


async def global_id(gql: GraphQLClient, field: str, slug: str) -> str:
    data = await gql.data(f'{{ {field}(slug: "{slug}") {{ id }} }}')
    return str(data[field]["id"])


async def counts() -> tuple[int, int, int, int]:
    return (
        await Project.all().count(),
        await ProjectPartnership.all().count(),
        await Theme.all().count(),
        await Revision.all().count(),
    )


# --- rights ---------------------------------------------------------------------------------------

PROJECT_1 = encode_global_id("Project", 1)
WRITES = [
    (CREATE_PROJECT, new_project("test-p-refused")),
    (CREATE_THEME, {"slug": "test-p-refused", "name": {"en": "Refused"}}),
    (UPDATE_PROJECT, {"id": PROJECT_1, "version": 1, "acronym": "X"}),
    (project_mutation("publishProject"), {"id": PROJECT_1}),
    (SET_THEMES, {"id": PROJECT_1, "themeSlugs": ["no-such-theme"]}),
    (CREATE_PARTNERSHIP, {"projectId": PROJECT_1, "organisationId": encode_global_id("Organisation", 1)}),
    (partnership_mutation("archiveProjectPartnership"), {"id": encode_global_id("ProjectPartnership", 1)}),
    (theme_mutation("unpublishTheme"), {"id": encode_global_id("Theme", 1)}),
]


@pytest.mark.parametrize("who", ["anonymous", "reader"])
@pytest.mark.parametrize(("document", "values"), WRITES)
async def test_writes_need_an_editor(
    gql: GraphQLClient, headers: dict[str, str], who: str, document: str, values: dict[str, Any]
) -> None:
    before = await counts()
    caller = {"Authorization": headers["reader"]} if who == "reader" else {}
    body = await gql(document, {"input": values}, headers=caller)
    assert body["errors"][0]["extensions"]["code"] == ("FORBIDDEN" if who == "reader" else "UNAUTHENTICATED")
    assert await counts() == before
    assert not await Project.exists(slug="test-p-refused")


# --- projects -------------------------------------------------------------------------------------


async def test_project_draft_is_hidden_until_published(gql: GraphQLClient, headers: dict[str, str]) -> None:
    created = await create_project(gql, headers, "test-p-draft", acronym="TPD", datesApproximate=True)
    assert created["editorialState"] == "DRAFT"
    assert created["version"] == 1
    assert created["budget"] == "250000.00"
    assert created["euContribution"] == "200000.00"
    assert created["startDate"] == "2024-01-01"
    assert created["datesApproximate"] is True
    assert created["note"] == "Budget from the grant agreement."
    assert (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-draft"}))["project"] is None
    listed = await gql.data('{ projects(filter: {search: "TPD"}) { totalCount } }')
    assert listed["projects"]["totalCount"] == 0

    published = (await act(gql, headers, "publishProject", created["id"]))["project"]
    assert (published["editorialState"], published["version"]) == ("PUBLISHED", 2)
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-draft"}))["project"]
    assert public["title"] == "Test project test-p-draft"
    assert public["budget"] == "250000.00"
    assert (await gql.data('{ projects(filter: {search: "TPD"}) { totalCount } }'))["projects"][
        "totalCount"
    ] == 1


async def test_project_unpublish_and_archive_hide_it(gql: GraphQLClient, headers: dict[str, str]) -> None:
    for name, state in (("unpublishProject", "DRAFT"), ("archiveProject", "ARCHIVED")):
        slug = f"test-p-{name.lower()}"
        created = await create_project(gql, headers, slug)
        await act(gql, headers, "publishProject", created["id"])
        assert (await gql.data(PUBLIC_PROJECT, {"slug": slug}))["project"] is not None
        result = await act(gql, headers, name, created["id"])
        assert result["project"]["editorialState"] == state
        assert (await gql.data(PUBLIC_PROJECT, {"slug": slug}))["project"] is None


async def test_project_slug_is_made_from_the_acronym_or_the_title(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    from_acronym = await run(gql, CREATE_PROJECT, new_project(None, acronym="Test-P Ácro+"), editor(headers))
    assert from_acronym["project"]["slug"] == "test-p-acro"
    title = {"sv": "Test P: Skolor i norr"}
    from_title = await run(gql, CREATE_PROJECT, new_project(None, title=title), editor(headers))
    assert from_title["project"]["slug"] == "test-p-skolor-i-norr"
    nothing = await run(gql, CREATE_PROJECT, new_project(None, title={"en": "  "}), editor(headers))
    assert codes(nothing) == {("input.title", "REQUIRED"), ("input.slug", "REQUIRED")}


async def test_project_update_changes_only_the_given_fields(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    created = await create_project(gql, headers, "test-p-partial", acronym="TPP")
    change = {"id": created["id"], "version": 1, "budget": "300000", "title": {"sv": "Nytt namn"}}
    updated = await run(gql, UPDATE_PROJECT, change, editor(headers))
    assert updated["userErrors"] == []
    project = updated["project"]
    assert project["version"] == 2
    assert project["budget"] == "300000.00"
    assert {(item["field"], item["locale"], item["value"]) for item in project["translations"]} == {
        ("title", "EN", "Test project test-p-partial"),
        ("title", "SV", "Nytt namn"),
        ("summary", "EN", "A summary."),
    }
    for name in ("slug", "acronym", "programme", "grantReference", "startDate", "endDate", "website", "note"):
        assert project[name] == created[name], name
    assert project["euContribution"] == "200000.00"

    cleared = {"id": created["id"], "version": 2, "website": None, "summary": None, "datesApproximate": None}
    project = (await run(gql, UPDATE_PROJECT, cleared, editor(headers)))["project"]
    assert (project["website"], project["summary"], project["datesApproximate"]) == (None, None, False)
    assert project["budget"] == "300000.00"


async def test_project_edits_of_a_published_project_wait_for_publish(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    created = await create_project(gql, headers, "test-p-pending")
    await act(gql, headers, "publishProject", created["id"])
    change = {"id": created["id"], "version": 2, "budget": "260000.50"}
    updated = (await run(gql, UPDATE_PROJECT, change, editor(headers)))["project"]
    assert updated["hasUnpublishedChanges"] is True
    assert (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-pending"}))["project"]["budget"] == "250000.00"
    await act(gql, headers, "publishProject", created["id"])
    assert (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-pending"}))["project"]["budget"] == "260000.50"


async def test_every_project_problem_is_reported_and_nothing_written(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    before = await counts()
    bad = new_project(
        "Not A Slug",
        acronym="A" * 51,
        title={"en": None, "sv": "  "},
        summary={"it": "x" * 20_001},
        programme="P" * 201,
        grantReference="G" * 101,
        startDate="2024-06-01",
        endDate="2024-05-31",
        budget="-1",
        euContribution="0.001",
        website="ftp://example.eu",
    )
    payload = await run(gql, CREATE_PROJECT, bad, editor(headers))
    assert payload["project"] is None
    assert codes(payload) == {
        ("input.slug", "INVALID_SLUG"),
        ("input.acronym", "TOO_LONG"),
        ("input.title", "REQUIRED"),
        ("input.summary.it", "TOO_LONG"),
        ("input.programme", "TOO_LONG"),
        ("input.grantReference", "TOO_LONG"),
        ("input.endDate", "END_BEFORE_START"),
        ("input.budget", "NEGATIVE"),
        ("input.euContribution", "INVALID_AMOUNT"),
        ("input.website", "INVALID_URL"),
    }
    amounts: list[tuple[dict[str, Any], set[tuple[str, str]]]] = [
        ({"budget": "100", "euContribution": "100.01"}, {("input.euContribution", "EXCEEDS_BUDGET")}),
        (
            {"budget": "NaN", "euContribution": "-Infinity"},
            {
                ("input.budget", "INVALID_AMOUNT"),
                ("input.euContribution", "INVALID_AMOUNT"),
            },
        ),
        (
            {"budget": "1000000000000", "euContribution": -0.5},
            {
                ("input.budget", "TOO_LARGE"),
                ("input.euContribution", "NEGATIVE"),
            },
        ),
        ({"budget": None, "euContribution": "5"}, set()),
    ]
    for extra, expected in amounts:
        payload = await run(gql, CREATE_PROJECT, new_project("ntt-plus", **extra), editor(headers))
        assert codes(payload) == {("input.slug", "TAKEN"), *expected}, extra
    assert await counts() == before


async def test_json_numbers_are_taken_as_cents(gql: GraphQLClient, headers: dict[str, str]) -> None:
    created = await create_project(gql, headers, "test-p-floats", budget=1250000.1, euContribution=0.3)
    assert (created["budget"], created["euContribution"]) == ("1250000.10", "0.30")


async def test_project_update_is_checked_against_the_whole_entry(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    created = await create_project(gql, headers, "test-p-whole")
    before = await counts()
    change = {"id": created["id"], "version": 1, "euContribution": "250000.01", "endDate": "2023-12-31"}
    payload = await run(gql, UPDATE_PROJECT, change, editor(headers))
    assert codes(payload) == {
        ("input.euContribution", "EXCEEDS_BUDGET"),
        ("input.endDate", "END_BEFORE_START"),
    }
    emptied = {"id": created["id"], "version": 1, "title": {"en": None, "sv": None}, "slug": None}
    payload = await run(gql, UPDATE_PROJECT, emptied, editor(headers))
    assert codes(payload) == {("input.title", "REQUIRED"), ("input.slug", "REQUIRED")}
    wrong = await run(
        gql, UPDATE_PROJECT, {"id": encode_global_id("Theme", 1), "version": 1}, editor(headers)
    )
    assert codes(wrong) == {("input.id", "NOT_FOUND")}
    assert await counts() == before
    row = await Project.get(slug="test-p-whole")
    assert (row.version, row.eu_contribution, str(row.end_date)) == (1, Decimal("200000"), "2026-12-31")


async def test_project_stale_version_is_a_conflict(gql: GraphQLClient, headers: dict[str, str]) -> None:
    created = await create_project(gql, headers, "test-p-conflict")
    first = {"id": created["id"], "version": 1, "acronym": "FIRST"}
    assert (await run(gql, UPDATE_PROJECT, first, editor(headers)))["userErrors"] == []
    stale = {"id": created["id"], "version": 1, "acronym": "STALE"}
    payload = await run(gql, UPDATE_PROJECT, stale, editor(headers))
    assert codes(payload) == {("input.version", "CONFLICT")}
    publish = await run(
        gql, project_mutation("publishProject"), {"id": created["id"], "version": 1}, editor(headers)
    )
    assert codes(publish) == {("input.version", "CONFLICT")}
    themes = {"id": created["id"], "version": 1, "themeSlugs": ["energy"]}
    assert codes(await run(gql, SET_THEMES, themes, editor(headers))) == {("input.version", "CONFLICT")}
    row = await Project.get(slug="test-p-conflict")
    assert (row.acronym, row.version, row.state) == ("FIRST", 2, "draft")
    assert await row.themes.all().count() == 0


async def test_set_project_themes_replaces_the_links_and_checks_them(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    created = await create_project(gql, headers, "test-p-themes")
    await act(gql, headers, "publishProject", created["id"])
    change = {"id": created["id"], "themeSlugs": ["energy", "culture"], "version": 2}
    payload = await run(gql, SET_THEMES, change, editor(headers))
    assert payload["userErrors"] == []
    assert [theme["slug"] for theme in payload["project"]["themes"]] == ["culture", "energy"]
    assert payload["project"]["version"] == 3
    refused = await run(
        gql, SET_THEMES, {"id": created["id"], "themeSlugs": ["energy", "no-such"]}, editor(headers)
    )
    assert codes(refused) == {("input.themeSlugs", "NOT_FOUND")}
    assert "no-such" in refused["userErrors"][0]["message"]
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-themes"}))["project"]
    assert [theme["slug"] for theme in public["themes"]] == ["culture", "energy"]
    cleared = await run(gql, SET_THEMES, {"id": created["id"], "themeSlugs": []}, editor(headers))
    assert cleared["project"]["themes"] == []
    missing = await run(
        gql, SET_THEMES, {"id": encode_global_id("Project", 999_999_999), "themeSlugs": []}, editor(headers)
    )
    assert codes(missing) == {("input.id", "NOT_FOUND")}


# --- partnerships ---------------------------------------------------------------------------------


async def create_partnership(
    gql: GraphQLClient, headers: dict[str, str], project_id: str, organisation: str, **extra: Any
) -> dict[str, Any]:
    values = {"projectId": project_id, "organisationId": await global_id(gql, "organisation", organisation)}
    payload = await run(gql, CREATE_PARTNERSHIP, {**values, **extra}, editor(headers))
    assert payload["userErrors"] == []
    return payload["projectPartnership"]  # type: ignore[no-any-return]


async def test_partnership_shows_among_partners_once_published(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    project = await create_project(gql, headers, "test-p-partners")
    await act(gql, headers, "publishProject", project["id"])
    partnership = await create_partnership(
        gql, headers, project["id"], "lulea", role="LEAD", note="Coordinator."
    )
    assert partnership["editorialState"] == "DRAFT"
    assert (partnership["role"], partnership["note"]) == ("LEAD", "Coordinator.")
    assert partnership["organisation"] == {"slug": "lulea"}
    assert partnership["project"] == {"slug": "test-p-partners"}
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-partners"}))["project"]
    assert public["partners"]["totalCount"] == 0

    await act(gql, headers, "publishProjectPartnership", partnership["id"])
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-partners"}))["project"]
    assert public["partners"]["edges"] == [{"role": "LEAD", "node": {"slug": "lulea"}}]
    organisation = await gql.data(
        '{ organisation(slug: "lulea") { projects(filter: {search: "test-p-partners"}) '
        "{ edges { role node { slug } } } } }"
    )
    assert organisation["organisation"]["projects"]["edges"] == [
        {"role": "LEAD", "node": {"slug": "test-p-partners"}}
    ]

    await act(gql, headers, "unpublishProject", project["id"])
    assert (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-partners"}))["project"] is None
    await act(gql, headers, "publishProject", project["id"])
    await act(gql, headers, "archiveProjectPartnership", partnership["id"])
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-partners"}))["project"]
    assert public["partners"]["totalCount"] == 0


async def test_partnership_role_update_keeps_the_rest(gql: GraphQLClient, headers: dict[str, str]) -> None:
    project = await create_project(gql, headers, "test-p-role")
    await act(gql, headers, "publishProject", project["id"])
    partnership = await create_partnership(
        gql, headers, project["id"], "lulea", note="From the final report."
    )
    assert partnership["role"] == "PARTNER"
    await act(gql, headers, "publishProjectPartnership", partnership["id"])
    change = {"id": partnership["id"], "version": 2, "role": "ASSOCIATED"}
    updated = await run(gql, UPDATE_PARTNERSHIP, change, editor(headers))
    assert updated["userErrors"] == []
    saved = updated["projectPartnership"]
    assert (saved["version"], saved["note"], saved["organisation"]) == (
        3,
        "From the final report.",
        {"slug": "lulea"},
    )
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-role"}))["project"]
    assert public["partners"]["edges"][0]["role"] == "PARTNER"
    await act(gql, headers, "publishProjectPartnership", partnership["id"])
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-role"}))["project"]
    assert public["partners"]["edges"][0]["role"] == "ASSOCIATED"

    stale = await run(gql, UPDATE_PARTNERSHIP, {**change, "role": "LEAD"}, editor(headers))
    assert codes(stale) == {("input.version", "CONFLICT")}
    before = await counts()
    nulled = await run(
        gql, UPDATE_PARTNERSHIP, {"id": partnership["id"], "version": 4, "role": None}, editor(headers)
    )
    assert codes(nulled) == {("input.role", "REQUIRED")}
    assert await counts() == before
    assert (await ProjectPartnership.get(project__slug="test-p-role")).role == "associated"


async def test_partnership_problems_are_reported_and_nothing_written(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    project = await create_project(gql, headers, "test-p-duplicate")
    await create_partnership(gql, headers, project["id"], "lulea")
    lulea = await global_id(gql, "organisation", "lulea")
    before = await counts()
    duplicate = await run(
        gql, CREATE_PARTNERSHIP, {"projectId": project["id"], "organisationId": lulea}, editor(headers)
    )
    assert codes(duplicate) == {("input.organisationId", "DUPLICATE_PARTNER")}
    assert duplicate["projectPartnership"] is None
    theme = await global_id(gql, "theme", "energy")
    wrong = await run(gql, CREATE_PARTNERSHIP, {"projectId": lulea, "organisationId": theme}, editor(headers))
    assert codes(wrong) == {("input.projectId", "NOT_FOUND"), ("input.organisationId", "NOT_FOUND")}
    garbage = await run(
        gql, CREATE_PARTNERSHIP, {"projectId": "nonsense", "organisationId": lulea}, editor(headers)
    )
    assert codes(garbage) == {("input.projectId", "NOT_FOUND")}
    missing = await run(
        gql, partnership_mutation("publishProjectPartnership"), {"id": project["id"]}, editor(headers)
    )
    assert codes(missing) == {("input.id", "NOT_FOUND")}
    assert await counts() == before


# --- themes ---------------------------------------------------------------------------------------


async def create_theme(
    gql: GraphQLClient, headers: dict[str, str], slug: str, **extra: Any
) -> dict[str, Any]:
    values = {"slug": slug, "name": {"en": f"Test {slug}", "it": f"Prova {slug}"}, **extra}
    payload = await run(gql, CREATE_THEME, values, editor(headers))
    assert payload["userErrors"] == []
    return payload["theme"]  # type: ignore[no-any-return]


async def test_theme_draft_is_hidden_until_published_also_on_projects(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    theme = await create_theme(gql, headers, "test-p-theme", description={"en": "About it."})
    assert (theme["editorialState"], theme["version"], theme["description"]) == ("DRAFT", 1, "About it.")
    assert (await gql.data(PUBLIC_THEME, {"slug": "test-p-theme"}))["theme"] is None
    project = await create_project(gql, headers, "test-p-themed")
    await act(gql, headers, "publishProject", project["id"])
    linked = await run(
        gql, SET_THEMES, {"id": project["id"], "themeSlugs": ["test-p-theme", "energy"]}, editor(headers)
    )
    assert linked["userErrors"] == []
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-themed"}))["project"]
    assert [item["slug"] for item in public["themes"]] == ["energy"]

    published = await act(gql, headers, "publishTheme", theme["id"])
    assert published["theme"]["editorialState"] == "PUBLISHED"
    assert (await gql.data(PUBLIC_THEME, {"slug": "test-p-theme"}))["theme"] == {
        "slug": "test-p-theme",
        "name": "Test test-p-theme",
        "description": "About it.",
    }
    public = (await gql.data(PUBLIC_PROJECT, {"slug": "test-p-themed"}))["project"]
    assert [item["slug"] for item in public["themes"]] == ["energy", "test-p-theme"]

    await act(gql, headers, "unpublishTheme", theme["id"])
    assert (await gql.data(PUBLIC_THEME, {"slug": "test-p-theme"}))["theme"] is None
    await act(gql, headers, "publishTheme", theme["id"])
    archived = await act(gql, headers, "archiveTheme", theme["id"])
    assert archived["theme"]["editorialState"] == "ARCHIVED"
    assert (await gql.data(PUBLIC_THEME, {"slug": "test-p-theme"}))["theme"] is None


async def test_theme_update_changes_only_the_given_fields(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    theme = await create_theme(gql, headers, "test-p-theme-partial", note="Name from the statutes.")
    change = {"id": theme["id"], "version": 1, "name": {"sv": "Provtema"}, "description": {"en": "New."}}
    payload = await run(gql, UPDATE_THEME, change, editor(headers))
    assert payload["userErrors"] == []
    saved = payload["theme"]
    assert (saved["slug"], saved["note"], saved["version"]) == (
        "test-p-theme-partial",
        "Name from the statutes.",
        2,
    )
    assert {(item["field"], item["locale"], item["value"]) for item in saved["translations"]} == {
        ("name", "EN", "Test test-p-theme-partial"),
        ("name", "IT", "Prova test-p-theme-partial"),
        ("name", "SV", "Provtema"),
        ("description", "EN", "New."),
    }


async def test_every_theme_problem_is_reported_and_nothing_written(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    theme = await create_theme(gql, headers, "test-p-theme-bad")
    before = await counts()
    bad = {"slug": "Bad Slug!", "name": {"en": " ", "sv": None}, "description": {"sv": "x" * 20_001}}
    payload = await run(gql, CREATE_THEME, bad, editor(headers))
    assert payload["theme"] is None
    assert codes(payload) == {
        ("input.slug", "INVALID_SLUG"),
        ("input.name", "REQUIRED"),
        ("input.description.sv", "TOO_LONG"),
    }
    taken = await run(gql, CREATE_THEME, {"slug": "energy", "name": {"it": "N" * 201}}, editor(headers))
    assert codes(taken) == {("input.slug", "TAKEN"), ("input.name.it", "TOO_LONG")}
    update = {"id": theme["id"], "version": 1, "slug": "education", "name": None}
    assert codes(await run(gql, UPDATE_THEME, update, editor(headers))) == {
        ("input.slug", "TAKEN"),
        ("input.name", "REQUIRED"),
    }
    emptied = {"id": theme["id"], "version": 1, "slug": None}
    assert codes(await run(gql, UPDATE_THEME, emptied, editor(headers))) == {("input.slug", "INVALID_SLUG")}
    assert await counts() == before


async def test_theme_stale_version_is_a_conflict(gql: GraphQLClient, headers: dict[str, str]) -> None:
    theme = await create_theme(gql, headers, "test-p-theme-conflict")
    first = {"id": theme["id"], "version": 1, "name": {"en": "First"}}
    assert (await run(gql, UPDATE_THEME, first, editor(headers)))["userErrors"] == []
    stale = {"id": theme["id"], "version": 1, "name": {"en": "Stale"}}
    assert codes(await run(gql, UPDATE_THEME, stale, editor(headers))) == {("input.version", "CONFLICT")}
    archive = await run(
        gql, theme_mutation("archiveTheme"), {"id": theme["id"], "version": 1}, editor(headers)
    )
    assert codes(archive) == {("input.version", "CONFLICT")}
    row = await Theme.get(slug="test-p-theme-conflict")
    assert (row.name_en, row.version, row.state) == ("First", 2, "draft")


async def test_restoring_a_project_revision_brings_amounts_and_dates_back(
    gql: GraphQLClient, headers: dict[str, str]
) -> None:
    created = await create_project(gql, headers, "test-p-restore")
    await act(gql, headers, "publishProject", created["id"])
    change = {"id": created["id"], "version": 2, "budget": None, "euContribution": None, "startDate": None}
    assert (await run(gql, UPDATE_PROJECT, change, editor(headers)))["userErrors"] == []
    history = """query($id: ID!) { node(id: $id) { ... on Project { revisions { id version action } } } }"""
    revisions = (await gql.data(history, {"id": created["id"]}, headers=editor(headers)))["node"]["revisions"]
    assert [(item["version"], item["action"]) for item in revisions] == [
        (3, "UPDATE"),
        (2, "PUBLISH"),
        (1, "CREATE"),
    ]
    restore = """mutation($input: RestoreRevisionInput!) {
      restoreRevision(input: $input) { node { ... on Project { version } } userErrors { code } }
    }"""
    restored = await gql.data(restore, {"input": {"revisionId": revisions[2]["id"]}}, headers=editor(headers))
    assert restored["restoreRevision"] == {"node": {"version": 4}, "userErrors": []}
    await act(gql, headers, "publishProject", created["id"])
    row = await Project.get(slug="test-p-restore")
    assert (row.budget, row.eu_contribution, str(row.start_date)) == (
        Decimal("250000"),
        Decimal("200000"),
        "2024-01-01",
    )

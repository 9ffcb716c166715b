"""Localized text: the `locale` argument, Accept-Language, the fallback chain and what filters see."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sern_graph.events.models import Event, EventKind
from sern_graph.projects.models import Project
from sern_graph.settings import Settings
from tests.api.conftest import PUBLISHED, all_edges, delete_test_rows
from tests.conftest import GraphQLClient

PREFIX = "test-l10n-"

# slug suffix -> (title_sv, title_it, title_en); None is a missing text, "" an empty one.
PROJECT_TITLES: dict[str, tuple[str | None, str | None, str | None]] = {
    "all": ("Svensk titel sern-l10n", "Titolo italiano sern-l10n", "English title sern-l10n"),
    "sv-only": ("Zzzz sern-l10n bara svensk titel", None, None),
    "sv-only-early": ("Aaaa sern-l10n tidig svensk titel", None, None),
    "it-only": (None, "Solo titolo italiano sern-l10n", None),
    "en-and-sv": ("Aaa0 sern-l10n dold svensk titel", None, "Mmmm sern-l10n English shown"),
    "sv-and-it": ("Svenska sern-l10n före italienska", "Italiano sern-l10n", None),
    "en-and-it": (None, "Italiano sern-l10n con inglese", "English sern-l10n with Italian"),
    "en-empty": ("Tttt sern-l10n tom engelsk titel", None, ""),
}


@pytest.fixture
async def projects(settings: Settings) -> AsyncIterator[dict[str, Project]]:
    """Published projects whose titles exist in only some locales; deleted afterwards."""
    try:
        yield {
            key: await Project.create(
                slug=f"{PREFIX}{key}", title_sv=sv, title_it=it, title_en=en, state=PUBLISHED
            )
            for key, (sv, it, en) in PROJECT_TITLES.items()
        }
    finally:
        await delete_test_rows(PREFIX)


# slug suffix -> (title_sv, title_en)
EVENT_TITLES: dict[str, tuple[str | None, str | None]] = {
    "event-sv-late": ("Zzzz sern-l10n endast svensk konferens", None),
    "event-en": ("Aaa0 sern-l10n dold", "Mmmm sern-l10n English event"),
    "event-sv-early": ("Aaaa sern-l10n endast svenskt seminarium", None),
}


@pytest.fixture
async def events(settings: Settings) -> AsyncIterator[dict[str, Event]]:
    """Published events, two with only a Swedish title; deleted afterwards."""
    try:
        yield {
            key: await Event.create(
                slug=f"{PREFIX}{key}", title_sv=sv, title_en=en, kind=EventKind.CONFERENCE, state=PUBLISHED
            )
            for key, (sv, en) in EVENT_TITLES.items()
        }
    finally:
        await delete_test_rows(PREFIX)


def theme_entry(seed_data: dict[str, Any], slug: str) -> dict[str, Any]:
    entry: dict[str, Any] = next(theme for theme in seed_data["themes"] if theme["slug"] == slug)
    return entry


THEME_QUERY = """
query($locale: Locale) {
  theme(slug: "education", locale: $locale) { name nameLocalized { value locale isFallback } }
}
"""


@pytest.mark.parametrize("locale", ["SV", "IT", "EN"])
async def test_theme_name_locale_argument_serves_that_locale(
    gql: GraphQLClient, seed_data: dict[str, Any], locale: str
) -> None:
    expected = theme_entry(seed_data, "education")["name"][locale.lower()]

    theme = (await gql.data(THEME_QUERY, {"locale": locale}))["theme"]

    assert theme["name"] == expected
    assert theme["nameLocalized"] == {"value": expected, "locale": locale, "isFallback": False}


async def test_theme_name_without_locale_or_header_serves_english(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    theme = (await gql.data(THEME_QUERY))["theme"]

    assert theme["nameLocalized"]["locale"] == "EN"
    assert theme["name"] == theme_entry(seed_data, "education")["name"]["en"]


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("sv-SE,sv;q=0.9", "sv"),
        ("it-IT", "it"),
        ("en-GB,en;q=0.8", "en"),
        ("de-DE,de;q=0.9", "en"),
        ("fr;q=1.0, it;q=0.4, sv;q=0.7", "sv"),
        ("sv;q=0, it", "it"),
        ("*", "en"),
    ],
)
async def test_theme_name_accept_language_header_selects_locale(
    gql: GraphQLClient, seed_data: dict[str, Any], accept_language: str, expected: str
) -> None:
    theme = (await gql.data(THEME_QUERY, headers={"Accept-Language": accept_language}))["theme"]

    assert theme["nameLocalized"]["locale"] == expected.upper()
    assert theme["name"] == theme_entry(seed_data, "education")["name"][expected]


async def test_theme_name_locale_argument_wins_over_accept_language(gql: GraphQLClient) -> None:
    theme = (await gql.data(THEME_QUERY, {"locale": "IT"}, headers={"Accept-Language": "sv-SE"}))["theme"]

    assert theme["nameLocalized"]["locale"] == "IT"


async def test_nested_texts_accept_language_applies_below_root(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    data = await gql.data(
        """{ organisation(slug: "norrbottens-kommuner") {
              region { nameLocalized { locale } country { nameLocalized { locale } } }
              projects { edges { node { slug titleLocalized { locale } } } } } }""",
        headers={"Accept-Language": "sv-SE,sv;q=0.9"},
    )
    organisation = data["organisation"]
    titles = {project["slug"]: project["title"] for project in seed_data["projects"]}

    assert organisation["region"]["nameLocalized"]["locale"] == "SV"
    assert organisation["region"]["country"]["nameLocalized"]["locale"] == "SV"
    assert organisation["projects"]["edges"]
    for edge in organisation["projects"]["edges"]:
        expected = "SV" if titles[edge["node"]["slug"]].get("sv") else "EN"
        assert edge["node"]["titleLocalized"]["locale"] == expected


@pytest.mark.parametrize(
    ("key", "locale", "served"),
    [
        # The requested locale when it has a text.
        ("all", "EN", "en"),
        ("all", "SV", "sv"),
        ("all", "IT", "it"),
        # Otherwise en, then sv, then it.
        ("sv-only", "EN", "sv"),
        ("sv-only", "IT", "sv"),
        ("it-only", "EN", "it"),
        ("it-only", "SV", "it"),
        ("en-and-it", "SV", "en"),
        ("sv-and-it", "EN", "sv"),
        ("en-and-sv", "IT", "en"),
        # An empty text counts as missing.
        ("en-empty", "EN", "sv"),
    ],
)
async def test_project_title_missing_text_falls_back_en_sv_it(
    gql: GraphQLClient, projects: dict[str, Project], key: str, locale: str, served: str
) -> None:
    data = await gql.data(
        """query($slug: String!, $locale: Locale) { project(slug: $slug, locale: $locale) {
              title titleLocalized { value locale isFallback } } }""",
        {"slug": f"{PREFIX}{key}", "locale": locale},
    )
    sv, it, en = PROJECT_TITLES[key]
    expected = {"sv": sv, "it": it, "en": en}[served]

    assert data["project"]["title"] == expected
    assert data["project"]["titleLocalized"] == {
        "value": expected,
        "locale": served.upper(),
        "isFallback": served != locale.lower(),
    }


async def test_project_title_no_text_in_any_locale_is_null(gql: GraphQLClient, settings: Settings) -> None:
    try:
        await Project.create(slug=f"{PREFIX}untitled", state=PUBLISHED)
        data = await gql.data(
            '{ project(slug: "test-l10n-untitled") { title titleLocalized { value }'
            " translations { value } } }"
        )
    finally:
        await delete_test_rows(PREFIX)

    assert data["project"] == {"title": None, "titleLocalized": None, "translations": []}


@pytest.mark.parametrize("key", ["all", "sv-only", "en-and-it", "en-empty"])
async def test_project_translations_lists_every_non_empty_text(
    gql: GraphQLClient, projects: dict[str, Project], key: str
) -> None:
    data = await gql.data(
        """query($slug: String!) { project(slug: $slug, locale: IT) {
              translations { field locale value } } }""",
        {"slug": f"{PREFIX}{key}"},
    )
    sv, it, en = PROJECT_TITLES[key]
    expected = {("title", locale, value) for locale, value in (("SV", sv), ("IT", it), ("EN", en)) if value}

    translations = data["project"]["translations"]
    assert {(t["field"], t["locale"], t["value"]) for t in translations} == expected
    assert len(translations) == len(expected)


async def test_theme_translations_lists_name_and_description_in_all_locales(
    gql: GraphQLClient, seed_data: dict[str, Any]
) -> None:
    entry = theme_entry(seed_data, "education")
    expected = {
        (field, locale.upper(), value)
        for field in ("name", "description")
        for locale, value in (entry.get(field) or {}).items()
        if value
    }

    data = await gql.data('{ theme(slug: "education") { translations { field locale value } } }')

    assert {(t["field"], t["locale"], t["value"]) for t in data["theme"]["translations"]} == expected
    assert {locale for _, locale, _ in expected} == {"SV", "IT", "EN"}


async def search_projects(gql: GraphQLClient, text: str, locale: str) -> set[str]:
    data = await gql.data(
        """query($text: String!, $locale: Locale) {
              projects(first: 100, filter: {search: $text}, locale: $locale) {
                totalCount edges { node { slug title } } } }""",
        {"text": text, "locale": locale},
    )
    connection = data["projects"]
    assert connection["totalCount"] == len(connection["edges"])
    for edge in connection["edges"]:
        assert text.lower() in edge["node"]["title"].lower() or text.lower() in edge["node"]["slug"]
    return {edge["node"]["slug"] for edge in connection["edges"]}


async def test_project_search_swedish_only_title_found_with_locale_en(
    gql: GraphQLClient, projects: dict[str, Project]
) -> None:
    assert await search_projects(gql, "zzzz SERN-L10N bara", "EN") == {f"{PREFIX}sv-only"}


async def test_project_search_text_hidden_by_fallback_is_not_matched(
    gql: GraphQLClient, projects: dict[str, Project]
) -> None:
    # "dold" is only in the Swedish title, which English callers do not see (they see the English one).
    assert await search_projects(gql, "dold svensk", "EN") == set()
    assert await search_projects(gql, "dold svensk", "SV") == {f"{PREFIX}en-and-sv"}


async def test_project_search_empty_english_title_matches_swedish_shown(
    gql: GraphQLClient, projects: dict[str, Project]
) -> None:
    assert await search_projects(gql, "tom engelsk", "EN") == {f"{PREFIX}en-empty"}


async def test_event_search_swedish_only_title_found_with_locale_en(
    gql: GraphQLClient, events: dict[str, Event]
) -> None:
    data = await gql.data(
        """{ events(filter: {search: "zzzz SERN-L10N endast"}, locale: EN) {
              totalCount edges { node { slug title titleLocalized { locale isFallback } } } } }"""
    )

    assert data["events"]["totalCount"] == 1
    assert data["events"]["edges"][0]["node"] == {
        "slug": f"{PREFIX}event-sv-late",
        "title": "Zzzz sern-l10n endast svensk konferens",
        "titleLocalized": {"locale": "SV", "isFallback": True},
    }


@pytest.mark.parametrize(("order", "reverse"), [("TITLE_ASC", False), ("TITLE_DESC", True)])
async def test_project_title_order_sorts_by_fallback_resolved_title(
    gql: GraphQLClient, projects: dict[str, Project], order: str, reverse: bool
) -> None:
    edges = await all_edges(gql, "projects", "node { slug title }", f"orderBy: {order}, locale: EN")
    ours = [edge["node"] for edge in edges if edge["node"]["slug"].startswith(PREFIX)]

    # Titles as shown: Swedish where English is missing or empty; ours differ in ASCII letters only.
    expected = sorted(ours, key=lambda node: node["title"], reverse=reverse)
    assert [node["slug"] for node in ours] == [node["slug"] for node in expected]
    assert len(ours) == len(PROJECT_TITLES)
    assert ours[-1 if reverse else 0]["slug"] == f"{PREFIX}sv-only-early"
    assert ours[0 if reverse else -1]["slug"] == f"{PREFIX}sv-only"


async def test_event_title_order_sorts_by_fallback_resolved_title(
    gql: GraphQLClient, events: dict[str, Event]
) -> None:
    edges = await all_edges(gql, "events", "node { slug }", "orderBy: TITLE_ASC, locale: EN")
    ours = [edge["node"]["slug"] for edge in edges if edge["node"]["slug"].startswith(PREFIX)]

    assert ours == [f"{PREFIX}event-sv-early", f"{PREFIX}event-en", f"{PREFIX}event-sv-late"]

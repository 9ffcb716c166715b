"""HTTP caching of GET GraphQL reads: ETag, 304, Cache-Control and Vary."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from urllib.parse import urlencode

import httpx
import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.core.http_cache import MAX_AGE, etag_for, if_none_match_matches
from sern_graph.settings import Settings

THEMES = "/graphql?" + urlencode({"query": "{ themes { slug } }"})
COUNTRY = "/graphql?" + urlencode({"query": '{ country(code: "se") { code } }'})
# Valid, so 200, but anonymous preview is refused: a response with `errors`.
WITH_ERRORS = "/graphql?" + urlencode({"query": '{ organisation(slug: "x", preview: true) { name } }'})
PUBLIC = f"public, max-age={MAX_AGE}"


@pytest.fixture
async def reader(settings: Settings) -> AsyncIterator[str]:
    token, secret = await accounts.create_token("test http cache reader", Role.READER)
    yield f"Bearer {secret}"
    await ApiToken.filter(id=token.id).delete()


def _vary(response: httpx.Response) -> set[str]:
    return {name.strip().lower() for name in response.headers["vary"].split(",")}


async def test_get_has_a_stable_strong_etag(client: httpx.AsyncClient) -> None:
    first = await client.get(THEMES)
    second = await client.get(THEMES)

    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag == second.headers["etag"] == etag_for(first.content)
    assert re.fullmatch(r'"[0-9a-f]{32}"', etag)
    assert first.headers["content-length"] == str(len(first.content))
    assert "x-request-id" in first.headers
    assert {"accept", "accept-language", "authorization", "sern-preview"} <= _vary(first)


@pytest.mark.parametrize("if_none_match", ["{etag}", "W/{etag}", '"nope", {etag}', '"a,b" , W/{etag}', "*"])
async def test_matching_if_none_match_is_not_modified(client: httpx.AsyncClient, if_none_match: str) -> None:
    etag = (await client.get(THEMES)).headers["etag"]

    response = await client.get(THEMES, headers={"If-None-Match": if_none_match.format(etag=etag)})

    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag
    assert response.headers["cache-control"] == PUBLIC
    assert "content-type" not in response.headers
    assert "x-request-id" in response.headers


@pytest.mark.parametrize("if_none_match", ['"nope"', "garbage", '"nope", W/"other"'])
async def test_other_if_none_match_gets_the_body(client: httpx.AsyncClient, if_none_match: str) -> None:
    response = await client.get(THEMES, headers={"If-None-Match": if_none_match})

    assert response.status_code == 200
    assert response.json()["data"]["themes"]


def test_if_none_match_parsing() -> None:
    etag = '"abc"'
    assert if_none_match_matches(['"abc"'], etag)
    assert if_none_match_matches(['W/"abc"'], etag)
    assert if_none_match_matches(['"x", "abc"'], etag)
    assert if_none_match_matches(['"x"', '"abc"'], etag)
    assert if_none_match_matches(["*"], etag)
    assert not if_none_match_matches(['"ab"', "abc", ""], etag)
    assert not if_none_match_matches(['abc, "abc"'], etag)


async def test_a_different_query_has_a_different_etag(client: httpx.AsyncClient) -> None:
    themes = await client.get(THEMES)
    country = await client.get(COUNTRY)

    assert themes.headers["etag"] != country.headers["etag"]
    response = await client.get(COUNTRY, headers={"If-None-Match": themes.headers["etag"]})
    assert response.status_code == 200


async def test_anonymous_get_is_public(client: httpx.AsyncClient) -> None:
    response = await client.get(THEMES)

    assert response.headers["cache-control"] == PUBLIC


async def test_authorized_get_is_private(client: httpx.AsyncClient, reader: str) -> None:
    response = await client.get(THEMES, headers={"Authorization": reader})

    assert response.status_code == 200
    assert response.headers["cache-control"] == "private, no-store"
    assert "etag" in response.headers


async def test_preview_header_get_is_private(client: httpx.AsyncClient) -> None:
    response = await client.get(THEMES, headers={"SERN-Preview": "false"})

    assert response.headers["cache-control"] == "private, no-store"


@pytest.mark.parametrize("url", [WITH_ERRORS, "/graphql?" + urlencode({"query": "{ themes { "})])
async def test_response_with_errors_is_not_stored(client: httpx.AsyncClient, url: str) -> None:
    response = await client.get(url)

    assert response.status_code == 200
    assert response.json()["errors"]
    assert response.headers["cache-control"] == "private, no-store"


async def test_refused_get_is_not_stored(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql?" + urlencode({"query": "mutation { __typename }"}))

    assert response.status_code != 200
    assert response.headers["cache-control"] == "private, no-store"
    assert "etag" not in response.headers


async def test_post_is_not_stored_and_has_no_etag(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ themes { slug } }"})

    assert response.status_code == 200
    assert response.json()["data"]["themes"]
    assert response.headers["cache-control"] == "no-store"
    assert "etag" not in response.headers


async def test_graphiql_page_is_still_html(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html", "If-None-Match": "*"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "GraphiQL" in response.text


async def test_other_routes_are_untouched(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")

    assert response.status_code == 200
    assert "etag" not in response.headers
    assert "cache-control" not in response.headers

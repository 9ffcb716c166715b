"""GraphQL over HTTP: GET queries, GraphiQL, health probes, request limits."""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import httpx
import pytest

from sern_graph.settings import Settings
from sern_graph.themes.models import Theme
from tests.api.conftest import PUBLISHED, assert_no_leak, column
from tests.conftest import GraphQLClient


async def test_get_query_returns_data(client: httpx.AsyncClient, settings: Settings) -> None:
    expected = sorted(await column(Theme.filter(state=PUBLISHED), "slug"))

    response = await client.get("/graphql?query={themes{slug}}")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert [theme["slug"] for theme in response.json()["data"]["themes"]] == expected


async def test_get_query_with_variables_and_operation_name(client: httpx.AsyncClient) -> None:
    params = {
        "query": "query A { themes { slug } } query B($code: String!) { country(code: $code) { code } }",
        "variables": json.dumps({"code": "se"}),
        "operationName": "B",
    }

    response = await client.get(f"/graphql?{urlencode(params)}")

    assert response.status_code == 200
    assert response.json() == {"data": {"country": {"code": "SE"}}}


async def test_get_query_honours_accept_language(client: httpx.AsyncClient) -> None:
    response = await client.get(
        '/graphql?query={theme(slug:"education"){nameLocalized{locale}}}',
        headers={"Accept-Language": "it-IT,it;q=0.9"},
    )

    assert response.json() == {"data": {"theme": {"nameLocalized": {"locale": "IT"}}}}


@pytest.mark.parametrize("document", ["mutation { __typename }", "mutation M { themes { slug } }"])
async def test_get_mutation_is_refused(client: httpx.AsyncClient, document: str) -> None:
    response = await client.get(f"/graphql?{urlencode({'query': document})}")

    assert response.status_code in {400, 405}
    assert "mutation" in response.text.lower()
    assert '"themes"' not in response.text
    assert_no_leak(response.text)


async def test_post_mutation_without_a_token_is_unauthenticated(gql: GraphQLClient) -> None:
    body = await gql(
        'mutation { archiveOrganisation(input: {id: "T3JnYW5pc2F0aW9uOjE"}) { userErrors { code } } }'
    )

    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_graphiql_page_served_for_browsers_without_cdn(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert "<title>sern-graph · GraphiQL</title>" in page
    for cdn in ("unpkg", "jsdelivr", "cdnjs", "esm.sh", "googleapis", "cloudflare"):
        assert cdn not in page
    references = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert references
    assert all(reference.startswith("/graphiql-assets/") for reference in references), references
    assert not re.search(r"https?://", page)
    for reference in references:
        asset = await client.get(reference)
        assert asset.status_code == 200, reference
        assert asset.content


async def test_graphiql_page_not_served_for_json_clients(client: httpx.AsyncClient) -> None:
    response = await client.get("/graphql", headers={"Accept": "application/json"})

    assert not response.headers.get("content-type", "").startswith("text/html")


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
async def test_graphql_other_methods_not_allowed(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, "/graphql", json={"query": "{ themes { slug } }"})

    assert response.status_code == 405


async def test_unknown_path_is_not_found(client: httpx.AsyncClient) -> None:
    response = await client.get("/no-such-page")

    assert response.status_code == 404
    assert_no_leak(response.text)


def nested_regions(depth: int) -> str:
    """A document whose deepest field is at `depth`, root fields at depth 0."""
    return '{ region(code: "SE332") { ' + "parent { " * (depth - 1) + "code" + " }" * (depth - 1) + " } }"


async def test_query_depth_at_limit_is_answered(gql: GraphQLClient, settings: Settings) -> None:
    body = await gql(nested_regions(settings.max_query_depth))

    # SE332 -> SE33 -> SE3, which has no parent.
    assert body == {"data": {"region": {"parent": {"parent": {"parent": None}}}}}


async def test_query_depth_beyond_limit_is_an_error(gql: GraphQLClient, settings: Settings) -> None:
    body = await gql(nested_regions(settings.max_query_depth + 1))

    assert body.get("data") is None
    assert "depth" in body["errors"][0]["message"]
    assert_no_leak(json.dumps(body))


async def test_query_depth_beyond_limit_through_fragments_is_an_error(
    gql: GraphQLClient, settings: Settings
) -> None:
    fragments = "".join(
        f"fragment F{level} on Region {{ parent {{ ...F{level + 1} }} }} "
        for level in range(settings.max_query_depth)
    )
    last = f"fragment F{settings.max_query_depth} on Region {{ code }}"
    document = f'{{ region(code: "SE332") {{ ...F0 }} }} {fragments} {last}'

    body = await gql(document)

    assert body.get("data") is None
    assert "depth" in body["errors"][0]["message"]


async def test_too_many_aliases_is_an_error(gql: GraphQLClient, settings: Settings) -> None:
    aliases = " ".join(f"a{index}: themes {{ slug }}" for index in range(settings.max_aliases + 1))

    body = await gql(f"{{ {aliases} }}")

    assert body.get("data") is None
    assert body["errors"]


async def test_aliases_at_limit_are_answered(gql: GraphQLClient, settings: Settings) -> None:
    aliases = " ".join(f"a{index}: network {{ memberCount }}" for index in range(settings.max_aliases))

    data = await gql.data(f"{{ {aliases} }}")

    assert len(data) == settings.max_aliases

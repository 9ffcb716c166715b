"""Automatic persisted queries (Apollo's APQ protocol) over POST and GET."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import httpx
import pytest

from sern_graph.persisted import MAX_DOCUMENT_BYTES, LRUStore
from tests.conftest import GraphQLClient

QUERY = "query Themes { themes { slug name } }"
MUTATION = "mutation Archive($id: ID!) { archiveOrganisation(input: {id: $id}) { userErrors { message } } }"


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def persisted(document: str, *, version: int = 1, sha: str | None = None) -> dict[str, Any]:
    return {"persistedQuery": {"version": version, "sha256Hash": sha or sha256(document)}}


async def post(client: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    return await client.post("/graphql", json=body)


async def get(client: httpx.AsyncClient, **params: Any) -> httpx.Response:
    encoded = {key: value if isinstance(value, str) else json.dumps(value) for key, value in params.items()}
    return await client.get("/graphql", params=encoded, headers={"Accept": "application/json"})


def error_code(response: httpx.Response) -> str:
    body = response.json()
    assert body.get("data") is None, body
    [error] = body["errors"]
    code: str = error["extensions"]["code"]
    return code


async def test_registered_by_post_then_run_by_get_with_only_the_hash(
    client: httpx.AsyncClient, gql: GraphQLClient
) -> None:
    expected = await gql.data(QUERY)

    registered = await post(client, {"query": QUERY, "extensions": persisted(QUERY)})
    assert registered.status_code == 200
    assert registered.json() == {"data": expected}

    by_hash = await get(client, extensions=persisted(QUERY))
    assert by_hash.status_code == 200, by_hash.text
    assert by_hash.json() == {"data": expected}

    by_hash_post = await post(client, {"extensions": persisted(QUERY)})
    assert by_hash_post.json() == {"data": expected}


async def test_variables_and_operation_name_apply_to_the_stored_document(client: httpx.AsyncClient) -> None:
    document = "query A { a: themes { slug } }\nquery B($slug: String!) { theme(slug: $slug) { slug } }"
    first = await post(client, {"query": document, "operationName": "A", "extensions": persisted(document)})
    slug = first.json()["data"]["a"][0]["slug"]

    response = await get(client, extensions=persisted(document), operationName="B", variables={"slug": slug})
    assert response.json() == {"data": {"theme": {"slug": slug}}}


async def test_an_unknown_hash_is_not_found_so_the_client_sends_the_document(
    client: httpx.AsyncClient,
) -> None:
    for response in (
        await get(client, extensions=persisted(QUERY)),
        await post(client, {"extensions": persisted(QUERY)}),
    ):
        assert response.status_code == 200
        assert response.json() == {
            "data": None,
            "errors": [
                {"message": "PersistedQueryNotFound", "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"}}
            ],
        }
        assert "no-store" in response.headers["cache-control"]


async def test_a_mismatched_hash_is_refused_and_nothing_is_stored(client: httpx.AsyncClient) -> None:
    other = "query { themes { slug } }"
    refused = await post(client, {"query": QUERY, "extensions": persisted(QUERY, sha=sha256(other))})
    assert refused.status_code == 400
    assert refused.json()["errors"] == [
        {
            "message": "provided sha does not match query",
            "extensions": {"code": "PERSISTED_QUERY_HASH_MISMATCH"},
        }
    ]

    # Neither the claimed hash nor the document's own was stored.
    for sha in (sha256(other), sha256(QUERY)):
        follow_up = await get(client, extensions=persisted(QUERY, sha=sha))
        assert error_code(follow_up) == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_mutation_by_hash_is_refused_over_get(client: httpx.AsyncClient) -> None:
    # Registering over GET stores the document but does not run the mutation.
    registering = await get(client, query=MUTATION, extensions=persisted(MUTATION), variables={"id": "x"})
    assert registering.status_code == 400
    assert "mutations are not allowed when using GET" in registering.text

    by_hash = await get(client, extensions=persisted(MUTATION), variables={"id": "x"})
    assert by_hash.status_code == 400
    assert "mutations are not allowed when using GET" in by_hash.text

    # The same hash over POST runs it (and the anonymous caller is refused by the API itself).
    by_post = await post(client, {"extensions": persisted(MUTATION), "variables": {"id": "x"}})
    assert "PERSISTED_QUERY" not in by_post.text
    assert by_post.json()["errors"]


async def test_an_oversize_document_is_refused_and_not_stored(client: httpx.AsyncClient) -> None:
    document = "query Big { themes { slug } }\n" + "#" * MAX_DOCUMENT_BYTES
    refused = await post(client, {"query": document, "extensions": persisted(document)})
    assert refused.status_code == 400
    assert error_code(refused) == "PERSISTED_QUERY_TOO_LARGE"
    assert error_code(await post(client, {"extensions": persisted(document)})) == "PERSISTED_QUERY_NOT_FOUND"


async def test_a_document_that_does_not_parse_is_not_stored(client: httpx.AsyncClient) -> None:
    document = "query { themes { slug "
    response = await post(client, {"query": document, "extensions": persisted(document)})
    assert response.json()["errors"][0]["message"].startswith("Syntax Error")
    assert error_code(await post(client, {"extensions": persisted(document)})) == "PERSISTED_QUERY_NOT_FOUND"


@pytest.mark.parametrize("version", [2, 0])
async def test_other_versions_are_not_supported(client: httpx.AsyncClient, version: int) -> None:
    response = await post(client, {"query": QUERY, "extensions": persisted(QUERY, version=version)})
    assert response.status_code == 400
    assert error_code(response) == "PERSISTED_QUERY_NOT_SUPPORTED"


@pytest.mark.parametrize(
    "persisted_query",
    ["v1", {"version": 1}, {"version": 1, "sha256Hash": "abc"}, {"version": 1, "sha256Hash": 7}],
)
async def test_a_malformed_persisted_query_is_a_bad_request(
    client: httpx.AsyncClient, persisted_query: Any
) -> None:
    response = await post(client, {"query": QUERY, "extensions": {"persistedQuery": persisted_query}})
    assert response.status_code == 400
    assert error_code(response) == "BAD_REQUEST"


async def test_plain_queries_are_unaffected(client: httpx.AsyncClient, gql: GraphQLClient) -> None:
    data = await gql.data(QUERY)
    assert data["themes"]
    by_get = await get(client, query=QUERY)
    assert by_get.json() == {"data": data}
    with_other_extensions = await post(client, {"query": QUERY, "extensions": {"somethingElse": True}})
    assert with_other_extensions.json() == {"data": data}


async def test_the_lru_store_is_bounded_and_keeps_the_recently_used() -> None:
    store = LRUStore(maxsize=2)
    await store.set("a", "A")
    await store.set("b", "B")
    assert await store.get("a") == "A"  # "b" is now the least recently used
    await store.set("c", "C")
    assert len(store) == 2
    assert await store.get("b") is None
    assert await store.get("a") == "A"
    assert await store.get("c") == "C"

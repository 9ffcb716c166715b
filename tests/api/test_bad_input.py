"""Bad input gets a clear error or null, never a 500, a stack trace, SQL or a source path."""

from __future__ import annotations

import base64
from typing import Any

import httpx
import pytest

from sern_graph.network import stats
from sern_graph.organisations.models import Organisation
from sern_graph.settings import Settings
from tests.api.conftest import assert_no_leak, error_codes, global_id
from tests.conftest import GraphQLClient

MALFORMED_IDS = [
    "garbage",
    "",
    "!!!",
    "ö",
    "T3JnYW5pc2F0aW9u",  # "Organisation" without a key
    global_id("Organisation", "abc"),
    global_id("Organisation", "-1"),
    global_id("Organisation", "0"),
    global_id("Organisation", "1.5"),
    global_id("", 5),
    base64.urlsafe_b64encode(b"\xff\xfe:1").decode(),
    global_id("Organisation", 2**31),
    global_id("Organisation", "99999999999999999999999"),
]

LOOKUPS = ["organisation", "project", "person", "event"]


@pytest.mark.parametrize("bad_id", MALFORMED_IDS)
async def test_node_malformed_id_is_bad_user_input(gql: GraphQLClient, bad_id: str) -> None:
    body = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": bad_id})

    assert body["data"] == {"node": None}
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["argument"] == "id"
    assert "not a valid ID" in body["errors"][0]["message"]
    assert_no_leak(str(body))


@pytest.mark.parametrize("bad_id", MALFORMED_IDS)
async def test_nodes_malformed_id_is_bad_user_input(gql: GraphQLClient, bad_id: str) -> None:
    valid = global_id("Organisation", 1)

    body = await gql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": [valid, bad_id]})

    assert body["data"] is None
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["argument"] == "ids"


@pytest.mark.parametrize("field", LOOKUPS)
@pytest.mark.parametrize("bad_id", ["garbage", global_id("Organisation", 2**31), global_id("X", "-7")])
async def test_lookup_by_malformed_id_is_bad_user_input(gql: GraphQLClient, field: str, bad_id: str) -> None:
    body = await gql(f"query($id: ID) {{ {field}(id: $id) {{ id }} }}", {"id": bad_id})

    assert body["data"] == {field: None}
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert_no_leak(str(body))


@pytest.mark.parametrize(
    "unknown_id",
    [global_id("Organisation", 2**31 - 1), global_id("Organisation", 987654), global_id("NoSuchType", 1)],
)
async def test_node_unknown_well_formed_id_is_null(gql: GraphQLClient, unknown_id: str) -> None:
    body = await gql("query($id: ID!) { node(id: $id) { id } }", {"id": unknown_id})

    assert body == {"data": {"node": None}}


@pytest.mark.parametrize("field", LOOKUPS)
async def test_lookup_unknown_well_formed_id_is_null(gql: GraphQLClient, field: str) -> None:
    type_name = field.capitalize()

    body = await gql(f"query($id: ID) {{ {field}(id: $id) {{ id }} }}", {"id": global_id(type_name, 987654)})

    assert body == {"data": {field: None}}


async def test_organisation_id_of_another_type_is_null(gql: GraphQLClient, settings: Settings) -> None:
    organisation = await Organisation.get(slug="sern")
    project_id = (await gql.data('{ project(slug: "ntt-plus") { id } }'))["project"]["id"]
    person_id = (await gql.data('{ person(slug: "kent-ogren") { id } }'))["person"]["id"]
    # The key of an existing organisation, but in the ID of another type.
    same_key_other_type = global_id("Project", organisation.id)

    body = await gql(
        """query($a: ID, $b: ID, $c: ID) {
              a: organisation(id: $a) { slug } b: organisation(id: $b) { slug }
              c: organisation(id: $c) { slug } }""",
        {"a": project_id, "b": person_id, "c": same_key_other_type},
    )

    assert body == {"data": {"a": None, "b": None, "c": None}}


async def test_lookup_by_own_id_returns_the_object(gql: GraphQLClient) -> None:
    data = await gql.data('{ organisation(slug: "lulea") { id } project(slug: "ntt-plus") { id } }')

    found = await gql.data(
        """query($org: ID!, $project: ID!) {
              organisation(id: $org) { slug } project(id: $project) { slug }
              a: node(id: $org) { __typename id } b: node(id: $project) { __typename id } }""",
        {"org": data["organisation"]["id"], "project": data["project"]["id"]},
    )

    assert found["organisation"] == {"slug": "lulea"}
    assert found["project"] == {"slug": "ntt-plus"}
    assert found["a"] == {"__typename": "Organisation", "id": data["organisation"]["id"]}
    assert found["b"] == {"__typename": "Project", "id": data["project"]["id"]}


async def test_nodes_mixed_known_and_unknown_ids_keep_order_with_nulls(gql: GraphQLClient) -> None:
    known = await gql.data(
        """{ organisation(slug: "lulea") { id } project(slug: "ntt-plus") { id }
             theme(slug: "education") { id } country(code: "IT") { id } }"""
    )
    ids = [
        known["project"]["id"],
        global_id("Organisation", 987654),
        known["organisation"]["id"],
        global_id("NoSuchType", 3),
        known["theme"]["id"],
        known["organisation"]["id"],
        known["country"]["id"],
    ]

    data = await gql.data(
        """query($ids: [ID!]!) { nodes(ids: $ids) {
              __typename id
              ... on Organisation { slug } ... on Project { slug } ... on Theme { slug }
              ... on Country { code } } }""",
        {"ids": ids},
    )

    assert data["nodes"] == [
        {"__typename": "Project", "id": ids[0], "slug": "ntt-plus"},
        None,
        {"__typename": "Organisation", "id": ids[2], "slug": "lulea"},
        None,
        {"__typename": "Theme", "id": ids[4], "slug": "education"},
        {"__typename": "Organisation", "id": ids[2], "slug": "lulea"},
        {"__typename": "Country", "id": ids[6], "code": "IT"},
    ]


async def test_nodes_empty_list_is_empty(gql: GraphQLClient) -> None:
    assert await gql.data("{ nodes(ids: []) { id } }") == {"nodes": []}


async def test_nodes_more_than_limit_is_bad_user_input(gql: GraphQLClient) -> None:
    ids = [global_id("Organisation", pk) for pk in range(1, 102)]

    body = await gql("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ids})

    assert body["data"] is None
    assert error_codes(body) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ("{ themes(locale: XX) { name } }", {}),
        ('{ organisation(slug: "lulea", locale: xx) { name } }', {}),
        ("query($l: Locale) { themes(locale: $l) { name } }", {"l": "XX"}),
        ("query($l: Locale) { themes(locale: $l) { name } }", {"l": "sv"}),
        ('{ themes(locale: "SV") { name } }', {}),
    ],
)
async def test_unknown_locale_code_is_validation_error(
    gql: GraphQLClient, query: str, variables: dict[str, Any]
) -> None:
    body = await gql(query, variables)

    assert body.get("data") is None
    assert body["errors"]
    assert "Locale" in body["errors"][0]["message"]
    assert_no_leak(str(body))


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        ('{ board(asOf: "2018-13-45") { role } }', {}),
        ('{ board(asOf: "2018-02-30") { role } }', {}),
        ('{ network(asOf: "yesterday") { memberCount } }', {}),
        ("query($d: Date) { board(asOf: $d) { role } }", {"d": "01/06/2018"}),
        ('{ organisation(slug: "lulea") { isMember(asOf: "2018-06") } }', {}),
        ('{ projects(filter: {activeOn: "not a date"}) { totalCount } }', {}),
    ],
)
async def test_invalid_date_is_error_without_traceback(
    gql: GraphQLClient, query: str, variables: dict[str, Any]
) -> None:
    body = await gql(query, variables)

    assert body.get("data") is None
    assert body["errors"]
    assert "Date" in body["errors"][0]["message"]
    assert_no_leak(str(body))


@pytest.mark.parametrize(
    "query",
    [
        '{ result: organisation(slug: "no-such-organisation") { id } }',
        '{ result: project(slug: "no-such-project") { id } }',
        '{ result: person(slug: "no-such-person") { id } }',
        '{ result: event(slug: "no-such-event") { id } }',
        '{ result: theme(slug: "no-such-theme") { id } }',
        '{ result: country(code: "ZZ") { id } }',
        '{ result: region(code: "XX999") { id } }',
    ],
)
async def test_unknown_slug_or_code_is_null(gql: GraphQLClient, query: str) -> None:
    assert await gql(query) == {"data": {"result": None}}


@pytest.mark.parametrize("field", LOOKUPS)
async def test_lookup_with_both_id_and_slug_is_bad_user_input(gql: GraphQLClient, field: str) -> None:
    body = await gql(
        f'query($id: ID) {{ {field}(id: $id, slug: "lulea") {{ id }} }}',
        {"id": global_id(field.capitalize(), 1)},
    )

    assert body["data"] == {field: None}
    assert error_codes(body) == ["BAD_USER_INPUT"]


@pytest.mark.parametrize("field", LOOKUPS)
async def test_lookup_with_neither_id_nor_slug_is_bad_user_input(gql: GraphQLClient, field: str) -> None:
    body = await gql(f"{{ {field} {{ id }} }}")

    assert body["data"] == {field: None}
    assert error_codes(body) == ["BAD_USER_INPUT"]
    assert "exactly one" in body["errors"][0]["message"]


BAD_REQUESTS: list[tuple[str, str, dict[str, Any]]] = [
    # (method, path or body, extra httpx arguments)
    ("POST", "/graphql", {"content": b"{not json", "headers": {"content-type": "application/json"}}),
    ("POST", "/graphql", {"json": {"query": "{ organisations { totalCount "}}),
    ("POST", "/graphql", {"json": {"query": "{ noSuchField }"}}),
    ("POST", "/graphql", {"json": {"query": "{ organisation(slug: 1) { id } }"}}),
    (
        "POST",
        "/graphql",
        {
            "json": {
                "query": "query($n: Int) { organisations(first: $n) { totalCount } }",
                "variables": {"n": "many"},
            }
        },
    ),
    ("POST", "/graphql", {"json": {"query": "{ organisations(first: 2147483648) { totalCount } }"}}),
    (
        "POST",
        "/graphql",
        {"json": {"query": '{ organisations(filter: {search: "\' OR 1=1 --"}) { totalCount } }'}},
    ),
    (
        "POST",
        "/graphql",
        {"json": {"query": '{ organisations(filter: {regionCodes: ["SE\\"; DROP"]}) { totalCount } }'}},
    ),
    ("POST", "/graphql", {"json": {"query": 123}}),
    ("POST", "/graphql", {"json": []}),
    ("POST", "/graphql", {"json": {"query": "{ themes { slug } }", "variables": "nope"}}),
    (
        "POST",
        "/graphql",
        {"json": {"query": '{ node(id: "T3JnYW5pc2F0aW9uOjk5OTk5OTk5OTk5OTk5OTk5OTk5") { id } }'}},
    ),
    ("GET", "/graphql?query=%7B", {}),
    ("GET", "/graphql", {"headers": {"accept": "application/json"}}),
    ("GET", "/graphql?query={themes{slug}}&variables=notjson", {}),
]


@pytest.mark.parametrize(("method", "path", "arguments"), BAD_REQUESTS)
async def test_bad_request_never_leaks_internals(
    client: httpx.AsyncClient, method: str, path: str, arguments: dict[str, Any]
) -> None:
    response = await client.request(method, path, **arguments)

    assert response.status_code < 500
    assert_no_leak(response.text)
    if response.headers.get("content-type", "").startswith("application/json"):
        body = response.json()
        assert body.get("errors") or body.get("data") is not None
        assert "Internal server error" not in response.text


async def test_search_with_sql_metacharacters_matches_literally(gql: GraphQLClient) -> None:
    data = await gql.data(
        """{ a: organisations(filter: {search: "%"}) { totalCount }
             b: organisations(filter: {search: "_"}) { totalCount }
             c: organisations(filter: {regionCodes: ["%"]}) { totalCount }
             d: projects(filter: {search: "%"}) { totalCount }
             e: people(filter: {search: "_"}) { totalCount }
             f: events(filter: {search: "%"}) { totalCount } }"""
    )

    assert all(connection["totalCount"] == 0 for connection in data.values())


async def test_unexpected_error_is_masked_without_internals(
    gql: GraphQLClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(day: object) -> int:
        raise RuntimeError('SELECT "secret" FROM "organisation" -- /work/main/sern_graph/network/stats.py')

    monkeypatch.setattr(stats, "member_count", broken)

    body = await gql("{ network { memberCount } themes { slug } }")

    assert body["data"] is None or body["data"].get("network") is None
    assert len(body["errors"]) == 1
    assert body["errors"][0]["message"].startswith("Internal server error")
    assert error_codes(body) != ["BAD_USER_INPUT"]
    assert_no_leak(str(body))

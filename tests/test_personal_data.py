"""A person's e-mail and phone: null with a FORBIDDEN error at the field's path for callers without
the right (the rest of the answer arrives), the values for editors, admins and tokens granted the
personal-data scope; never stored in the shared response cache."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.people.models import Person
from tests.conftest import GraphQLClient

EMAIL = "test-personal@example.org"
PHONE = "+46 920 45 30 00"
QUERY = "query($slug: String!) { person(slug: $slug) { givenName email phone } }"


@pytest.fixture
async def person() -> AsyncIterator[Person]:
    row = await Person.filter(state="published").order_by("id").first()
    assert row is not None
    before = (row.email, row.phone)
    await Person.filter(id=row.id).update(email=EMAIL, phone=PHONE)
    yield row
    await Person.filter(id=row.id).update(email=before[0], phone=before[1])


@pytest.fixture
async def bearers() -> AsyncIterator[dict[str, dict[str, str]]]:
    secrets = {
        "reader": (await services.create_token("test personal reader", Role.READER))[1],
        "scoped reader": (
            await services.create_token("test personal scoped", Role.READER, can_read_personal_data=True)
        )[1],
        "editor": (await services.create_token("test personal editor", Role.EDITOR))[1],
        "admin": (await services.create_token("test personal admin", Role.ADMIN))[1],
    }
    yield {name: {"Authorization": f"Bearer {secret}"} for name, secret in secrets.items()}
    await ApiToken.filter(name__startswith="test personal").delete()


def hidden(body: dict[str, Any]) -> list[tuple[tuple[Any, ...], str]]:
    return [(tuple(error["path"]), error["extensions"]["code"]) for error in body["errors"]]


@pytest.mark.parametrize("caller", ["anonymous", "reader"])
async def test_personal_fields_are_null_with_an_error_for_callers_without_the_right(
    gql: GraphQLClient, person: Person, bearers: dict[str, dict[str, str]], caller: str
) -> None:
    body = await gql(QUERY, {"slug": person.slug}, headers=bearers.get(caller, {}))
    assert body["data"]["person"] == {"givenName": person.given_name, "email": None, "phone": None}
    assert sorted(hidden(body)) == [(("person", "email"), "FORBIDDEN"), (("person", "phone"), "FORBIDDEN")]
    assert all(error["extensions"]["reason"] == "PERSONAL_DATA" for error in body["errors"])


@pytest.mark.parametrize("caller", ["scoped reader", "editor", "admin"])
async def test_personal_fields_are_visible_to_callers_with_the_right(
    gql: GraphQLClient, person: Person, bearers: dict[str, dict[str, str]], caller: str
) -> None:
    data = await gql.data(QUERY, {"slug": person.slug}, headers=bearers[caller])
    assert data["person"] == {"givenName": person.given_name, "email": EMAIL, "phone": PHONE}


async def test_a_list_keeps_its_data_with_one_error_per_hidden_field(gql: GraphQLClient) -> None:
    body = await gql("{ people(first: 3) { edges { node { familyName email } } } }")
    names = [edge["node"]["familyName"] for edge in body["data"]["people"]["edges"]]
    assert len(names) == 3
    assert all(name for name in names)
    assert hidden(body) == [(("people", "edges", index, "node", "email"), "FORBIDDEN") for index in range(3)]


async def test_an_answer_with_hidden_personal_data_is_not_cached(gql: GraphQLClient, person: Person) -> None:
    query = "query($slug: String!) { person(slug: $slug) { familyName email } }"
    outcomes = []
    for _ in range(2):
        response = await gql.client.post(
            "/graphql", json={"query": query, "variables": {"slug": person.slug}}
        )
        assert response.json()["errors"]
        outcomes.append(response.headers["sern-cache"])
    assert outcomes == ["miss", "miss"]


async def test_an_admin_grants_the_personal_data_scope_to_a_reader_token(
    gql: GraphQLClient, bearers: dict[str, dict[str, str]]
) -> None:
    created = await gql.data(
        'mutation { createApiToken(input: {name: "test personal granted", role: READER, '
        "canReadPersonalData: true}) { token { canReadPersonalData role } secret userErrors { code } } }",
        headers=bearers["admin"],
    )
    payload = created["createApiToken"]
    assert payload["token"] == {"canReadPersonalData": True, "role": "READER"}
    me = await gql.data("{ me { permissions } }", headers={"Authorization": f"Bearer {payload['secret']}"})
    assert me["me"]["permissions"] == ["READ_PERSONAL_DATA"]

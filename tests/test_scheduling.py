"""Scheduled publishing: due entries are published and taken down, late ones caught up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.actor import Actor
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.accounts.permissions import permissions_of
from sern_graph.content import service
from sern_graph.content.models import AuditEvent, EditorialState, Revision
from sern_graph.content.scheduling import run_due
from sern_graph.organisations.kind import ORGANISATION
from sern_graph.organisations.models import Organisation
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient

EDITOR = Actor(role=Role.EDITOR, name="test", permissions=permissions_of(Role.EDITOR))
SCHEDULE = """mutation($input: SchedulePublicationInput!) {
  schedulePublication(input: $input) {
    node { ... on Organisation { publishAt unpublishAt editorialState } } userErrors { field code }
  }
}"""


@pytest.fixture
async def entry(settings: Settings) -> AsyncIterator[tuple[Organisation, str]]:
    country_id = (await Organisation.get(slug="lulea")).country_id
    values = dict.fromkeys(ORGANISATION.fields) | {"kind": "municipality", "country_id": country_id}
    row = await service.create(ORGANISATION, values | {"slug": "test-s-entry", "name": "Scheduled"}, EDITOR)
    _, secret = await accounts.create_token("test scheduler editor", Role.EDITOR)
    yield row, f"Bearer {secret}"
    await Revision.filter(content_type="Organisation", object_id=row.id).delete()
    await AuditEvent.filter(content_type="Organisation", object_id=row.id).delete()
    await Organisation.filter(id=row.id).delete()
    await ApiToken.filter(name__startswith="test scheduler").delete()


async def test_due_entries_are_published_then_taken_down(
    gql: GraphQLClient, entry: tuple[Organisation, str]
) -> None:
    row, token = entry
    soon = datetime.now(UTC) + timedelta(hours=1)
    later = soon + timedelta(days=1)
    variables = {"input": {"id": _id(row), "publishAt": soon.isoformat(), "unpublishAt": later.isoformat()}}
    payload = (await gql.data(SCHEDULE, variables, headers={"Authorization": token}))["schedulePublication"]
    assert payload["userErrors"] == []
    assert payload["node"]["editorialState"] == "DRAFT"

    assert await run_due([ORGANISATION], now=soon - timedelta(minutes=1)) == 0
    assert await run_due([ORGANISATION], now=soon + timedelta(minutes=1)) == 1
    published = await Organisation.get(id=row.id)
    assert (published.state, published.publish_at) == (EditorialState.PUBLISHED, None)
    assert (await gql.data('{ organisation(slug: "test-s-entry") { name } }'))["organisation"] is not None

    # A run long after both times (the service was down) catches up on the take-down.
    assert await run_due([ORGANISATION], now=later + timedelta(days=3)) == 1
    taken_down = await Organisation.get(id=row.id)
    assert (taken_down.state, taken_down.unpublish_at) == (EditorialState.DRAFT, None)
    actors = await Revision.filter(content_type="Organisation", object_id=row.id).values_list(
        "actor_name", flat=True
    )
    assert actors.count("scheduler") == 2


async def test_schedule_is_validated(gql: GraphQLClient, entry: tuple[Organisation, str]) -> None:
    row, token = entry
    now = datetime.now(UTC)
    backwards = {
        "id": _id(row),
        "publishAt": now.isoformat(),
        "unpublishAt": (now - timedelta(days=1)).isoformat(),
    }
    payload = (await gql.data(SCHEDULE, {"input": backwards}, headers={"Authorization": token}))[
        "schedulePublication"
    ]
    assert payload["userErrors"] == [{"field": ["input", "unpublishAt"], "code": "END_BEFORE_START"}]
    unknown = {"id": "VGhlbWU6OTk5OTk", "publishAt": now.isoformat()}
    payload = (await gql.data(SCHEDULE, {"input": unknown}, headers={"Authorization": token}))[
        "schedulePublication"
    ]
    assert payload["userErrors"][0]["code"] == "NOT_FOUND"
    assert (await Organisation.get(id=row.id)).publish_at is None
    anonymous = await gql(SCHEDULE, {"input": {"id": _id(row), "publishAt": now.isoformat()}})
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


def _id(row: Organisation) -> str:
    from sern_graph.core.ids import encode_global_id

    return encode_global_id("Organisation", row.id)

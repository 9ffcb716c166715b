"""Preview: drafts and pending edits for preview-capable tokens only, through every link."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.actor import Actor
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.accounts.permissions import permissions_of
from sern_graph.content import service
from sern_graph.content.models import AuditEvent, Revision
from sern_graph.organisations.kind import ORGANISATION
from sern_graph.organisations.models import Organisation
from sern_graph.projects.models import Project, ProjectPartnership
from sern_graph.settings import Settings
from tests.conftest import GraphQLClient

EDITOR = Actor(
    role=Role.EDITOR, token_id=None, user_id=None, name="test", permissions=permissions_of(Role.EDITOR)
)
ORG = 'query($preview: Boolean = false) { organisation(slug: "test-p-draft", preview: $preview) { name } }'
PARTNERS = """query($preview: Boolean = false) {
  project(slug: "ntt-plus", preview: $preview) { partners(first: 100) { totalCount edges { node { slug } } } }
}"""


@pytest.fixture
async def setup(settings: Settings) -> AsyncIterator[dict[str, str]]:
    """A draft organisation that is a (published) partner of a published project, a published
    organisation with a pending edit, and tokens with and without preview."""
    country_id = (await Organisation.get(slug="lulea")).country_id
    values = dict.fromkeys(ORGANISATION.fields) | {"kind": "municipality", "country_id": country_id}
    draft = await service.create(ORGANISATION, values | {"slug": "test-p-draft", "name": "Draft org"}, EDITOR)
    edited = await service.create(
        ORGANISATION, values | {"slug": "test-p-edited", "name": "Old name"}, EDITOR
    )
    edited = await service.publish(ORGANISATION, edited.id, EDITOR)
    await service.update(ORGANISATION, edited.id, {"name": "New name"}, edited.version, EDITOR)
    project = await Project.get(slug="ntt-plus")
    await ProjectPartnership.create(project=project, organisation=draft, state="published")
    _, preview_secret = await accounts.create_token("test preview", Role.READER, can_preview=True)
    _, reader_secret = await accounts.create_token("test no preview", Role.READER)
    yield {"preview": f"Bearer {preview_secret}", "reader": f"Bearer {reader_secret}"}
    ids = await Organisation.filter(slug__startswith="test-p-").values_list("id", flat=True)
    await Revision.filter(content_type="Organisation", object_id__in=ids).delete()
    await AuditEvent.filter(content_type="Organisation", object_id__in=ids).delete()
    await Organisation.filter(id__in=ids).delete()
    await ApiToken.filter(name__startswith="test ").delete()


async def test_preview_token_sees_drafts_through_links(gql: GraphQLClient, setup: dict[str, str]) -> None:
    headers = {"Authorization": setup["preview"]}
    assert (await gql.data(ORG, {"preview": True}, headers=headers))["organisation"] == {"name": "Draft org"}
    previewed = (await gql.data(PARTNERS, {"preview": True}, headers=headers))["project"]["partners"]
    public = (await gql.data(PARTNERS))["project"]["partners"]
    assert "test-p-draft" in [edge["node"]["slug"] for edge in previewed["edges"]]
    assert "test-p-draft" not in [edge["node"]["slug"] for edge in public["edges"]]
    assert previewed["totalCount"] == public["totalCount"] + 1


async def test_preview_header_works_like_the_argument(gql: GraphQLClient, setup: dict[str, str]) -> None:
    headers = {"Authorization": setup["preview"], "SERN-Preview": "true"}
    assert (await gql.data(ORG, headers=headers))["organisation"] == {"name": "Draft org"}


async def test_preview_shows_pending_edits_the_public_does_not(
    gql: GraphQLClient, setup: dict[str, str]
) -> None:
    query = 'query($p: Boolean = false) { organisation(slug: "test-p-edited", preview: $p) { name } }'
    assert (await gql.data(query))["organisation"] == {"name": "Old name"}
    previewed = await gql.data(query, {"p": True}, headers={"Authorization": setup["preview"]})
    assert previewed["organisation"] == {"name": "New name"}
    assert (await gql.data(query))["organisation"] == {"name": "Old name"}


@pytest.mark.parametrize(("who", "code"), [("anonymous", "UNAUTHENTICATED"), ("reader", "FORBIDDEN")])
async def test_preview_is_refused_without_permission(
    gql: GraphQLClient, setup: dict[str, str], who: str, code: str
) -> None:
    headers = {"Authorization": setup["reader"]} if who == "reader" else {}
    for body in (
        await gql(ORG, {"preview": True}, headers=headers),
        await gql(ORG, headers=headers | {"SERN-Preview": "true"}),
    ):
        assert body["data"] is None
        assert body["errors"][0]["extensions"]["code"] == code
    assert (await gql.data(ORG, headers=headers))["organisation"] is None


async def test_archived_entries_stay_hidden_in_preview(gql: GraphQLClient, setup: dict[str, str]) -> None:
    draft = await Organisation.get(slug="test-p-draft")
    await service.archive(ORGANISATION, draft.id, EDITOR)
    previewed = await gql.data(ORG, {"preview": True}, headers={"Authorization": setup["preview"]})
    assert previewed["organisation"] is None

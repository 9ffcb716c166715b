"""GraphQL fields every content type shares: provenance and timestamps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from sern_graph.accounts.permissions import Permission
from sern_graph.content import models
from sern_graph.content.models import EditorialState, RevisionAction
from sern_graph.content.service import require
from sern_graph.context import Context
from sern_graph.core.enums import graphql_enum
from sern_graph.core.ids import encode_global_id
from sern_graph.core.node import Node


@strawberry.type(description="Where a fact comes from: a public page.")
class Source:
    url: str = strawberry.field(description="Address of the source.")
    title: str = strawberry.field(description="Publisher and title of the source.")


graphql_enum(
    EditorialState,
    name="EditorialState",
    description="Where an entry is in the editorial workflow.",
    values={
        "draft": "Being written; only editors see it.",
        "published": "Public. Later edits wait in a draft until published again.",
        "archived": "Withdrawn from public reads; kept with its history.",
    },
)


graphql_enum(
    RevisionAction,
    name="RevisionAction",
    description="The write that made a revision.",
    values={
        "create": "The entry was created.",
        "update": "Fields were changed.",
        "publish": "The entry was published.",
        "unpublish": "The entry was taken off the public site.",
        "archive": "The entry was archived.",
        "restore": "An earlier revision was restored.",
    },
)


@strawberry.type(name="Revision", description="An entry's editable fields as saved by one write.")
class RevisionRecord:
    row: strawberry.Private[models.Revision]

    @strawberry.field(description="Globally unique, opaque ID; give it to `restoreRevision`.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id("Revision", self.row.id))

    @strawberry.field(description="The entry's version after this write.")
    def version(self) -> int:
        return self.row.version

    @strawberry.field(description="What the write did.")
    def action(self) -> RevisionAction:
        return RevisionAction(self.row.action)

    @strawberry.field(description="The entry's editorial state after this write.")
    def state(self) -> EditorialState:
        return EditorialState(self.row.state)

    @strawberry.field(description="When the write happened.")
    def created_at(self) -> datetime:
        return self.row.created_at

    @strawberry.field(description="Who wrote it: the token (and its name) that was used.")
    def author(self) -> str:
        return self.row.actor_name

    @strawberry.field(description="The fields this write changed (database column names).")
    def changed_fields(self) -> list[str]:
        return list(self.row.changed_fields)

    @strawberry.field(description="Every editable field after this write (database column names).")
    def snapshot(self) -> JSON:
        return JSON(self.row.snapshot)


@strawberry.interface(description="Editorial content: published, versioned and sourced.")
class Content(Node):
    @strawberry.field(description="Draft, published or archived. The public sees published entries only.")
    def editorial_state(self) -> EditorialState:
        return EditorialState(self.row.state)

    @strawberry.field(description="Whether edits to this published entry wait to be published.")
    def has_unpublished_changes(self) -> bool:
        return self.row.draft is not None

    @strawberry.field(description="When the entry is due to be published (scheduled publishing).")
    def publish_at(self) -> datetime | None:
        value: datetime | None = self.row.publish_at
        return value

    @strawberry.field(description="When the entry is due to be taken off the public site.")
    def unpublish_at(self) -> datetime | None:
        value: datetime | None = self.row.unpublish_at
        return value

    @strawberry.field(description="Every saved version of the entry, newest first. Editors only.")
    async def revisions(self, info: Info[Context, None]) -> list[RevisionRecord]:
        require(info.context.actor, Permission.READ_REVISIONS)
        rows = await info.context.loaders.revisions_by_entry.load((type(self).__name__, self.row.id))
        return [RevisionRecord(row=row) for row in rows]

    @strawberry.field(description="When the entry was created.")
    def created_at(self) -> datetime:
        value: datetime = self.row.created_at
        return value

    @strawberry.field(description="When the entry was last changed.")
    def updated_at(self) -> datetime:
        value: datetime = self.row.updated_at
        return value

    @strawberry.field(description="When the entry was last published.")
    def published_at(self) -> datetime | None:
        value: datetime | None = self.row.published_at
        return value

    @strawberry.field(description="Revision counter; increases with every saved change.")
    def version(self) -> int:
        value: int = self.row.version
        return value

    @strawberry.field(description="The public sources the entry's facts come from.")
    def sources(self) -> list[Source]:
        items: list[dict[str, Any]] = self.row.sources or []
        return [Source(url=item["url"], title=item["title"]) for item in items]

    @strawberry.field(
        description="An editor's remark on the entry's certainty, e.g. dates that are approximate."
    )
    def note(self) -> str | None:
        value: str | None = self.row.note
        return value

"""GraphQL fields every content type shares: provenance and timestamps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry

from sern_graph.core.node import Node


@strawberry.type(description="Where a fact comes from: a public page.")
class Source:
    url: str = strawberry.field(description="Address of the source.")
    title: str = strawberry.field(description="Publisher and title of the source.")


@strawberry.interface(description="Editorial content: published, versioned and sourced.")
class Content(Node):
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

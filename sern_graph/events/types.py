"""GraphQL type of events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content.period import Period
from sern_graph.content.types import Content
from sern_graph.context import Context
from sern_graph.core.localization import (
    LocalizedText,
    Translation,
    resolve_text,
    text,
    translations,
)
from sern_graph.events.enums import EventKind

if TYPE_CHECKING:
    from sern_graph.geography.types import Country
    from sern_graph.organisations.types import Organisation
    from sern_graph.projects.types import Project


@strawberry.type(description="A General Assembly, board meeting, seminar or other event.")
class Event(Content, Period):
    @strawberry.field(description="URL-safe unique key, e.g. `general-assembly-2017`.")
    def slug(self) -> str:
        return str(self.row.slug)

    @strawberry.field(description="Title in the request's locale (with fallback).")
    def title(self) -> str | None:
        return text(self.row, "title", self.chain)

    @strawberry.field(description="The title with the locale actually served.")
    def title_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "title", self.chain)

    @strawberry.field(description="Every localized text of this entry in every locale.")
    def translations(self) -> list[Translation]:
        return translations(self.row, (("title", "title"),))

    @strawberry.field(description="What kind of event it is.")
    def kind(self) -> EventKind:
        return EventKind(self.row.kind)

    @strawberry.field(description="City where it takes place; null for online or unknown.")
    def venue_city(self) -> str | None:
        return self.row.venue_city  # type: ignore[no-any-return]

    @strawberry.field(description="The organisation hosting it.")
    async def host(
        self, info: Info[Context, None]
    ) -> Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")] | None:
        from sern_graph.organisations.types import Organisation

        if self.row.host_id is None:
            return None
        row = await info.context.loaders.organisation_by_id.load(self.row.host_id)
        return Organisation(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The country it takes place in.")
    async def country(
        self, info: Info[Context, None]
    ) -> Annotated[Country, strawberry.lazy("sern_graph.geography.types")] | None:
        from sern_graph.geography.types import Country

        if self.row.country_id is None:
            return None
        row = await info.context.loaders.country_by_id.load(self.row.country_id)
        return Country(row=row, chain=self.chain) if row else None

    @strawberry.field(description="Projects the event belongs to.")
    async def projects(
        self, info: Info[Context, None]
    ) -> list[Annotated[Project, strawberry.lazy("sern_graph.projects.types")]]:
        from sern_graph.projects.types import Project

        rows = await info.context.loaders.projects_by_event.load(self.row.id)
        return [Project(row=row, chain=self.chain) for row in rows]

    @strawberry.field(description="Organisations taking part, by name.")
    async def participants(
        self, info: Info[Context, None]
    ) -> list[Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")]]:
        from sern_graph.organisations.types import Organisation

        rows = await info.context.loaders.participants_by_event.load(self.row.id)
        return [Organisation(row=row, chain=self.chain) for row in rows]

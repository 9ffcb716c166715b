"""GraphQL types of countries and regions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content.types import Content
from sern_graph.context import Context
from sern_graph.core.loading import ChildKey
from sern_graph.core.localization import (
    LocalizedText,
    Translation,
    resolve_text,
    text,
    translations,
)
from sern_graph.core.pagination import (
    AfterArg,
    BeforeArg,
    Connection,
    FirstArg,
    LastArg,
    Page,
    connection,
)
from sern_graph.events.filters import (
    EventFilterArg,
    EventOrderArg,
    EventOrderBy,
    EventSpec,
)
from sern_graph.organisations.filters import (
    OrganisationFilterArg,
    OrganisationOrderArg,
    OrganisationOrderBy,
    OrganisationSpec,
)

if TYPE_CHECKING:
    from sern_graph.events.types import Event
    from sern_graph.organisations.types import Organisation

LOCALIZED = (("name", "name"),)
LevelsArg = Annotated[
    list[int] | None, strawberry.argument(description="Only regions of these NUTS levels (1, 2, 3).")
]


@strawberry.type(description="A country (ISO 3166-1).")
class Country(Content):
    @strawberry.field(description="ISO 3166-1 alpha-2 code, e.g. `SE`, `IT`.")
    def code(self) -> str:
        return str(self.row.code)

    @strawberry.field(description="Name in the request's locale (with fallback).")
    def name(self) -> str | None:
        return text(self.row, "name", self.chain)

    @strawberry.field(description="The name with the locale actually served.")
    def name_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "name", self.chain)

    @strawberry.field(description="Every localized text of this entry in every locale.")
    def translations(self) -> list[Translation]:
        return translations(self.row, LOCALIZED)

    @strawberry.field(description="Whether the country is a member of the European Union.")
    def eu_member(self) -> bool:
        return bool(self.row.eu_member)

    @strawberry.field(description="Its NUTS regions, by code.")
    async def regions(self, info: Info[Context, None], levels: LevelsArg = None) -> list[Region]:
        rows = await info.context.loaders.regions_by_country.load(self.row.id)
        return [Region(row=row, chain=self.chain) for row in rows if levels is None or row.level in levels]

    @strawberry.field(description="Organisations in the country.")
    async def organisations(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: OrganisationFilterArg = None,
        order_by: OrganisationOrderArg = OrganisationOrderBy.NAME_ASC,
    ) -> Connection[Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")]]:
        from sern_graph.organisations.types import Organisation

        spec = OrganisationSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.organisations_by_country.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Organisation(row=row, chain=self.chain))

    @strawberry.field(description="Events held in the country.")
    async def events(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: EventFilterArg = None,
        order_by: EventOrderArg = EventOrderBy.START_DATE_DESC,
    ) -> Connection[Annotated[Event, strawberry.lazy("sern_graph.events.types")]]:
        from sern_graph.events.types import Event

        spec = EventSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.events_by_country.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Event(row=row, chain=self.chain))


@strawberry.type(description="A NUTS statistical region, e.g. SE332 Norrbotten or ITH5 Emilia-Romagna.")
class Region(Content):
    @strawberry.field(description="NUTS code, e.g. `SE332`.")
    def code(self) -> str:
        return str(self.row.code)

    @strawberry.field(description="Name in the request's locale (with fallback).")
    def name(self) -> str | None:
        return text(self.row, "name", self.chain)

    @strawberry.field(description="The name with the locale actually served.")
    def name_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "name", self.chain)

    @strawberry.field(description="Every localized text of this entry in every locale.")
    def translations(self) -> list[Translation]:
        return translations(self.row, LOCALIZED)

    @strawberry.field(description="NUTS level: 1, 2 or 3.")
    def level(self) -> int:
        return int(self.row.level)

    @strawberry.field(description="The country the region is in.")
    async def country(self, info: Info[Context, None]) -> Country | None:
        row = await info.context.loaders.country_by_id.load(self.row.country_id)
        return Country(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The region one NUTS level up.")
    async def parent(self, info: Info[Context, None]) -> Region | None:
        if self.row.parent_id is None:
            return None
        row = await info.context.loaders.region_by_id.load(self.row.parent_id)
        return Region(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The regions one NUTS level down, by code.")
    async def children(self, info: Info[Context, None]) -> list[Region]:
        rows = await info.context.loaders.regions_by_parent.load(self.row.id)
        return [Region(row=row, chain=self.chain) for row in rows]

    @strawberry.field(description="Organisations in the region.")
    async def organisations(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: OrganisationFilterArg = None,
        order_by: OrganisationOrderArg = OrganisationOrderBy.NAME_ASC,
        include_subregions: Annotated[
            bool, strawberry.argument(description="Also organisations in its sub-regions.")
        ] = False,
    ) -> Connection[Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")]]:
        from sern_graph.organisations.types import Organisation

        spec = OrganisationSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        loader = (
            info.context.loaders.organisations_in_region_tree
            if include_subregions
            else info.context.loaders.organisations_by_region
        )
        rows = await loader.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Organisation(row=row, chain=self.chain))

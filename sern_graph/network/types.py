"""The `network` root field: live counts over the whole network."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from sern_graph.context import Context
from sern_graph.core.localization import LocaleChain
from sern_graph.network import stats
from sern_graph.organisations.enums import OrganisationKind

if TYPE_CHECKING:
    from sern_graph.geography.types import Country, Region
    from sern_graph.themes.types import Theme


@strawberry.type(description="Number of members in one country.")
class CountryCount:
    country: Annotated[Country, strawberry.lazy("sern_graph.geography.types")] | None = strawberry.field(
        description="The country."
    )
    count: int = strawberry.field(description="Number of members.")


@strawberry.type(description="Number of members in one region (null: members with no region).")
class RegionCount:
    region: Annotated[Region, strawberry.lazy("sern_graph.geography.types")] | None = strawberry.field(
        description="The region, or null for members without a region."
    )
    count: int = strawberry.field(description="Number of members.")


@strawberry.type(description="Number of members of one kind.")
class KindCount:
    kind: OrganisationKind = strawberry.field(description="The kind of organisation.")
    count: int = strawberry.field(description="Number of members.")


@strawberry.type(description="Number of projects on one theme.")
class ThemeCount:
    theme: Annotated[Theme, strawberry.lazy("sern_graph.themes.types")] | None = strawberry.field(
        description="The theme."
    )
    count: int = strawberry.field(description="Number of projects.")


@strawberry.type(description="Number of projects funded by one programme.")
class ProgrammeCount:
    programme: str | None = strawberry.field(description="The programme, or null when not recorded.")
    count: int = strawberry.field(description="Number of projects.")


@strawberry.type(description="Live figures of the whole network, computed from its content.")
class Network:
    as_of: date = strawberry.field(description="The date membership figures refer to.")
    chain: strawberry.Private[LocaleChain]

    @strawberry.field(description="Number of member organisations on `asOf`.")
    async def member_count(self) -> int:
        return await stats.member_count(self.as_of)

    @strawberry.field(description="Members per country, largest first.")
    async def members_by_country(self, info: Info[Context, None]) -> list[CountryCount]:
        from sern_graph.geography.types import Country

        groups = await stats.members_grouped(self.as_of, "country_id")
        rows = await info.context.loaders.country_by_id.load_many([int(str(key)) for key, _ in groups])
        return [
            CountryCount(country=Country(row=row, chain=self.chain) if row else None, count=count)
            for row, (_, count) in zip(rows, groups, strict=True)
        ]

    @strawberry.field(description="Members per region, largest first.")
    async def members_by_region(self, info: Info[Context, None]) -> list[RegionCount]:
        from sern_graph.geography.types import Region

        groups = await stats.members_grouped(self.as_of, "region_id")
        rows = await info.context.loaders.region_by_id.load_many([int(str(key or 0)) for key, _ in groups])
        return [
            RegionCount(region=Region(row=row, chain=self.chain) if row else None, count=count)
            for row, (_, count) in zip(rows, groups, strict=True)
        ]

    @strawberry.field(description="Members per kind of organisation, largest first.")
    async def members_by_kind(self) -> list[KindCount]:
        return [
            KindCount(kind=OrganisationKind(str(kind)), count=count)
            for kind, count in await stats.members_grouped(self.as_of, "kind")
        ]

    @strawberry.field(description="Published projects per theme, largest first.")
    async def projects_by_theme(self, info: Info[Context, None]) -> list[ThemeCount]:
        from sern_graph.themes.types import Theme

        groups = await stats.projects_by_theme()
        rows = await info.context.loaders.theme_by_id.load_many([key for key, _ in groups])
        return [
            ThemeCount(theme=Theme(row=row, chain=self.chain) if row else None, count=count)
            for row, (_, count) in zip(rows, groups, strict=True)
        ]

    @strawberry.field(description="Published projects per funding programme, largest first.")
    async def projects_by_programme(self) -> list[ProgrammeCount]:
        return [
            ProgrammeCount(programme=programme, count=count)
            for programme, count in await stats.projects_by_programme()
        ]

"""Root fields of the geography domain."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content.visibility import published
from sern_graph.context import Context
from sern_graph.core.lookup import LocaleArg, PreviewArg
from sern_graph.geography import models
from sern_graph.geography.types import Country, LevelsArg, Region


@strawberry.type
class GeographyQuery:
    @strawberry.field(description="All countries in the graph, by code.")
    async def countries(
        self, info: Info[Context, None], locale: LocaleArg = None, preview: PreviewArg = False
    ) -> list[Country]:
        chain = info.context.chain(locale)
        return [
            Country(row=row, chain=chain) for row in await models.Country.filter(published()).order_by("code")
        ]

    @strawberry.field(description="One country, by ISO 3166-1 alpha-2 code.")
    async def country(
        self,
        info: Info[Context, None],
        code: Annotated[str, strawberry.argument(description="ISO 3166-1 alpha-2 code, e.g. `SE`.")],
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Country | None:
        row = await models.Country.get_or_none(published(), code=code.upper())
        return Country(row=row, chain=info.context.chain(locale)) if row else None

    @strawberry.field(description="NUTS regions in the graph, by code.")
    async def regions(
        self,
        info: Info[Context, None],
        country_code: Annotated[
            str | None, strawberry.argument(description="Only regions of this country.")
        ] = None,
        levels: LevelsArg = None,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> list[Region]:
        chain = info.context.chain(locale)
        queryset = models.Region.filter(published())
        if country_code is not None:
            queryset = queryset.filter(country__code=country_code.upper())
        if levels is not None:
            queryset = queryset.filter(level__in=levels)
        return [Region(row=row, chain=chain) for row in await queryset.order_by("code")]

    @strawberry.field(description="One region, by NUTS code.")
    async def region(
        self,
        info: Info[Context, None],
        code: Annotated[str, strawberry.argument(description="NUTS code, e.g. `SE332`.")],
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Region | None:
        row = await models.Region.get_or_none(published(), code=code.upper())
        return Region(row=row, chain=info.context.chain(locale)) if row else None

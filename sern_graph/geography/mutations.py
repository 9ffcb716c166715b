"""Mutations of countries and NUTS regions: create, update, publish, unpublish, archive."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content import service
from sern_graph.content.graphql import UserError
from sern_graph.content.inputs import object_id
from sern_graph.content.models import ContentModel
from sern_graph.content.outcome import outcome
from sern_graph.content.workflow import workflow_mutations
from sern_graph.context import Context
from sern_graph.geography.inputs import (
    CreateCountryInput,
    CreateRegionInput,
    UpdateCountryInput,
    UpdateRegionInput,
    country_columns,
    region_columns,
)
from sern_graph.geography.kind import COUNTRY, REGION
from sern_graph.geography.types import Country, Region


@strawberry.type(description="The result of a country mutation.")
class CountryPayload:
    country: Country | None = strawberry.field(
        description="The country as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.type(description="The result of a region mutation.")
class RegionPayload:
    region: Region | None = strawberry.field(
        description="The region as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


def _country(info: Info[Context, None], row: ContentModel | None, errors: list[UserError]) -> CountryPayload:
    chain = info.context.chain(None)
    return CountryPayload(
        country=Country(row=row, chain=chain) if row is not None else None, user_errors=errors
    )


def _region(info: Info[Context, None], row: ContentModel | None, errors: list[UserError]) -> RegionPayload:
    chain = info.context.chain(None)
    return RegionPayload(region=Region(row=row, chain=chain) if row is not None else None, user_errors=errors)


@strawberry.type
class GeographyMutation:
    @strawberry.mutation(description="Create a country as a draft. Editors and admins.")
    async def create_country(
        self,
        info: Info[Context, None],
        input: Annotated[CreateCountryInput, strawberry.argument(description="The country.")],
    ) -> CountryPayload:
        row, errors = await outcome(service.create(COUNTRY, country_columns(input), info.context.actor))
        return _country(info, row, errors)

    @strawberry.mutation(description="Change a country's fields. Editors and admins.")
    async def update_country(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateCountryInput, strawberry.argument(description="The changes.")],
    ) -> CountryPayload:
        pk = object_id(input.id, "Country") or 0
        write = service.update(COUNTRY, pk, country_columns(input), input.version, info.context.actor)
        row, errors = await outcome(write)
        return _country(info, row, errors)

    publish_country, unpublish_country, archive_country = workflow_mutations(
        COUNTRY, "a country", _country, CountryPayload
    )

    @strawberry.mutation(description="Create a NUTS region as a draft. Editors and admins.")
    async def create_region(
        self,
        info: Info[Context, None],
        input: Annotated[CreateRegionInput, strawberry.argument(description="The region.")],
    ) -> RegionPayload:
        columns = await region_columns(input)
        row, errors = await outcome(service.create(REGION, columns, info.context.actor))
        return _region(info, row, errors)

    @strawberry.mutation(description="Change a NUTS region's fields. Editors and admins.")
    async def update_region(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateRegionInput, strawberry.argument(description="The changes.")],
    ) -> RegionPayload:
        pk = object_id(input.id, "Region") or 0
        columns = await region_columns(input)
        row, errors = await outcome(service.update(REGION, pk, columns, input.version, info.context.actor))
        return _region(info, row, errors)

    publish_region, unpublish_region, archive_region = workflow_mutations(
        REGION, "a NUTS region", _region, RegionPayload, argument="The region and its version."
    )

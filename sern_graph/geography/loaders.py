"""Batch functions for countries and regions: one query per batch."""

from __future__ import annotations

from collections.abc import Sequence

from tortoise.expressions import Q

from sern_graph.content.visibility import published
from sern_graph.core.loading import grouped, in_key_order
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.filters import OrganisationSpec
from sern_graph.organisations.models import Organisation


async def countries_by_id(keys: Sequence[int]) -> list[Country | None]:
    rows = await Country.filter(published(), id__in=keys)
    return in_key_order(keys, rows, lambda row: row.id)


async def regions_by_id(keys: Sequence[int]) -> list[Region | None]:
    rows = await Region.filter(published(), id__in=keys)
    return in_key_order(keys, rows, lambda row: row.id)


async def regions_by_country(keys: Sequence[int]) -> list[list[Region]]:
    rows = await Region.filter(published(), country_id__in=keys).order_by("code")
    return grouped(keys, rows, lambda row: row.country_id)


async def regions_by_parent(keys: Sequence[int]) -> list[list[Region]]:
    rows = await Region.filter(published(), parent_id__in=keys).order_by("code")
    return grouped(keys, rows, lambda row: row.parent_id or 0)


async def organisations_in_region_tree(
    ids: list[int], spec: OrganisationSpec
) -> list[tuple[int, Organisation]]:
    """Organisations in a region or any of its sub-regions (NUTS codes nest by prefix)."""
    parents = await Region.filter(id__in=ids).values_list("id", "code")
    if not parents:
        return []
    in_any = Q(*(Q(region__code__startswith=code) for _, code in parents), join_type=Q.OR)
    rows = await spec.query().filter(in_any)
    codes = dict(await Region.filter(id__in={row.region_id for row in rows}).values_list("id", "code"))
    return [
        (parent_id, row)
        for row in rows
        for parent_id, parent_code in parents
        if str(codes[row.region_id]).startswith(parent_code)
    ]

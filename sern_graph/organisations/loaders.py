"""Batch functions for organisations and memberships: one query per batch."""

from __future__ import annotations

from collections.abc import Sequence

from sern_graph.content.visibility import published
from sern_graph.core.loading import grouped, in_key_order, through_pairs
from sern_graph.core.ordering import oldest_first
from sern_graph.organisations.filters import OrganisationSpec
from sern_graph.organisations.models import Membership, Organisation


async def organisations_by_id(keys: Sequence[int]) -> list[Organisation | None]:
    rows = await Organisation.filter(published(), id__in=keys)
    return in_key_order(keys, rows, lambda row: row.id)


async def organisations_by_region(ids: list[int], spec: OrganisationSpec) -> list[tuple[int, Organisation]]:
    return [(row.region_id or 0, row) for row in await spec.query().filter(region_id__in=ids)]


async def organisations_by_country(ids: list[int], spec: OrganisationSpec) -> list[tuple[int, Organisation]]:
    return [(row.country_id, row) for row in await spec.query().filter(country_id__in=ids)]


async def organisations_by_parent(ids: list[int], spec: OrganisationSpec) -> list[tuple[int, Organisation]]:
    return [(row.parent_id or 0, row) for row in await spec.query().filter(parent_id__in=ids)]


async def organisations_by_theme(ids: list[int], spec: OrganisationSpec) -> list[tuple[int, Organisation]]:
    pairs = await Organisation.filter(themes__id__in=ids).values_list("themes__id", "id")
    rows = await spec.query().filter(id__in={child for _, child in pairs})
    return through_pairs(pairs, rows, lambda row: row.id)


async def memberships_by_organisation(keys: Sequence[int]) -> list[list[Membership]]:
    rows = await oldest_first(Membership.filter(published(), organisation_id__in=keys))
    return grouped(keys, rows, lambda row: row.organisation_id)

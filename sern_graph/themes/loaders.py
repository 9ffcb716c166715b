"""Batch functions for themes: a fixed number of queries per batch."""

from __future__ import annotations

from collections.abc import Sequence

from sern_graph.content.visibility import published
from sern_graph.core.loading import grouped, in_key_order, through_pairs
from sern_graph.themes.models import Theme


async def themes_by_id(keys: Sequence[int]) -> list[Theme | None]:
    rows = await Theme.filter(published(), id__in=keys)
    return in_key_order(keys, rows, lambda row: row.id)


async def _themes_through(keys: Sequence[int], relation: str) -> list[list[Theme]]:
    pairs = await Theme.filter(**{f"{relation}__id__in": keys}).values_list(f"{relation}__id", "id")
    rows = await Theme.filter(published(), id__in={child for _, child in pairs}).order_by("slug")
    return [
        [row for _, row in group]
        for group in grouped(keys, through_pairs(pairs, rows, lambda row: row.id), lambda pair: pair[0])
    ]


async def themes_by_organisation(keys: Sequence[int]) -> list[list[Theme]]:
    return await _themes_through(keys, "organisations")


async def themes_by_project(keys: Sequence[int]) -> list[list[Theme]]:
    return await _themes_through(keys, "projects")

"""Batch functions for events: a fixed number of queries per batch."""

from __future__ import annotations

from collections.abc import Sequence

from sern_graph.content.visibility import published
from sern_graph.core.loading import grouped, in_key_order, through_pairs
from sern_graph.events.filters import EventSpec
from sern_graph.events.models import Event
from sern_graph.organisations.models import Organisation
from sern_graph.projects.models import Project


async def events_by_id(keys: Sequence[int]) -> list[Event | None]:
    rows = await Event.filter(published(), id__in=keys)
    return in_key_order(keys, rows, lambda row: row.id)


async def events_by_organisation(ids: list[int], spec: EventSpec) -> list[tuple[int, Event]]:
    """Events an organisation hosts or takes part in, each once."""
    taking_part = await Event.filter(participants__id__in=ids).values_list("participants__id", "id")
    hosting = await Event.filter(host_id__in=ids).values_list("host_id", "id")
    pairs = set(taking_part) | set(hosting)
    rows = await spec.query().filter(id__in={event_id for _, event_id in pairs})
    return through_pairs(sorted(pairs), rows, lambda row: row.id)


async def events_by_project(ids: list[int], spec: EventSpec) -> list[tuple[int, Event]]:
    pairs = await Event.filter(projects__id__in=ids).values_list("projects__id", "id")
    rows = await spec.query().filter(id__in={event_id for _, event_id in pairs})
    return through_pairs(pairs, rows, lambda row: row.id)


async def events_by_country(ids: list[int], spec: EventSpec) -> list[tuple[int, Event]]:
    return [(row.country_id or 0, row) for row in await spec.query().filter(country_id__in=ids)]


async def participants_by_event(keys: Sequence[int]) -> list[list[Organisation]]:
    pairs = await Organisation.filter(events__id__in=keys).values_list("events__id", "id")
    rows = await Organisation.filter(published(), id__in={child for _, child in pairs}).order_by("name", "id")
    return [
        [row for _, row in group]
        for group in grouped(keys, through_pairs(pairs, rows, lambda row: row.id), lambda pair: pair[0])
    ]


async def projects_by_event(keys: Sequence[int]) -> list[list[Project]]:
    pairs = await Project.filter(events__id__in=keys).values_list("events__id", "id")
    rows = await Project.filter(published(), id__in={child for _, child in pairs}).order_by(
        "start_date", "id"
    )
    return [
        [row for _, row in group]
        for group in grouped(keys, through_pairs(pairs, rows, lambda row: row.id), lambda pair: pair[0])
    ]

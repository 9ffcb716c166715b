"""Mutation inputs for events, and their conversion to the service's column values."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from sern_graph.content.inputs import (
    LocalizedTextInput,
    first_slug,
    given,
    given_ids,
    given_localized,
    given_period,
    given_texts,
    given_values,
    id_of_code,
)
from sern_graph.events.enums import EventKind
from sern_graph.geography.models import Country


@strawberry.input(description="A new event; it starts as a draft.")
class CreateEventInput:
    title: LocalizedTextInput = strawberry.field(description="Title; required in at least one locale.")
    kind: EventKind = strawberry.field(description="What kind of event it is.")
    slug: str | None = strawberry.field(
        default=None, description="URL key; made from the title and the start year if left out."
    )
    start_date: date | None = strawberry.field(default=None, description="First day.")
    end_date: date | None = strawberry.field(default=None, description="Last day; not before the first.")
    dates_approximate: bool = strawberry.field(
        default=False, description="Whether the dates are approximate."
    )
    venue_city: str | None = strawberry.field(default=None, description="City where it takes place.")
    country_code: str | None = strawberry.field(
        default=None, description="ISO 3166-1 alpha-2 code of the country it takes place in."
    )
    host_id: strawberry.ID | None = strawberry.field(default=None, description="The organisation hosting it.")
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to an event; fields left out keep their values.")
class UpdateEventInput:
    id: strawberry.ID = strawberry.field(description="The event.")
    version: int = strawberry.field(description="The version the change is based on.")
    slug: str | None = strawberry.field(default=strawberry.UNSET, description="URL key.")
    title: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Title; locales left out keep their text."
    )
    kind: EventKind | None = strawberry.field(default=strawberry.UNSET, description="Kind of event.")
    start_date: date | None = strawberry.field(default=strawberry.UNSET, description="First day.")
    end_date: date | None = strawberry.field(default=strawberry.UNSET, description="Last day.")
    dates_approximate: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether the dates are approximate; null means no."
    )
    venue_city: str | None = strawberry.field(default=strawberry.UNSET, description="City.")
    country_code: str | None = strawberry.field(default=strawberry.UNSET, description="Country code.")
    host_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Host organisation."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


@strawberry.input(description="The organisations taking part in an event; replaces the current set.")
class SetEventParticipantsInput:
    id: strawberry.ID = strawberry.field(description="The event.")
    organisation_ids: list[strawberry.ID] = strawberry.field(description="Every participating organisation.")
    version: int | None = strawberry.field(default=None, description="The version the change is based on.")


@strawberry.input(description="The projects an event belongs to; replaces the current set.")
class SetEventProjectsInput:
    id: strawberry.ID = strawberry.field(description="The event.")
    project_ids: list[strawberry.ID] = strawberry.field(description="Every project the event belongs to.")
    version: int | None = strawberry.field(default=None, description="The version the change is based on.")


def event_slug(title: LocalizedTextInput, start: date | None) -> str | None:
    """The slug made from the title (English, Swedish, Italian first) and the start year."""
    texts = title.columns("title")
    base = first_slug(texts.get("title_en"), texts.get("title_sv"), texts.get("title_it"))
    if base is None:
        return None
    return f"{base[:95].strip('-')}-{start.year}" if start is not None else base


async def to_columns(data: CreateEventInput | UpdateEventInput) -> dict[str, Any]:
    """The column values the input sets; unknown codes and IDs become 0, which validation reports."""
    columns: dict[str, Any] = {
        **given_texts(data, "slug", "venue_city", "note"),
        **given_values(data, "kind"),
        **given_period(data),
        **given_localized(data, "title"),
    }
    if given(data.country_code):
        columns["country_id"] = await id_of_code(Country, data.country_code)
    columns.update(given_ids(data, host_id="Organisation"))
    return columns

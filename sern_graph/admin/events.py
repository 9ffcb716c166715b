"""Events in the admin: title in each locale, kind, dates, place and host, and the projects and
organisations taking part."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from sern_graph.admin import choices
from sern_graph.admin.fields import FormField
from sern_graph.admin.kinds import AdminKind, Column, LinkField, ListFilter, Order
from sern_graph.content.inputs import LocalizedTextInput
from sern_graph.content.models import ContentModel
from sern_graph.events.inputs import event_slug
from sern_graph.events.kind import EVENT
from sern_graph.events.models import Event, EventKind


def _event(row: ContentModel) -> Event:
    return cast(Event, row)


async def _slug(values: Mapping[str, Any]) -> str | None:
    title = LocalizedTextInput(
        sv=values.get("title_sv"), it=values.get("title_it"), en=values.get("title_en")
    )
    return event_slug(title, values.get("start_date"))


EVENTS = AdminKind(
    slug="events",
    content=EVENT,
    singular="event",
    plural="Events",
    title=lambda row: (
        _event(row).title_en or _event(row).title_sv or _event(row).title_it or _event(row).slug
    ),
    fields=(
        FormField("title", "Title", "input.title", "localized", hint="In at least one locale.", lines=2),
        FormField(
            "slug",
            "Slug",
            "input.slug",
            hint="Part of its address; left empty, it is made from the title and the start year.",
        ),
        FormField(
            "kind", "Kind", "input.kind", "select", required=True, choices=choices.enum_choices(EventKind)
        ),
        FormField("start_date", "Start", "input.startDate", "date"),
        FormField("end_date", "End", "input.endDate", "date"),
        FormField("dates_approximate", "Dates approximate", "input.datesApproximate", "checkbox"),
        FormField("venue_city", "City", "input.venueCity"),
        FormField("country_id", "Country", "input.countryCode", "select", choices=choices.countries),
        FormField("host_id", "Host", "input.hostId", "select", choices=choices.organisations),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(
        Column("Kind", lambda row: _event(row).kind.value.replace("_", " ")),
        Column("Start", lambda row: _event(row).start_date or ""),
        Column("City", lambda row: _event(row).venue_city or ""),
    ),
    search=("slug", "title_sv", "title_it", "title_en", "venue_city"),
    filters=(
        ListFilter("kind", "Kind", "kind", choices.enum_choices(EventKind)),
        ListFilter("country", "Country", "country_id", choices.countries),
        ListFilter("host", "Host", "host_id", choices.organisations),
    ),
    orders={
        "-start": Order("Latest first", ("-start_date", "-id")),
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
    },
    slug_of=_slug,
    links=(
        LinkField("participants", "Participating organisations", choices.organisations),
        LinkField("projects", "Projects", choices.projects),
    ),
)

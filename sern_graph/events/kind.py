"""Events as the content service writes them: editable fields and validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sern_graph.content import validators as check
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel
from sern_graph.core.validation import FieldError
from sern_graph.events.models import Event
from sern_graph.geography.models import Country
from sern_graph.organisations.models import Organisation

FIELDS = (
    "slug",
    "title_sv",
    "title_it",
    "title_en",
    "kind",
    "start_date",
    "end_date",
    "dates_approximate",
    "venue_city",
    "country_id",
    "host_id",
    "note",
)


async def validate(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    check.slug_or_source(errors, values["slug"], "input.slug", "a title")
    await check.unique(errors, Event, "slug", values["slug"], "input.slug", current)
    check.localized(errors, values, "title", max_length=500, required=True)
    check.required(errors, values["kind"], "input.kind")
    check.period(errors, values["start_date"], values["end_date"], "input.endDate")
    check.text(errors, values["venue_city"], "input.venueCity", max_length=200)
    await check.reference(errors, Country, values["country_id"], "input.countryCode", "country")
    await check.reference(errors, Organisation, values["host_id"], "input.hostId", "organisation")
    return errors


EVENT = ContentKind(name="Event", model=Event, fields=FIELDS, validate=validate)

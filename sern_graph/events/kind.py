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
from sern_graph.projects.kind import slug_or_source

LOCALES = ("sv", "it", "en")
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
    slug_or_source(errors, values["slug"], "input.slug", "a title")
    await check.unique(errors, Event, "slug", values["slug"], "input.slug", current)
    if all(values[f"title_{locale}"] is None for locale in LOCALES):
        errors.append(FieldError("input.title", "REQUIRED", "Give the title in at least one locale."))
    for locale in LOCALES:
        check.text(errors, values[f"title_{locale}"], f"input.title.{locale}", max_length=500)
    if values["kind"] is None:
        errors.append(FieldError("input.kind", "REQUIRED", "This field is required."))
    check.period(errors, values["start_date"], values["end_date"], "input.endDate")
    check.text(errors, values["venue_city"], "input.venueCity", max_length=200)
    if values["country_id"] is not None and not await Country.exists(id=values["country_id"]):
        errors.append(FieldError("input.countryCode", "NOT_FOUND", "No such country."))
    if values["host_id"] is not None and not await Organisation.exists(id=values["host_id"]):
        errors.append(FieldError("input.hostId", "NOT_FOUND", "No such organisation."))
    return errors


EVENT = ContentKind(name="Event", model=Event, fields=FIELDS, validate=validate)

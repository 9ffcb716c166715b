"""Memberships of the network as the content service writes them: editable fields and validation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sern_graph.content import validators as check
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel, EditorialState
from sern_graph.content.snapshots import working_values
from sern_graph.core.validation import FieldError
from sern_graph.organisations.models import Membership, Organisation

FIELDS = ("organisation_id", "kind", "start_date", "end_date", "dates_approximate", "note")
NOTE_LENGTH = 2000
Period = tuple[date | None, date | None]


def overlap(first: Period, second: Period) -> bool:
    """Whether two periods share a day; an open (unknown) start or end is unbounded."""
    (start, end), (other_start, other_end) = first, second
    return (start is None or other_end is None or start <= other_end) and (
        other_start is None or end is None or other_start <= end
    )


async def overlapping(organisation_id: int, period: Period, current: ContentModel | None) -> bool:
    """Whether another non-archived membership of the organisation overlaps `period`: as the public
    sees it (its columns) or as editors have it (its pending draft), so neither view ever overlaps."""
    others = Membership.filter(organisation_id=organisation_id).exclude(state=EditorialState.ARCHIVED)
    if current is not None:
        others = others.exclude(id=current.id)
    for other in await others:
        if overlap(period, (other.start_date, other.end_date)):
            return True
        working = working_values(MEMBERSHIP, other)
        if working["organisation_id"] == organisation_id and overlap(
            period, (working["start_date"], working["end_date"])
        ):
            return True
    return False


async def validate(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    organisation_id = values["organisation_id"]
    start, end = values["start_date"], values["end_date"]
    found = bool(organisation_id) and await Organisation.exists(id=organisation_id)
    if organisation_id is None:
        errors.append(FieldError("input.organisationId", "REQUIRED", "This field is required."))
    elif not found:
        errors.append(FieldError("input.organisationId", "NOT_FOUND", "No such organisation."))
    for name, field in (("kind", "input.kind"), ("dates_approximate", "input.datesApproximate")):
        if values[name] is None:
            errors.append(FieldError(field, "REQUIRED", "This field is required."))
    check.period(errors, start, end, "input.endDate")
    check.text(errors, values["note"], "input.note", max_length=NOTE_LENGTH)
    ordered = start is None or end is None or start <= end
    if found and ordered and await overlapping(organisation_id, (start, end), current):
        message = (
            "The organisation already holds a membership in this period (open dates count as unbounded); "
            "end or archive that one first."
        )
        errors.append(FieldError("input.startDate", "MEMBERSHIP_OVERLAP", message))
    return errors


MEMBERSHIP = ContentKind(name="Membership", model=Membership, fields=FIELDS, validate=validate)

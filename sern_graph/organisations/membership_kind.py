"""Memberships of the network as the content service writes them: editable fields and validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sern_graph.content import validators as check
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel, EditorialState
from sern_graph.content.snapshots import working_values
from sern_graph.content.validators import Period, overlap
from sern_graph.core.validation import FieldError
from sern_graph.organisations.models import Membership, Organisation

FIELDS = ("organisation_id", "kind", "start_date", "end_date", "dates_approximate", "note")
NOTE_LENGTH = 2000


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
    found = await check.reference(
        errors, Organisation, organisation_id, "input.organisationId", "organisation", required=True
    )
    check.required(errors, values["kind"], "input.kind")
    check.required(errors, values["dates_approximate"], "input.datesApproximate")
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

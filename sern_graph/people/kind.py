"""People, board seats and contact roles as the content service writes them: fields and validation."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from tortoise.expressions import Q

from sern_graph.content import validators as check
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel, EditorialState
from sern_graph.content.snapshots import row_values, working_values
from sern_graph.core.dates import overlaps
from sern_graph.core.validation import FieldError
from sern_graph.organisations.models import Organisation
from sern_graph.people.models import BoardMembership, BoardRole, ContactRole, Person

PERSON_FIELDS = (
    "slug",
    "given_name",
    "family_name",
    "position_sv",
    "position_it",
    "position_en",
    "party",
    "bio_sv",
    "bio_it",
    "bio_en",
    "photo_url",
    "email",
    "phone",
    "organisation_id",
    "note",
)
BOARD_MEMBERSHIP_FIELDS = (
    "person_id",
    "organisation_id",
    "role",
    "start_date",
    "end_date",
    "dates_approximate",
    "note",
)
CONTACT_ROLE_FIELDS = ("person_id", "organisation_id", "role_sv", "role_it", "role_en", "note")
NOTE_LENGTH = 5000


async def _organisation(errors: list[FieldError], pk: int | None, *, required: bool) -> None:
    await check.reference(errors, Organisation, pk, "input.organisationId", "organisation", required=required)


async def _person(errors: list[FieldError], pk: int | None) -> bool:
    """Whether the person exists; reports it when not."""
    return await check.reference(errors, Person, pk, "input.personId", "person", required=True)


async def validate_person(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    check.text(errors, values["given_name"], "input.givenName", required=True, max_length=100)
    check.text(errors, values["family_name"], "input.familyName", required=True, max_length=100)
    check.slug(errors, values["slug"], "input.slug")
    await check.unique(errors, Person, "slug", values["slug"], "input.slug", current)
    check.localized(errors, values, "position", max_length=300)
    check.localized(errors, values, "bio", max_length=20_000)
    check.text(errors, values["party"], "input.party", max_length=100)
    check.url(errors, values["photo_url"], "input.photoUrl")
    check.email(errors, values["email"], "input.email")
    check.phone(errors, values["phone"], "input.phone")
    check.text(errors, values["note"], "input.note", max_length=NOTE_LENGTH)
    await _organisation(errors, values["organisation_id"], required=False)
    return errors


def _span(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "without dates"
    if start is None:
        return f"until {end}"
    if end is None:
        return f"from {start} on"
    return f"{start} to {end}"


async def _other_seats(values: Mapping[str, Any], current: ContentModel | None) -> list[dict[str, Any]]:
    """The other non-archived seats that may clash with `values`: for each, its public values and, if
    it has pending edits, its working values too (both must fit; either may be published)."""
    start, end = values["start_date"], values["end_date"]
    clash = Q(role=BoardRole.CHAIR)
    if values["person_id"] is not None:
        clash |= Q(person_id=values["person_id"])
    rows = BoardMembership.filter((clash & overlaps(start, end)) | Q(draft__isnull=False)).exclude(
        state=EditorialState.ARCHIVED
    )
    if current is not None:
        rows = rows.exclude(id=current.id)
    found: list[dict[str, Any]] = []
    for row in await rows:
        found.append(row_values(BOARD_MEMBERSHIP, row))
        if row.draft is not None:
            found.append(working_values(BOARD_MEMBERSHIP, row))
    return [seat for seat in found if check.overlap((start, end), (seat["start_date"], seat["end_date"]))]


async def _names(person_ids: set[int]) -> dict[int, str]:
    rows = await Person.filter(id__in=person_ids).values_list("id", "given_name", "family_name")
    return {int(pk): f"{given} {family}" for pk, given, family in rows}


async def validate_board_membership(
    values: Mapping[str, Any], current: ContentModel | None
) -> list[FieldError]:
    errors: list[FieldError] = []
    person_found = await _person(errors, values["person_id"])
    await _organisation(errors, values["organisation_id"], required=False)
    check.required(errors, values["role"], "input.role")
    start, end = values["start_date"], values["end_date"]
    check.period(errors, start, end, "input.endDate")
    check.text(errors, values["note"], "input.note", max_length=NOTE_LENGTH)
    if start is not None and end is not None and end < start:
        return errors  # no period to compare

    is_chair = values["role"] == BoardRole.CHAIR
    seats = await _other_seats(values, current) if is_chair or person_found else []
    chairs = _distinct(seat for seat in seats if is_chair and seat["role"] == BoardRole.CHAIR)
    same_seat = _distinct(
        seat
        for seat in seats
        if person_found
        and seat["person_id"] == values["person_id"]
        and seat["organisation_id"] == values["organisation_id"]
    )
    if chairs:
        names = await _names({seat["person_id"] for seat in chairs})
        holders = "; ".join(
            f"{names.get(seat['person_id'], 'someone')} ({_span(seat['start_date'], seat['end_date'])})"
            for seat in chairs
        )
        message = f"The board has one chair at a time; these dates overlap the chair of {holders}."
        errors.append(FieldError("input.role", "CHAIR_OVERLAP", message))
    if same_seat:
        periods = ", ".join(_span(seat["start_date"], seat["end_date"]) for seat in same_seat)
        message = f"The person already holds a seat for the same organisation then ({periods})."
        errors.append(FieldError("input.personId", "SEAT_OVERLAP", message))
    return errors


def _distinct(seats: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each (person, organisation, period) once, oldest first: a seat's public and working values
    often agree."""
    unique = {
        (seat["person_id"], seat["organisation_id"], seat["start_date"], seat["end_date"]): seat
        for seat in seats
    }
    return sorted(unique.values(), key=lambda seat: (seat["start_date"] or date.min, seat["person_id"]))


async def validate_contact_role(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    await _person(errors, values["person_id"])
    await _organisation(errors, values["organisation_id"], required=True)
    check.localized(errors, values, "role", max_length=300, required=True)
    check.text(errors, values["note"], "input.note", max_length=NOTE_LENGTH)
    return errors


PERSON = ContentKind(name="Person", model=Person, fields=PERSON_FIELDS, validate=validate_person)
BOARD_MEMBERSHIP = ContentKind(
    name="BoardMembership",
    model=BoardMembership,
    fields=BOARD_MEMBERSHIP_FIELDS,
    validate=validate_board_membership,
)
CONTACT_ROLE = ContentKind(
    name="ContactRole", model=ContactRole, fields=CONTACT_ROLE_FIELDS, validate=validate_contact_role
)
# Every kind of this domain, for `sern_graph.kinds.KINDS`.
PEOPLE_KINDS = (PERSON, BOARD_MEMBERSHIP, CONTACT_ROLE)

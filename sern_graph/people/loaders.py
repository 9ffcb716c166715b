"""Batch functions for people, board seats and contact roles: one query per batch."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sern_graph.content.visibility import published
from sern_graph.core.dates import holds_on
from sern_graph.core.loading import grouped, in_key_order
from sern_graph.core.ordering import oldest_first
from sern_graph.people.filters import PersonSpec
from sern_graph.people.models import BoardMembership, BoardRole, ContactRole, Person

ROLE_ORDER = {BoardRole.CHAIR: 0, BoardRole.VICE_CHAIR: 1, BoardRole.MEMBER: 2, BoardRole.DEPUTY: 3}


async def people_by_id(keys: Sequence[int]) -> list[Person | None]:
    rows = await Person.filter(published(), id__in=keys)
    return in_key_order(keys, rows, lambda row: row.id)


async def people_by_organisation(ids: list[int], spec: PersonSpec) -> list[tuple[int, Person]]:
    return [(row.organisation_id or 0, row) for row in await spec.query().filter(organisation_id__in=ids)]


async def board_seats_by_person(keys: Sequence[int]) -> list[list[BoardMembership]]:
    rows = await oldest_first(BoardMembership.filter(published(), person_id__in=keys))
    return grouped(keys, rows, lambda row: row.person_id)


async def board_seats_by_organisation(keys: Sequence[int]) -> list[list[BoardMembership]]:
    rows = await oldest_first(
        BoardMembership.filter(published(), published("person__"), organisation_id__in=keys)
    )
    return grouped(keys, rows, lambda row: row.organisation_id or 0)


async def board_on(day: date) -> list[BoardMembership]:
    """The seats held on `day`: chair first, then vice chairs, members, deputies; by name within."""
    rows = await BoardMembership.filter(published(), published("person__"), holds_on(day)).select_related(
        "person"
    )
    return sorted(
        rows,
        key=lambda row: (
            ROLE_ORDER[row.role],
            row.person.family_name.lower(),
            row.person.given_name.lower(),
            row.id,
        ),
    )


async def contact_roles_by_organisation(keys: Sequence[int]) -> list[list[ContactRole]]:
    rows = await ContactRole.filter(published(), published("person__"), organisation_id__in=keys).order_by(
        "id"
    )
    return grouped(keys, rows, lambda row: row.organisation_id)


async def contact_roles_by_person(keys: Sequence[int]) -> list[list[ContactRole]]:
    rows = await ContactRole.filter(published(), published("organisation__"), person_id__in=keys).order_by(
        "id"
    )
    return grouped(keys, rows, lambda row: row.person_id)

"""Mutation inputs for people, board seats and contact roles, and their conversion to column values."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from sern_graph.content.inputs import (
    SLUG_LENGTH,
    LocalizedTextInput,
    given,
    given_ids,
    given_localized,
    given_period,
    given_texts,
    slugify,
)
from sern_graph.people.enums import BoardRole
from sern_graph.people.models import Person

# --- people -----------------------------------------------------------------------------------------


@strawberry.input(description="A new person; they start as a draft.")
class CreatePersonInput:
    given_name: str = strawberry.field(description="Given name.")
    family_name: str = strawberry.field(description="Family name.")
    slug: str | None = strawberry.field(
        default=None,
        description="URL key; made from the given and family name (in ASCII) if left out, with a number "
        "added when another person has it.",
    )
    position: LocalizedTextInput | None = strawberry.field(
        default=None, description="Position, e.g. 'Vice mayor of Forlì'."
    )
    party: str | None = strawberry.field(default=None, description="Political party.")
    bio: LocalizedTextInput | None = strawberry.field(default=None, description="Short biography.")
    photo_url: str | None = strawberry.field(default=None, description="Address of a photo.")
    email: str | None = strawberry.field(
        default=None, description="E-mail address. Personal data: only editors and admins read it."
    )
    phone: str | None = strawberry.field(
        default=None, description="Phone number. Personal data: only editors and admins read it."
    )
    organisation_id: strawberry.ID | None = strawberry.field(
        default=None, description="The organisation the person is affiliated with."
    )
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a person; fields left out keep their values.")
class UpdatePersonInput:
    id: strawberry.ID = strawberry.field(description="The person.")
    version: int = strawberry.field(description="The version the change is based on.")
    given_name: str | None = strawberry.field(default=strawberry.UNSET, description="Given name.")
    family_name: str | None = strawberry.field(default=strawberry.UNSET, description="Family name.")
    slug: str | None = strawberry.field(
        default=strawberry.UNSET, description="URL key; not changed when the name changes."
    )
    position: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Position; locales left out keep their text."
    )
    party: str | None = strawberry.field(default=strawberry.UNSET, description="Political party.")
    bio: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Biography; locales left out keep their text."
    )
    photo_url: str | None = strawberry.field(default=strawberry.UNSET, description="Address of a photo.")
    email: str | None = strawberry.field(default=strawberry.UNSET, description="E-mail (personal data).")
    phone: str | None = strawberry.field(default=strawberry.UNSET, description="Phone (personal data).")
    organisation_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Affiliated organisation; null for none."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


async def free_person_slug(given_name: str, family_name: str) -> str:
    """The slug of the name, or with -2, -3… when another person has it."""
    base = slugify(f"{given_name} {family_name}")[: SLUG_LENGTH - 4].strip("-") or "person"
    taken = {row["slug"] for row in await Person.filter(slug__startswith=base).values("slug")}
    number, slug = 1, base
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def person_columns(data: CreatePersonInput | UpdatePersonInput) -> dict[str, Any]:
    """The column values the input sets; an ID of anything but an organisation becomes 0 (not found)."""
    return {
        **given_texts(
            data, "given_name", "family_name", "slug", "party", "photo_url", "email", "phone", "note"
        ),
        **given_localized(data, "position", "bio"),
        **given_ids(data, organisation_id="Organisation"),
    }


# --- board seats ------------------------------------------------------------------------------------


@strawberry.input(description="A new seat on the board; it starts as a draft.")
class CreateBoardMembershipInput:
    person_id: strawberry.ID = strawberry.field(description="The person holding the seat.")
    role: BoardRole = strawberry.field(
        default=BoardRole.MEMBER, description="Chair, vice chair, member or deputy; member if left out."
    )
    organisation_id: strawberry.ID | None = strawberry.field(
        default=None, description="The organisation the person represents on the board."
    )
    start_date: date | None = strawberry.field(
        default=None,
        description="First day of the seat; left out when unknown, and then held since before any date.",
    )
    end_date: date | None = strawberry.field(
        default=None, description="Last day of the seat; left out while it is held."
    )
    dates_approximate: bool = strawberry.field(
        default=False, description="Whether the dates are only approximately known."
    )
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a board seat; fields left out keep their values.")
class UpdateBoardMembershipInput:
    id: strawberry.ID = strawberry.field(description="The seat.")
    version: int = strawberry.field(description="The version the change is based on.")
    person_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The person holding the seat."
    )
    role: BoardRole | None = strawberry.field(
        default=strawberry.UNSET, description="Chair, vice chair, member or deputy."
    )
    organisation_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The organisation represented; null for none."
    )
    start_date: date | None = strawberry.field(
        default=strawberry.UNSET, description="First day; null when unknown."
    )
    end_date: date | None = strawberry.field(
        default=strawberry.UNSET, description="Last day; null while held."
    )
    dates_approximate: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether the dates are approximate; null means no."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


def board_membership_columns(data: CreateBoardMembershipInput | UpdateBoardMembershipInput) -> dict[str, Any]:
    """The column values the input sets; IDs of the wrong type become 0 (not found)."""
    columns: dict[str, Any] = {
        **given_ids(data, person_id="Person", organisation_id="Organisation"),
        **given_period(data),
        **given_texts(data, "note"),
    }
    if given(data.role):
        columns["role"] = BoardRole(data.role) if data.role is not None else None
    return columns


# --- contact roles ----------------------------------------------------------------------------------


@strawberry.input(description="A new contact role; it starts as a draft.")
class CreateContactRoleInput:
    person_id: strawberry.ID = strawberry.field(description="The contact person.")
    organisation_id: strawberry.ID = strawberry.field(description="The organisation they are a contact for.")
    role: LocalizedTextInput = strawberry.field(
        description="The role, e.g. 'SERN contact for Norrbotten', in at least one locale."
    )
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a contact role; fields left out keep their values.")
class UpdateContactRoleInput:
    id: strawberry.ID = strawberry.field(description="The contact role.")
    version: int = strawberry.field(description="The version the change is based on.")
    person_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The contact person."
    )
    organisation_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The organisation."
    )
    role: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="The role; locales left out keep their text."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


def contact_role_columns(data: CreateContactRoleInput | UpdateContactRoleInput) -> dict[str, Any]:
    """The column values the input sets; IDs of the wrong type become 0 (not found)."""
    return {
        **given_ids(data, person_id="Person", organisation_id="Organisation"),
        **given_localized(data, "role"),
        **given_texts(data, "note"),
    }

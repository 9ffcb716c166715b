"""People, their board seats and their contact roles in the admin. Editors may read personal
data, so a person's e-mail and phone are on the form and in the list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

from sern_graph.admin import choices
from sern_graph.admin.fields import FormField
from sern_graph.admin.kinds import AdminKind, ChildList, Column, ListFilter, Order
from sern_graph.content.models import ContentModel
from sern_graph.people.inputs import free_person_slug
from sern_graph.people.kind import BOARD_MEMBERSHIP, CONTACT_ROLE, PERSON
from sern_graph.people.models import BoardMembership, BoardRole, ContactRole, Person

BOARD_SEATS_SLUG = "board-seats"
CONTACT_ROLES_SLUG = "contact-roles"


def _person(row: ContentModel) -> Person:
    return cast(Person, row)


def _seat(row: ContentModel) -> BoardMembership:
    return cast(BoardMembership, row)


def _contact(row: ContentModel) -> ContactRole:
    return cast(ContactRole, row)


def _contact_role(row: ContentModel) -> str:
    contact = _contact(row)
    return contact.role_en or contact.role_sv or contact.role_it or ""


def _organisation_name(row: ContentModel) -> str:
    organisation = _person(row).organisation
    return organisation.name if organisation else ""


async def _person_slug(values: Mapping[str, Any]) -> str | None:
    given, family = values.get("given_name") or "", values.get("family_name") or ""
    return await free_person_slug(given, family) if given or family else None


def _seat_title(row: ContentModel) -> str:
    seat = _seat(row)
    where = f", {seat.organisation.name}" if seat.organisation else ""
    return f"{seat.person.given_name} {seat.person.family_name}: {seat.role.value.replace('_', ' ')}{where}"


PEOPLE = AdminKind(
    slug="people",
    content=PERSON,
    singular="person",
    plural="People",
    title=lambda row: f"{_person(row).given_name} {_person(row).family_name}",
    fields=(
        FormField("given_name", "Given name", "input.givenName", required=True),
        FormField("family_name", "Family name", "input.familyName", required=True),
        FormField(
            "slug", "Slug", "input.slug", hint="Part of its address; left empty, it is made from the name."
        ),
        FormField(
            "organisation_id", "Organisation", "input.organisationId", "select", choices=choices.organisations
        ),
        FormField("position", "Position", "input.position", "localized", lines=1),
        FormField("party", "Party", "input.party"),
        FormField("email", "E-mail (personal data)", "input.email"),
        FormField("phone", "Phone (personal data)", "input.phone"),
        FormField("photo_url", "Photo address", "input.photoUrl", hint="https://…"),
        FormField("bio", "Biography", "input.bio", "localized"),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(
        Column("Organisation", _organisation_name),
        Column("E-mail", lambda row: _person(row).email or ""),
        Column("Phone", lambda row: _person(row).phone or ""),
    ),
    search=("given_name", "family_name", "slug", "email"),
    filters=(
        ListFilter("organisation", "Organisation", "organisation_id", choices.organisations),
        ListFilter("country", "Country", "organisation__country_id", choices.countries),
    ),
    orders={
        "family": Order("Family name, A to Z", ("family_name", "given_name", "id")),
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
    },
    related=("organisation",),
    slug_of=_person_slug,
    children=(
        ChildList(BOARD_SEATS_SLUG, "person_id", "Board seats"),
        ChildList(CONTACT_ROLES_SLUG, "person_id", "Contact roles"),
    ),
)

BOARD_SEATS = AdminKind(
    slug=BOARD_SEATS_SLUG,
    content=BOARD_MEMBERSHIP,
    singular="board seat",
    plural="Board seats",
    title=_seat_title,
    fields=(
        FormField("person_id", "Person", "input.personId", "select", required=True, choices=choices.people),
        FormField(
            "organisation_id",
            "For organisation",
            "input.organisationId",
            "select",
            choices=choices.organisations,
        ),
        FormField(
            "role", "Role", "input.role", "select", required=True, choices=choices.enum_choices(BoardRole)
        ),
        FormField("start_date", "From", "input.startDate", "date"),
        FormField("end_date", "Until", "input.endDate", "date", hint="Empty while the seat is held."),
        FormField("dates_approximate", "Dates approximate", "input.datesApproximate", "checkbox"),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(
        Column("Role", lambda row: _seat(row).role.value.replace("_", " ")),
        Column("From", lambda row: _seat(row).start_date or ""),
        Column("Until", lambda row: _seat(row).end_date or ""),
    ),
    search=("person__given_name", "person__family_name", "organisation__name"),
    filters=(
        ListFilter("person", "Person", "person_id", choices.people),
        ListFilter("organisation", "Organisation", "organisation_id", choices.organisations),
        ListFilter("role", "Role", "role", choices.enum_choices(BoardRole)),
    ),
    orders={
        "-start": Order("Latest first", ("-start_date", "-id")),
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
    },
    related=("person", "organisation"),
    in_menu=False,
)

CONTACT_ROLES = AdminKind(
    slug=CONTACT_ROLES_SLUG,
    content=CONTACT_ROLE,
    singular="contact role",
    plural="Contact roles",
    title=lambda row: (
        f"{_contact(row).person.given_name} {_contact(row).person.family_name}, "
        f"contact for {_contact(row).organisation.name}"
    ),
    fields=(
        FormField("person_id", "Person", "input.personId", "select", required=True, choices=choices.people),
        FormField(
            "organisation_id",
            "For organisation",
            "input.organisationId",
            "select",
            required=True,
            choices=choices.organisations,
        ),
        FormField(
            "role",
            "Role",
            "input.role",
            "localized",
            hint="e.g. SERN contact for Norrbotten; in at least one locale.",
            lines=1,
        ),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(Column("Role", _contact_role),),
    search=(
        "person__given_name",
        "person__family_name",
        "organisation__name",
        "role_en",
        "role_sv",
        "role_it",
    ),
    filters=(
        ListFilter("person", "Person", "person_id", choices.people),
        ListFilter("organisation", "Organisation", "organisation_id", choices.organisations),
    ),
    orders={
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
        "-created": Order("Newest", ("-created_at", "-id")),
    },
    related=("person", "organisation"),
    in_menu=False,
)

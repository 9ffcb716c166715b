"""Organisations and their memberships of the network in the admin: the form (with region pick and
the description in each locale), the list's columns, filters and orders, its themes, memberships,
contacts, partnerships and board seats."""

from __future__ import annotations

from typing import cast

from sern_graph.admin import choices
from sern_graph.admin.fields import FormField
from sern_graph.admin.kinds import AdminKind, ChildList, Column, LinkField, ListFilter, Order, slug_from
from sern_graph.admin.people import BOARD_SEATS_SLUG, CONTACT_ROLES_SLUG
from sern_graph.admin.projects import PARTNERSHIPS_SLUG
from sern_graph.content.models import ContentModel
from sern_graph.organisations.kind import ORGANISATION
from sern_graph.organisations.membership_kind import MEMBERSHIP
from sern_graph.organisations.models import Membership, MembershipKind, Organisation, OrganisationKind

MEMBERSHIPS_SLUG = "memberships"


def _organisation(row: ContentModel) -> Organisation:
    return cast(Organisation, row)


def _membership(row: ContentModel) -> Membership:
    return cast(Membership, row)


def _membership_title(row: ContentModel) -> str:
    membership = _membership(row)
    since = f" from {membership.start_date}" if membership.start_date else ""
    return f"{membership.organisation.name}: {membership.kind.value}{since}"


ORGANISATIONS = AdminKind(
    slug="organisations",
    content=ORGANISATION,
    singular="organisation",
    plural="Organisations",
    title=lambda row: _organisation(row).name,
    fields=(
        FormField("name", "Name", "input.name", required=True),
        FormField("short_name", "Short name", "input.shortName"),
        FormField(
            "slug", "Slug", "input.slug", hint="Part of its address; left empty, it is made from the name."
        ),
        FormField(
            "kind",
            "Kind",
            "input.kind",
            "select",
            required=True,
            choices=choices.enum_choices(OrganisationKind),
        ),
        FormField(
            "country_id", "Country", "input.countryCode", "select", required=True, choices=choices.countries
        ),
        FormField(
            "region_id",
            "NUTS region",
            "input.regionCode",
            "select",
            choices=choices.regions,
            hint="Must be in the chosen country.",
        ),
        FormField("parent_id", "Belongs to", "input.parentId", "select", choices=choices.organisations),
        FormField(
            "municipality_code",
            "Municipality code",
            "input.municipalityCode",
            hint="kommunkod or ISTAT code.",
        ),
        FormField("website", "Website", "input.website", hint="https://…"),
        FormField("email", "Public e-mail", "input.email"),
        FormField("phone", "Public phone", "input.phone"),
        FormField("address", "Postal address", "input.address", "textarea"),
        FormField("latitude", "Latitude", "input.location.latitude", "number"),
        FormField("longitude", "Longitude", "input.location.longitude", "number"),
        FormField("logo_url", "Logo address", "input.logoUrl"),
        FormField("description", "Description", "input.description", "localized"),
        FormField("note", "Editor's note", "input.note", "textarea", hint="Remarks on certainty; public."),
    ),
    columns=(
        Column("Kind", lambda row: _organisation(row).kind.value.replace("_", " ")),
        Column("Country", lambda row: _organisation(row).country.code),
        Column("Region", lambda row: region.code if (region := _organisation(row).region) else ""),
    ),
    search=("name", "short_name", "slug"),
    filters=(
        ListFilter("country", "Country", "country_id", choices.countries),
        # A NUTS code takes in the regions below it: SE33 finds organisations in SE332 too.
        ListFilter("region", "NUTS region", "region__code__startswith", choices.region_codes),
        ListFilter("kind", "Kind", "kind", choices.enum_choices(OrganisationKind)),
        ListFilter("theme", "Theme", "themes__id", choices.themes),
    ),
    orders={
        "name": Order("Name, A to Z", ("name", "id")),
        "-name": Order("Name, Z to A", ("-name", "-id")),
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
        "-created": Order("Newest", ("-created_at", "-id")),
    },
    related=("country", "region"),
    slug_of=slug_from("name"),
    links=(LinkField("themes", "Themes", choices.themes),),
    children=(
        ChildList(MEMBERSHIPS_SLUG, "organisation_id", "Memberships"),
        ChildList(CONTACT_ROLES_SLUG, "organisation_id", "Contacts"),
        ChildList(PARTNERSHIPS_SLUG, "organisation_id", "Project partnerships"),
        ChildList(BOARD_SEATS_SLUG, "organisation_id", "Board seats"),
    ),
)

MEMBERSHIPS = AdminKind(
    slug=MEMBERSHIPS_SLUG,
    content=MEMBERSHIP,
    singular="membership",
    plural="Memberships",
    title=_membership_title,
    fields=(
        FormField(
            "organisation_id",
            "Organisation",
            "input.organisationId",
            "select",
            required=True,
            choices=choices.organisations,
        ),
        FormField(
            "kind",
            "Kind",
            "input.kind",
            "select",
            required=True,
            choices=choices.enum_choices(MembershipKind),
        ),
        FormField(
            "start_date",
            "From",
            "input.startDate",
            "date",
            hint="May not overlap another membership of the organisation; empty dates are open.",
        ),
        FormField("end_date", "Until", "input.endDate", "date", hint="Empty while it holds."),
        FormField("dates_approximate", "Dates approximate", "input.datesApproximate", "checkbox"),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(
        Column("Kind", lambda row: _membership(row).kind.value),
        Column("From", lambda row: _membership(row).start_date or ""),
        Column("Until", lambda row: _membership(row).end_date or ""),
    ),
    search=("organisation__name", "organisation__slug"),
    filters=(
        ListFilter("organisation", "Organisation", "organisation_id", choices.organisations),
        ListFilter("kind", "Kind", "kind", choices.enum_choices(MembershipKind)),
    ),
    orders={
        "-start": Order("Latest first", ("-start_date", "-id")),
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
    },
    related=("organisation",),
    in_menu=False,
)

"""Organisations in the admin: the form (with region pick and the description in each locale),
the list's columns, filters and orders."""

from __future__ import annotations

from typing import cast

from sern_graph.admin import choices
from sern_graph.admin.fields import FormField
from sern_graph.admin.kinds import AdminKind, Column, ListFilter, Order
from sern_graph.content.models import ContentModel
from sern_graph.organisations.kind import ORGANISATION
from sern_graph.organisations.models import Organisation, OrganisationKind


def _organisation(row: ContentModel) -> Organisation:
    return cast(Organisation, row)


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
        ListFilter("kind", "Kind", "kind", choices.enum_choices(OrganisationKind)),
    ),
    orders={
        "name": Order("Name, A to Z", ("name", "id")),
        "-name": Order("Name, Z to A", ("-name", "-id")),
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
        "-created": Order("Newest", ("-created_at", "-id")),
    },
    related=("country", "region"),
    slug_source="name",
)

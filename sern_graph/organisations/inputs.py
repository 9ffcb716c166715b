"""Mutation inputs for organisations, and their conversion to the service's column values."""

from __future__ import annotations

from typing import Any

import strawberry

from sern_graph.content.inputs import (
    GeoPointInput,
    LocalizedTextInput,
    given,
    given_ids,
    given_localized,
    given_texts,
    given_values,
    id_of_code,
)

# Re-exported while organisations/mutations.py imports it from here; it lives in content.inputs.
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.enums import OrganisationKind


@strawberry.input(description="A new organisation; it starts as a draft.")
class CreateOrganisationInput:
    name: str = strawberry.field(description="Official name.")
    kind: OrganisationKind = strawberry.field(description="What kind of body it is.")
    country_code: str = strawberry.field(description="ISO 3166-1 alpha-2 code of its country.")
    slug: str | None = strawberry.field(default=None, description="URL key; made from the name if left out.")
    short_name: str | None = strawberry.field(default=None, description="Short name.")
    region_code: str | None = strawberry.field(default=None, description="NUTS code of its region.")
    parent_id: strawberry.ID | None = strawberry.field(
        default=None, description="The organisation it belongs to."
    )
    municipality_code: str | None = strawberry.field(default=None, description="kommunkod or ISTAT code.")
    website: str | None = strawberry.field(default=None, description="Website address.")
    email: str | None = strawberry.field(default=None, description="Public e-mail of the organisation.")
    phone: str | None = strawberry.field(default=None, description="Public phone of the organisation.")
    address: str | None = strawberry.field(default=None, description="Postal address.")
    location: GeoPointInput | None = strawberry.field(default=None, description="Position on the map.")
    logo_url: str | None = strawberry.field(default=None, description="Address of the logo image.")
    description: LocalizedTextInput | None = strawberry.field(default=None, description="Description.")
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to an organisation; fields left out keep their values.")
class UpdateOrganisationInput:
    id: strawberry.ID = strawberry.field(description="The organisation.")
    version: int = strawberry.field(description="The version the change is based on.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="Official name.")
    kind: OrganisationKind | None = strawberry.field(default=strawberry.UNSET, description="Kind of body.")
    country_code: str | None = strawberry.field(default=strawberry.UNSET, description="Country code.")
    slug: str | None = strawberry.field(default=strawberry.UNSET, description="URL key.")
    short_name: str | None = strawberry.field(default=strawberry.UNSET, description="Short name.")
    region_code: str | None = strawberry.field(default=strawberry.UNSET, description="NUTS region code.")
    parent_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Parent organisation."
    )
    municipality_code: str | None = strawberry.field(
        default=strawberry.UNSET, description="kommunkod / ISTAT."
    )
    website: str | None = strawberry.field(default=strawberry.UNSET, description="Website address.")
    email: str | None = strawberry.field(default=strawberry.UNSET, description="Public e-mail.")
    phone: str | None = strawberry.field(default=strawberry.UNSET, description="Public phone.")
    address: str | None = strawberry.field(default=strawberry.UNSET, description="Postal address.")
    location: GeoPointInput | None = strawberry.field(default=strawberry.UNSET, description="Map position.")
    logo_url: str | None = strawberry.field(default=strawberry.UNSET, description="Logo address.")
    description: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Description; locales left out keep their text."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


async def to_columns(data: CreateOrganisationInput | UpdateOrganisationInput) -> dict[str, Any]:
    """The column values the input sets; unknown codes and IDs become 0, which validation reports."""
    columns: dict[str, Any] = {
        **given_texts(
            data,
            "name",
            "short_name",
            "slug",
            "municipality_code",
            "website",
            "email",
            "phone",
            "address",
            "logo_url",
            "note",
        ),
        **given_values(data, "kind"),
        **given_ids(data, parent_id="Organisation"),
        **given_localized(data, "description"),
    }
    if given(data.country_code):
        columns["country_id"] = await id_of_code(Country, data.country_code or "")
    if given(data.region_code):
        columns["region_id"] = await id_of_code(Region, data.region_code)
    if given(data.location):
        location = data.location
        columns["latitude"] = location.latitude if location else None
        columns["longitude"] = location.longitude if location else None
    return columns

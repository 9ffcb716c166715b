"""Countries and NUTS regions in the admin: codes, names in each locale side by side, and a
region's level, country and parent region."""

from __future__ import annotations

from typing import cast

from sern_graph.admin import choices
from sern_graph.admin.fields import FormField
from sern_graph.admin.kinds import AdminKind, Column, ListFilter, Order
from sern_graph.content.models import ContentModel
from sern_graph.geography.kind import COUNTRY, REGION
from sern_graph.geography.models import Country, Region

NAME_SEARCH = ("code", "name_sv", "name_it", "name_en")
BY_CODE = {
    "code": Order("Code, A to Z", ("code", "id")),
    "-updated": Order("Recently changed", ("-updated_at", "-id")),
}


def _title(row: ContentModel) -> str:
    place = cast(Country | Region, row)
    return f"{place.code}: {place.name_en or place.name_sv or place.name_it or ''}"


COUNTRIES = AdminKind(
    slug="countries",
    content=COUNTRY,
    singular="country",
    plural="Countries",
    title=_title,
    fields=(
        FormField("code", "Code", "input.code", required=True, hint="ISO 3166-1 alpha-2, e.g. SE."),
        FormField("name", "Name", "input.name", "localized", hint="In at least one locale.", lines=1),
        FormField("eu_member", "EU member state", "input.euMember", "checkbox"),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(Column("EU member", lambda row: "yes" if cast(Country, row).eu_member else "no"),),
    search=NAME_SEARCH,
    orders=BY_CODE,
)

REGIONS = AdminKind(
    slug="regions",
    content=REGION,
    singular="NUTS region",
    plural="NUTS regions",
    title=_title,
    fields=(
        FormField("code", "NUTS code", "input.code", required=True, hint="e.g. SE332."),
        FormField("name", "Name", "input.name", "localized", hint="In at least one locale.", lines=1),
        FormField("level", "NUTS level", "input.level", "integer", required=True, hint="1, 2 or 3."),
        FormField(
            "country_id", "Country", "input.countryCode", "select", required=True, choices=choices.countries
        ),
        FormField(
            "parent_id",
            "Region one level up",
            "input.parentCode",
            "select",
            choices=choices.regions,
            hint="Required for levels 2 and 3.",
        ),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(
        Column("Level", lambda row: cast(Region, row).level),
        Column("Country", lambda row: cast(Region, row).country.code),
    ),
    search=NAME_SEARCH,
    filters=(ListFilter("country", "Country", "country_id", choices.countries),),
    orders=BY_CODE,
    related=("country",),
)

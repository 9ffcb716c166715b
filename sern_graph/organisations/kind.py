"""Organisations as the content service writes them: editable fields and validation."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sern_graph.content import validators as check
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel
from sern_graph.core.validation import FieldError
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Organisation

FIELDS = (
    "slug",
    "name",
    "short_name",
    "kind",
    "municipality_code",
    "website",
    "email",
    "phone",
    "address",
    "latitude",
    "longitude",
    "logo_url",
    "description_sv",
    "description_it",
    "description_en",
    "country_id",
    "region_id",
    "parent_id",
    "note",
)
MUNICIPALITY_CODE_LENGTH = {"SE": 4, "IT": 6}


async def validate(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    check.text(errors, values["name"], "input.name", required=True)
    check.text(errors, values["short_name"], "input.shortName", max_length=100)
    check.slug(errors, values["slug"], "input.slug")
    await check.unique(errors, Organisation, "slug", values["slug"], "input.slug", current)
    check.url(errors, values["website"], "input.website")
    check.url(errors, values["logo_url"], "input.logoUrl")
    check.email(errors, values["email"], "input.email")
    check.phone(errors, values["phone"], "input.phone")
    check.text(errors, values["address"], "input.address", max_length=1000)
    check.coordinate(errors, values["latitude"], "input.location.latitude", 90)
    check.coordinate(errors, values["longitude"], "input.location.longitude", 180)
    if (values["latitude"] is None) != (values["longitude"] is None):
        errors.append(FieldError("input.location", "INCOMPLETE", "Give both latitude and longitude."))
    check.localized(errors, values, "description", max_length=20_000)
    country = await check.existing(errors, Country, values["country_id"], "input.countryCode", "country")
    if values["region_id"] is not None:
        region = await check.existing(errors, Region, values["region_id"], "input.regionCode", "NUTS region")
        if region is not None and country is not None and region.country_id != country.id:
            errors.append(
                FieldError("input.regionCode", "COUNTRY_MISMATCH", f"The region is not in {country.code}.")
            )
    code = values["municipality_code"]
    if code is not None and country is not None and country.code in MUNICIPALITY_CODE_LENGTH:
        length = MUNICIPALITY_CODE_LENGTH[country.code]
        if not (code.isdigit() and len(code) == length):
            kind = "kommunkod" if country.code == "SE" else "ISTAT code"
            errors.append(FieldError("input.municipalityCode", "INVALID", f"A {kind} has {length} digits."))
    if values["parent_id"] is not None:
        if current is not None and values["parent_id"] == current.id:
            errors.append(FieldError("input.parentId", "SELF", "An organisation cannot belong to itself."))
        elif not await Organisation.exists(id=values["parent_id"]):
            errors.append(FieldError("input.parentId", "NOT_FOUND", "No such organisation."))
    return errors


ORGANISATION = ContentKind(name="Organisation", model=Organisation, fields=FIELDS, validate=validate)

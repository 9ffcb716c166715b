"""Countries and NUTS regions as the content service writes them: editable fields and validation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sern_graph.content import validators as check
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel
from sern_graph.core.validation import FieldError
from sern_graph.geography.iso3166 import ISO_3166_ALPHA_2, nuts_prefix
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Organisation

NAME_LENGTH = 200
NOTE_LENGTH = 2000
# Two letters of the country, then one letter or digit per NUTS level (SE1, SE33, SE332, ITH5, EL30).
NUTS = re.compile(r"^[A-Z]{2}[A-Z0-9]{1,3}$")
LEVELS = (1, 2, 3)

COUNTRY_FIELDS = ("code", "name_sv", "name_it", "name_en", "eu_member", "note")
REGION_FIELDS = ("code", "name_sv", "name_it", "name_en", "level", "country_id", "parent_id", "note")


async def validate_country(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    code = values["code"]
    country = current if isinstance(current, Country) else None
    if code is None or not str(code).strip():
        errors.append(FieldError("input.code", "REQUIRED", "This field is required."))
    elif code not in ISO_3166_ALPHA_2:
        errors.append(
            FieldError("input.code", "UNKNOWN_CODE", f"'{code}' is not an ISO 3166-1 alpha-2 country code.")
        )
    else:
        await check.unique(errors, Country, "code", code, "input.code", current)
        if country is not None and code != country.code and await Region.exists(country_id=country.id):
            message = "The country has NUTS regions whose codes start with its code; it cannot change."
            errors.append(FieldError("input.code", "HAS_REGIONS", message))
    check.localized(errors, values, "name", max_length=NAME_LENGTH, required=True)
    check.required(errors, values["eu_member"], "input.euMember")
    check.text(errors, values["note"], "input.note", max_length=NOTE_LENGTH)
    return errors


async def validate_region(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    region = current if isinstance(current, Region) else None
    country = await check.existing(errors, Country, values["country_id"], "input.countryCode", "country")
    if (
        country is not None
        and region is not None
        and country.id != region.country_id
        and await Organisation.exists(region_id=region.id)
    ):
        message = "Organisations in the region are in its current country."
        errors.append(FieldError("input.countryCode", "HAS_ORGANISATIONS", message))

    code: str | None = values["code"]
    valid_code = code is not None and NUTS.match(code) is not None
    if code is None or not code.strip():
        errors.append(FieldError("input.code", "REQUIRED", "This field is required."))
    elif not valid_code:
        message = "A NUTS code: the country's two letters, then 1 to 3 letters or digits, e.g. SE332."
        errors.append(FieldError("input.code", "INVALID_NUTS", message))
    else:
        await check.unique(errors, Region, "code", code, "input.code", current)
        if country is not None and code[:2] != nuts_prefix(country.code):
            message = f"NUTS codes of {country.code} start with {nuts_prefix(country.code)}."
            errors.append(FieldError("input.code", "COUNTRY_MISMATCH", message))
        if region is not None and code != region.code and await Region.exists(parent_id=region.id):
            message = "The region has sub-regions whose codes start with its code; it cannot change."
            errors.append(FieldError("input.code", "HAS_CHILDREN", message))

    level = values["level"]
    if level is None:
        errors.append(FieldError("input.level", "REQUIRED", "This field is required."))
    elif level not in LEVELS:
        errors.append(FieldError("input.level", "OUT_OF_RANGE", "The NUTS level is 1, 2 or 3."))
    elif valid_code and code is not None and len(code) - 2 != level:
        message = f"A level {level} code has {level + 2} characters; {code} is level {len(code) - 2}."
        errors.append(FieldError("input.level", "LEVEL_MISMATCH", message))

    if values["parent_id"] is None:
        if level in (2, 3):
            message = "A level 2 or 3 region needs the region one level up."
            errors.append(FieldError("input.parentCode", "REQUIRED", message))
    else:
        parent = await check.existing(errors, Region, values["parent_id"], "input.parentCode", "NUTS region")
        if parent is not None and not _fits_under(parent, values, region, valid_code):
            message = (
                f"{parent.code} cannot be the parent: the parent is in the same country, one level up, "
                "and its code begins this region's code."
            )
            errors.append(FieldError("input.parentCode", "PARENT_MISMATCH", message))
    check.text(errors, values["note"], "input.note", max_length=NOTE_LENGTH)
    check.localized(errors, values, "name", max_length=NAME_LENGTH, required=True)
    return errors


def _fits_under(parent: Region, values: Mapping[str, Any], region: Region | None, valid_code: bool) -> bool:
    """Same country, one level up, and its code begins the region's code (aspects that cannot be
    judged, as with an unknown country or an invalid level or code, are reported on their own)."""
    code, level = values["code"], values["level"]
    if region is not None and parent.id == region.id:
        return False
    if values["country_id"] and parent.country_id != values["country_id"]:
        return False
    if level in LEVELS and parent.level != level - 1:
        return False
    return not valid_code or (code != parent.code and str(code).startswith(parent.code))


COUNTRY = ContentKind(name="Country", model=Country, fields=COUNTRY_FIELDS, validate=validate_country)
REGION = ContentKind(name="Region", model=Region, fields=REGION_FIELDS, validate=validate_region)

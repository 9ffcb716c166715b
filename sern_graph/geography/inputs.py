"""Mutation inputs for countries and regions, and their conversion to the service's column values."""

from __future__ import annotations

from typing import Any

import strawberry

from sern_graph.content.inputs import (
    LocalizedTextInput,
    code_of,
    given,
    given_localized,
    given_texts,
    given_values,
    id_of_code,
)
from sern_graph.geography.models import Country, Region


@strawberry.input(description="A new country; it starts as a draft.")
class CreateCountryInput:
    code: str = strawberry.field(description="ISO 3166-1 alpha-2 code, e.g. `NO`.")
    name: LocalizedTextInput = strawberry.field(description="Name; at least one locale is required.")
    eu_member: bool = strawberry.field(
        default=False, description="Whether it is a member of the European Union."
    )
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a country; fields left out keep their values.")
class UpdateCountryInput:
    id: strawberry.ID = strawberry.field(description="The country.")
    version: int = strawberry.field(description="The version the change is based on.")
    code: str | None = strawberry.field(default=strawberry.UNSET, description="ISO 3166-1 alpha-2 code.")
    name: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Name; locales left out keep their text."
    )
    eu_member: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether it is a member of the European Union."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


@strawberry.input(description="A new NUTS region; it starts as a draft.")
class CreateRegionInput:
    code: str = strawberry.field(description="NUTS code, e.g. `SE332` (Greece's codes start with `EL`).")
    level: int = strawberry.field(description="NUTS level: 1, 2 or 3 (the code's length minus two).")
    country_code: str = strawberry.field(description="ISO 3166-1 alpha-2 code of its country.")
    name: LocalizedTextInput = strawberry.field(description="Name; at least one locale is required.")
    parent_code: str | None = strawberry.field(
        default=None, description="NUTS code of the region one level up; required for levels 2 and 3."
    )
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a NUTS region; fields left out keep their values.")
class UpdateRegionInput:
    id: strawberry.ID = strawberry.field(description="The region.")
    version: int = strawberry.field(description="The version the change is based on.")
    code: str | None = strawberry.field(default=strawberry.UNSET, description="NUTS code.")
    level: int | None = strawberry.field(default=strawberry.UNSET, description="NUTS level: 1, 2 or 3.")
    country_code: str | None = strawberry.field(default=strawberry.UNSET, description="Country code.")
    name: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Name; locales left out keep their text."
    )
    parent_code: str | None = strawberry.field(
        default=strawberry.UNSET, description="NUTS code of the region one level up."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


def country_columns(data: CreateCountryInput | UpdateCountryInput) -> dict[str, Any]:
    """The column values the input sets."""
    columns: dict[str, Any] = {
        **given_texts(data, "note"),
        **given_values(data, "eu_member"),
        **given_localized(data, "name"),
    }
    if given(data.code):
        columns["code"] = code_of(data.code)
    return columns


async def region_columns(data: CreateRegionInput | UpdateRegionInput) -> dict[str, Any]:
    """The column values the input sets; unknown codes become 0, which validation reports."""
    columns: dict[str, Any] = {
        **given_texts(data, "note"),
        **given_values(data, "level"),
        **given_localized(data, "name"),
    }
    if given(data.code):
        columns["code"] = code_of(data.code)
    if given(data.country_code):
        columns["country_id"] = await id_of_code(Country, data.country_code or "")
    if given(data.parent_code):
        columns["parent_id"] = await id_of_code(Region, code_of(data.parent_code))
    return columns

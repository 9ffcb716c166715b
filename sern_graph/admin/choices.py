"""Options of the forms' pick lists and the lists' filters, read from the database when shown."""

from __future__ import annotations

from enum import Enum

from sern_graph.admin.fields import Choice, ChoicesLoader
from sern_graph.content.models import EditorialState
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Organisation


async def countries() -> list[Choice]:
    rows = await Country.all().order_by("code")
    return [
        Choice(str(row.id), f"{row.code}: {row.name_en or row.name_sv or row.name_it or ''}") for row in rows
    ]


async def regions() -> list[Choice]:
    """NUTS regions grouped by their country."""
    rows = await Region.all().select_related("country").order_by("code")
    return [
        Choice(
            str(row.id), f"{row.code}: {row.name_en or row.name_sv or row.name_it or ''}", row.country.code
        )
        for row in rows
    ]


async def organisations() -> list[Choice]:
    rows = await Organisation.all().order_by("name").values_list("id", "name")
    return [Choice(str(pk), name) for pk, name in rows]


def enum_choices(enum: type[Enum]) -> ChoicesLoader:
    async def load() -> list[Choice]:
        return [Choice(str(member.value), str(member.value).replace("_", " ")) for member in enum]

    return load


states = enum_choices(EditorialState)

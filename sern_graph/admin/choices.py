"""Options of the forms' pick lists and the lists' filters, read from the database when shown."""

from __future__ import annotations

from enum import Enum

from sern_graph.admin.fields import Choice, ChoicesLoader
from sern_graph.content.models import EditorialState
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Organisation
from sern_graph.people.models import Person
from sern_graph.projects.models import Project
from sern_graph.themes.models import Theme


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


async def region_codes() -> list[Choice]:
    """NUTS regions by code, for filters that take in the regions below the chosen one."""
    rows = await Region.all().order_by("code")
    return [
        Choice(row.code, f"{row.code}: {row.name_en or row.name_sv or row.name_it or ''}") for row in rows
    ]


async def themes() -> list[Choice]:
    rows = await Theme.all().order_by("slug")
    return [Choice(str(row.id), row.name_en or row.name_sv or row.name_it or row.slug) for row in rows]


async def people() -> list[Choice]:
    rows = (
        await Person.all()
        .order_by("family_name", "given_name")
        .values_list("id", "family_name", "given_name")
    )
    return [Choice(str(pk), f"{family}, {given}") for pk, family, given in rows]


async def projects() -> list[Choice]:
    rows = await Project.all().order_by("slug")
    return [Choice(str(row.id), project_title(row)) for row in rows]


def project_title(project: Project) -> str:
    title = project.title_en or project.title_sv or project.title_it or project.slug
    return f"{project.acronym}: {title}" if project.acronym else title


async def organisations() -> list[Choice]:
    rows = await Organisation.all().order_by("name").values_list("id", "name")
    return [Choice(str(pk), name) for pk, name in rows]


def enum_choices(enum: type[Enum]) -> ChoicesLoader:
    async def load() -> list[Choice]:
        return [Choice(str(member.value), str(member.value).replace("_", " ")) for member in enum]

    return load


states = enum_choices(EditorialState)

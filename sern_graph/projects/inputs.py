"""Mutation inputs for projects and partnerships, and their conversion to the service's column values."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import strawberry

from sern_graph.content.inputs import (
    LocalizedTextInput,
    first_slug,
    given_localized,
    given_period,
    given_texts,
    given_values,
    object_id,
)
from sern_graph.projects.enums import PartnershipRole
from sern_graph.projects.kind import CENT, MAX_AMOUNT

# A JSON number such as 0.1 reaches the Decimal scalar as a binary float (0.1000000000000000055...);
# amounts this close to whole cents are taken as those cents.
FLOAT_NOISE = Decimal("1e-9")


@strawberry.input(description="A new project; it starts as a draft.")
class CreateProjectInput:
    title: LocalizedTextInput = strawberry.field(description="Title; required in at least one locale.")
    slug: str | None = strawberry.field(
        default=None, description="URL key; made from the acronym (or else the title) if left out."
    )
    acronym: str | None = strawberry.field(default=None, description="Acronym, e.g. `NTT+`.")
    summary: LocalizedTextInput | None = strawberry.field(default=None, description="Summary.")
    programme: str | None = strawberry.field(default=None, description="Funding programme, e.g. `Erasmus+`.")
    grant_reference: str | None = strawberry.field(default=None, description="Grant agreement number.")
    start_date: date | None = strawberry.field(default=None, description="First day.")
    end_date: date | None = strawberry.field(default=None, description="Last day; not before the first.")
    dates_approximate: bool = strawberry.field(
        default=False, description="Whether the dates are approximate."
    )
    budget: Decimal | None = strawberry.field(default=None, description="Total budget in EUR.")
    eu_contribution: Decimal | None = strawberry.field(
        default=None, description="EU contribution in EUR; not above the budget."
    )
    website: str | None = strawberry.field(default=None, description="Website address.")
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a project; fields left out keep their values.")
class UpdateProjectInput:
    id: strawberry.ID = strawberry.field(description="The project.")
    version: int = strawberry.field(description="The version the change is based on.")
    slug: str | None = strawberry.field(default=strawberry.UNSET, description="URL key.")
    acronym: str | None = strawberry.field(default=strawberry.UNSET, description="Acronym.")
    title: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Title; locales left out keep their text."
    )
    summary: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Summary; locales left out keep their text."
    )
    programme: str | None = strawberry.field(default=strawberry.UNSET, description="Funding programme.")
    grant_reference: str | None = strawberry.field(
        default=strawberry.UNSET, description="Grant agreement number."
    )
    start_date: date | None = strawberry.field(default=strawberry.UNSET, description="First day.")
    end_date: date | None = strawberry.field(default=strawberry.UNSET, description="Last day.")
    dates_approximate: bool | None = strawberry.field(
        default=strawberry.UNSET, description="Whether the dates are approximate; null means no."
    )
    budget: Decimal | None = strawberry.field(default=strawberry.UNSET, description="Total budget in EUR.")
    eu_contribution: Decimal | None = strawberry.field(
        default=strawberry.UNSET, description="EU contribution in EUR."
    )
    website: str | None = strawberry.field(default=strawberry.UNSET, description="Website address.")
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


@strawberry.input(description="A new partnership: an organisation taking part in a project; a draft.")
class CreateProjectPartnershipInput:
    project_id: strawberry.ID = strawberry.field(description="The project.")
    organisation_id: strawberry.ID = strawberry.field(
        description="The organisation; at most one partnership per project and organisation."
    )
    role: PartnershipRole = strawberry.field(
        default=PartnershipRole.PARTNER, description="Its role in the project."
    )
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a partnership; fields left out keep their values.")
class UpdateProjectPartnershipInput:
    id: strawberry.ID = strawberry.field(description="The partnership.")
    version: int = strawberry.field(description="The version the change is based on.")
    role: PartnershipRole | None = strawberry.field(
        default=strawberry.UNSET, description="The organisation's role in the project."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


@strawberry.input(description="The themes of a project; replaces the current set.")
class SetProjectThemesInput:
    id: strawberry.ID = strawberry.field(description="The project.")
    theme_slugs: list[str] = strawberry.field(description="Slugs of every theme of the project.")
    version: int | None = strawberry.field(default=None, description="The version the change is based on.")


def euros(value: Decimal | None) -> Decimal | None:
    """An amount as given, with float noise around whole cents removed (validation checks the rest)."""
    if value is None or not value.is_finite() or abs(value) >= MAX_AMOUNT:
        return value
    cents = value.quantize(CENT)
    return cents if abs(value - cents) < FLOAT_NOISE else value


def project_slug(acronym: str | None, title: LocalizedTextInput) -> str | None:
    """The slug made from the acronym, or else the title (English, Swedish, Italian first)."""
    texts = title.columns("title")
    return first_slug(acronym, texts.get("title_en"), texts.get("title_sv"), texts.get("title_it"))


def to_columns(data: CreateProjectInput | UpdateProjectInput) -> dict[str, Any]:
    """The column values the input sets."""
    return {
        **given_texts(data, "slug", "acronym", "programme", "grant_reference", "website", "note"),
        **given_period(data),
        **{name: euros(value) for name, value in given_values(data, "budget", "eu_contribution").items()},
        **given_localized(data, "title", "summary"),
    }


def partnership_columns(
    data: CreateProjectPartnershipInput | UpdateProjectPartnershipInput,
) -> dict[str, Any]:
    """The column values the input sets; IDs of the wrong type become 0, which validation reports."""
    columns: dict[str, Any] = given_texts(data, "note")
    if isinstance(data, CreateProjectPartnershipInput):
        columns["project_id"] = object_id(data.project_id, "Project")
        columns["organisation_id"] = object_id(data.organisation_id, "Organisation")
    columns.update(given_values(data, "role"))
    return columns

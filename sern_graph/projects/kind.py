"""Projects and partnerships as the content service writes them: editable fields and validation."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_DOWN, Decimal
from typing import Any

from sern_graph.content import validators as check
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel
from sern_graph.core.validation import FieldError
from sern_graph.organisations.models import Organisation
from sern_graph.projects.models import Project, ProjectPartnership

FIELDS = (
    "slug",
    "acronym",
    "title_sv",
    "title_it",
    "title_en",
    "summary_sv",
    "summary_it",
    "summary_en",
    "programme",
    "grant_reference",
    "start_date",
    "end_date",
    "dates_approximate",
    "budget",
    "eu_contribution",
    "website",
    "note",
)
PARTNERSHIP_FIELDS = ("project_id", "organisation_id", "role", "note")
# The amount columns hold 14 digits, 2 of them after the decimal point.
MAX_AMOUNT = Decimal(10) ** 12
CENT = Decimal("0.01")


def amount(errors: list[FieldError], value: Decimal | None, field: str) -> bool:
    """Checks an amount in euros; whether it is a usable one (given and valid)."""
    if value is None:
        return False
    if not value.is_finite():
        errors.append(FieldError(field, "INVALID_AMOUNT", "An amount in euros, e.g. 1250000.50."))
    elif value < 0:
        check.non_negative(errors, value, field)
    elif value >= MAX_AMOUNT:
        errors.append(FieldError(field, "TOO_LARGE", "Less than 1 000 000 000 000 euros."))
    elif value != value.quantize(CENT, rounding=ROUND_DOWN):
        errors.append(FieldError(field, "INVALID_AMOUNT", "An amount in euros with at most 2 decimals."))
    else:
        return True
    return False


async def validate(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    check.slug_or_source(errors, values["slug"], "input.slug", "an acronym or title")
    await check.unique(errors, Project, "slug", values["slug"], "input.slug", current)
    check.text(errors, values["acronym"], "input.acronym", max_length=50)
    check.localized(errors, values, "title", max_length=500, required=True)
    check.localized(errors, values, "summary", max_length=20_000)
    check.text(errors, values["programme"], "input.programme", max_length=200)
    check.text(errors, values["grant_reference"], "input.grantReference", max_length=100)
    check.period(errors, values["start_date"], values["end_date"], "input.endDate")
    budget = amount(errors, values["budget"], "input.budget")
    contribution = amount(errors, values["eu_contribution"], "input.euContribution")
    if budget and contribution and values["eu_contribution"] > values["budget"]:
        errors.append(
            FieldError("input.euContribution", "EXCEEDS_BUDGET", "The EU contribution exceeds the budget.")
        )
    check.url(errors, values["website"], "input.website")
    return errors


async def validate_partnership(values: Mapping[str, Any], current: ContentModel | None) -> list[FieldError]:
    errors: list[FieldError] = []
    project_id, organisation_id = values["project_id"], values["organisation_id"]
    await check.existing(errors, Project, project_id, "input.projectId", "project")
    organisation = await check.existing(
        errors, Organisation, organisation_id, "input.organisationId", "organisation"
    )
    if organisation is not None and project_id:
        others = ProjectPartnership.filter(project_id=project_id, organisation_id=organisation_id)
        if current is not None:
            others = others.exclude(id=current.id)
        if await others.exists():
            message = "The organisation is already a partner of this project (perhaps archived)."
            errors.append(FieldError("input.organisationId", "DUPLICATE_PARTNER", message))
    check.required(errors, values["role"], "input.role")
    return errors


PROJECT = ContentKind(name="Project", model=Project, fields=FIELDS, validate=validate)
PROJECT_PARTNERSHIP = ContentKind(
    name="ProjectPartnership",
    model=ProjectPartnership,
    fields=PARTNERSHIP_FIELDS,
    validate=validate_partnership,
)

"""EU projects and the organisations taking part in them."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from sern_graph.content.models import ContentModel, TimeBoundMixin

if TYPE_CHECKING:
    from sern_graph.organisations.models import Organisation
    from sern_graph.themes.models import Theme


class PartnershipRole(StrEnum):
    LEAD = "lead"
    PARTNER = "partner"
    ASSOCIATED = "associated"


class Project(ContentModel, TimeBoundMixin):
    slug = fields.CharField(max_length=100, unique=True)
    acronym = fields.CharField(max_length=50, null=True, db_index=True)
    title_sv = fields.CharField(max_length=500, null=True)
    title_it = fields.CharField(max_length=500, null=True)
    title_en = fields.CharField(max_length=500, null=True)
    summary_sv = fields.TextField(null=True)
    summary_it = fields.TextField(null=True)
    summary_en = fields.TextField(null=True)
    programme = fields.CharField(max_length=200, null=True, db_index=True)
    grant_reference = fields.CharField(max_length=100, null=True)
    budget = fields.DecimalField(max_digits=14, decimal_places=2, null=True, description="EUR")
    eu_contribution = fields.DecimalField(max_digits=14, decimal_places=2, null=True, description="EUR")
    website = fields.CharField(max_length=500, null=True)
    themes: fields.ManyToManyRelation[Theme] = fields.ManyToManyField(
        "models.Theme", related_name="projects", through="project_theme"
    )

    class Meta:
        table = "project"


class ProjectPartnership(ContentModel):
    project: fields.ForeignKeyRelation[Project] = fields.ForeignKeyField(
        "models.Project", related_name="partnerships", on_delete=fields.CASCADE
    )
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="partnerships", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(PartnershipRole, max_length=16, default=PartnershipRole.PARTNER)

    project_id: int
    organisation_id: int

    class Meta:
        table = "project_partnership"
        unique_together = (("project", "organisation"),)

"""Organisations and their membership of the network over time."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from sern_graph.content.models import ContentModel, TimeBoundMixin

if TYPE_CHECKING:
    from sern_graph.geography.models import Country, Region
    from sern_graph.themes.models import Theme


class OrganisationKind(StrEnum):
    MUNICIPALITY = "municipality"
    REGION = "region"
    ASSOCIATION_OF_MUNICIPALITIES = "association_of_municipalities"
    UNIVERSITY = "university"
    AGENCY = "agency"
    COMPANY = "company"
    NGO = "ngo"
    SCHOOL = "school"
    OTHER = "other"


class MembershipKind(StrEnum):
    MEMBER = "member"
    PARTNER = "partner"
    OBSERVER = "observer"


class Organisation(ContentModel):
    slug = fields.CharField(max_length=100, unique=True)
    name = fields.CharField(max_length=300, db_index=True)
    short_name = fields.CharField(max_length=100, null=True)
    kind = fields.CharEnumField(OrganisationKind, max_length=40)
    municipality_code = fields.CharField(max_length=10, null=True, description="kommunkod / ISTAT")
    website = fields.CharField(max_length=500, null=True)
    email = fields.CharField(max_length=254, null=True, description="public e-mail of the organisation")
    phone = fields.CharField(max_length=50, null=True, description="public phone of the organisation")
    address = fields.TextField(null=True)
    latitude = fields.FloatField(null=True)
    longitude = fields.FloatField(null=True)
    logo_url = fields.CharField(max_length=500, null=True)
    description_sv = fields.TextField(null=True)
    description_it = fields.TextField(null=True)
    description_en = fields.TextField(null=True)
    country: fields.ForeignKeyRelation[Country] = fields.ForeignKeyField(
        "models.Country", related_name="organisations", on_delete=fields.RESTRICT
    )
    region: fields.ForeignKeyNullableRelation[Region] = fields.ForeignKeyField(
        "models.Region", related_name="organisations", null=True, on_delete=fields.SET_NULL
    )
    parent: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="children", null=True, on_delete=fields.SET_NULL
    )
    themes: fields.ManyToManyRelation[Theme] = fields.ManyToManyField(
        "models.Theme", related_name="organisations", through="organisation_theme"
    )

    memberships: fields.ReverseRelation[Membership]
    country_id: int
    region_id: int | None
    parent_id: int | None

    class Meta:
        table = "organisation"


class Membership(ContentModel, TimeBoundMixin):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="memberships", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(MembershipKind, max_length=16, default=MembershipKind.MEMBER)

    organisation_id: int

    class Meta:
        table = "membership"

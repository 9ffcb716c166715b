"""Countries (ISO 3166-1) and regions (NUTS)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields

from sern_graph.content.models import ContentModel

if TYPE_CHECKING:
    from sern_graph.organisations.models import Organisation


class Country(ContentModel):
    code = fields.CharField(max_length=2, unique=True, description="ISO 3166-1 alpha-2")
    name_sv = fields.CharField(max_length=200, null=True)
    name_it = fields.CharField(max_length=200, null=True)
    name_en = fields.CharField(max_length=200, null=True)
    eu_member = fields.BooleanField(default=False)

    regions: fields.ReverseRelation[Region]
    organisations: fields.ReverseRelation[Organisation]

    class Meta:
        table = "country"


class Region(ContentModel):
    code = fields.CharField(max_length=8, unique=True, description="NUTS code")
    name_sv = fields.CharField(max_length=200, null=True)
    name_it = fields.CharField(max_length=200, null=True)
    name_en = fields.CharField(max_length=200, null=True)
    level = fields.SmallIntField(description="NUTS level: 1, 2 or 3")
    country: fields.ForeignKeyRelation[Country] = fields.ForeignKeyField(
        "models.Country", related_name="regions", on_delete=fields.RESTRICT
    )
    parent: fields.ForeignKeyNullableRelation[Region] = fields.ForeignKeyField(
        "models.Region", related_name="children", null=True, on_delete=fields.RESTRICT
    )

    children: fields.ReverseRelation[Region]
    organisations: fields.ReverseRelation[Organisation]
    country_id: int
    parent_id: int | None

    class Meta:
        table = "region"

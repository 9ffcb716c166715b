"""Themes of the network's cooperation (education, energy, ...)."""

from __future__ import annotations

from tortoise import fields

from sern_graph.content.models import ContentModel


class Theme(ContentModel):
    slug = fields.CharField(max_length=100, unique=True)
    name_sv = fields.CharField(max_length=200, null=True)
    name_it = fields.CharField(max_length=200, null=True)
    name_en = fields.CharField(max_length=200, null=True)
    description_sv = fields.TextField(null=True)
    description_it = fields.TextField(null=True)
    description_en = fields.TextField(null=True)

    class Meta:
        table = "theme"

"""People, their board seats and their contact roles."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from sern_graph.content.models import ContentModel, TimeBoundMixin

if TYPE_CHECKING:
    from sern_graph.organisations.models import Organisation


class BoardRole(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    DEPUTY = "deputy"


class Person(ContentModel):
    slug = fields.CharField(max_length=100, unique=True)
    given_name = fields.CharField(max_length=100)
    family_name = fields.CharField(max_length=100, db_index=True)
    position_sv = fields.CharField(max_length=300, null=True)
    position_it = fields.CharField(max_length=300, null=True)
    position_en = fields.CharField(max_length=300, null=True)
    party = fields.CharField(max_length=100, null=True)
    bio_sv = fields.TextField(null=True)
    bio_it = fields.TextField(null=True)
    bio_en = fields.TextField(null=True)
    photo_url = fields.CharField(max_length=500, null=True)
    # Personal data: never exposed to anonymous callers.
    email = fields.CharField(max_length=254, null=True)
    phone = fields.CharField(max_length=50, null=True)
    organisation: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="people", null=True, on_delete=fields.SET_NULL
    )

    organisation_id: int | None

    class Meta:
        table = "person"


class BoardMembership(ContentModel, TimeBoundMixin):
    person: fields.ForeignKeyRelation[Person] = fields.ForeignKeyField(
        "models.Person", related_name="board_memberships", on_delete=fields.CASCADE
    )
    organisation: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="board_memberships", null=True, on_delete=fields.SET_NULL
    )
    role = fields.CharEnumField(BoardRole, max_length=16, default=BoardRole.MEMBER)

    person_id: int
    organisation_id: int | None

    class Meta:
        table = "board_membership"


class ContactRole(ContentModel):
    person: fields.ForeignKeyRelation[Person] = fields.ForeignKeyField(
        "models.Person", related_name="contact_roles", on_delete=fields.CASCADE
    )
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="contact_roles", on_delete=fields.CASCADE
    )
    role_sv = fields.CharField(max_length=300, null=True)
    role_it = fields.CharField(max_length=300, null=True)
    role_en = fields.CharField(max_length=300, null=True)

    person_id: int
    organisation_id: int

    class Meta:
        table = "contact_role"

"""Events: General Assemblies, board meetings, seminars, study visits."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields

from sern_graph.content.models import ContentModel, TimeBoundMixin

if TYPE_CHECKING:
    from sern_graph.geography.models import Country
    from sern_graph.organisations.models import Organisation
    from sern_graph.projects.models import Project


class EventKind(StrEnum):
    GENERAL_ASSEMBLY = "general_assembly"
    BOARD_MEETING = "board_meeting"
    CONFERENCE = "conference"
    SEMINAR = "seminar"
    STUDY_VISIT = "study_visit"
    WORKSHOP = "workshop"
    OTHER = "other"


class Event(ContentModel, TimeBoundMixin):
    slug = fields.CharField(max_length=100, unique=True)
    title_sv = fields.CharField(max_length=500, null=True)
    title_it = fields.CharField(max_length=500, null=True)
    title_en = fields.CharField(max_length=500, null=True)
    kind = fields.CharEnumField(EventKind, max_length=24)
    venue_city = fields.CharField(max_length=200, null=True)
    host: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="hosted_events", null=True, on_delete=fields.SET_NULL
    )
    country: fields.ForeignKeyNullableRelation[Country] = fields.ForeignKeyField(
        "models.Country", related_name="events", null=True, on_delete=fields.SET_NULL
    )
    projects: fields.ManyToManyRelation[Project] = fields.ManyToManyField(
        "models.Project", related_name="events", through="event_project"
    )
    participants: fields.ManyToManyRelation[Organisation] = fields.ManyToManyField(
        "models.Organisation", related_name="events", through="event_participant"
    )

    host_id: int | None
    country_id: int | None

    class Meta:
        table = "event"

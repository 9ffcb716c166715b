"""Typed filter and order inputs for event lists, and the query they select."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated

import strawberry
from tortoise.expressions import Q, Subquery
from tortoise.functions import Lower
from tortoise.queryset import QuerySet

from sern_graph.content.visibility import published
from sern_graph.core.dates import overlaps
from sern_graph.core.localization import LocaleChain, coalesced
from sern_graph.core.ordering import by_date
from sern_graph.events.enums import EventKind
from sern_graph.events.models import Event


@strawberry.input(description="Narrows an event list; all given conditions must hold.")
class EventFilter:
    kinds: list[EventKind] | None = strawberry.field(default=None, description="Any of these kinds.")
    country_codes: list[str] | None = strawberry.field(
        default=None, description="Held in any of these countries (ISO 3166-1 alpha-2)."
    )
    host_slugs: list[str] | None = strawberry.field(
        default=None, description="Hosted by any of these organisations."
    )
    participant_slugs: list[str] | None = strawberry.field(
        default=None, description="With any of these organisations taking part."
    )
    project_slugs: list[str] | None = strawberry.field(
        default=None, description="Belonging to any of these projects."
    )
    from_date: date | None = strawberry.field(
        default=None, description="Taking place at some time on or after this date."
    )
    until_date: date | None = strawberry.field(
        default=None, description="Taking place at some time on or before this date."
    )
    search: str | None = strawberry.field(
        default=None, description="Text in the title as shown in the request's locale, or the city."
    )

    def apply(self, queryset: QuerySet[Event], chain: LocaleChain) -> QuerySet[Event]:
        if self.kinds is not None:
            queryset = queryset.filter(kind__in=[kind.value for kind in self.kinds])
        if self.country_codes is not None:
            queryset = queryset.filter(country__code__in=[code.upper() for code in self.country_codes])
        if self.host_slugs is not None:
            queryset = queryset.filter(published("host__"), host__slug__in=self.host_slugs)
        if self.participant_slugs is not None:
            taking_part = Event.filter(
                participants__slug__in=self.participant_slugs, participants__state="published"
            )
            queryset = queryset.filter(id__in=Subquery(taking_part.values("id")))
        if self.project_slugs is not None:
            of_projects = Event.filter(projects__slug__in=self.project_slugs, projects__state="published")
            queryset = queryset.filter(id__in=Subquery(of_projects.values("id")))
        if self.from_date is not None or self.until_date is not None:
            queryset = queryset.filter(overlaps(self.from_date, self.until_date))
        if self.search:
            queryset = queryset.annotate(title_shown=coalesced("title", chain)).filter(
                Q(title_shown__icontains=self.search) | Q(venue_city__icontains=self.search)
            )
        return queryset


@strawberry.enum(description="Order of an event list.")
class EventOrderBy(Enum):
    START_DATE_DESC = strawberry.enum_value(
        "start_date_desc", description="Newest first; events without a date last."
    )
    START_DATE_ASC = strawberry.enum_value(
        "start_date_asc", description="Oldest first; events without a date last."
    )
    TITLE_ASC = strawberry.enum_value("title_asc", description="By title as shown, A to Z.")


EventFilterArg = Annotated[EventFilter | None, strawberry.argument(description="Conditions the events meet.")]
EventOrderArg = Annotated[EventOrderBy, strawberry.argument(description="Order of the list.")]


@dataclass(frozen=True)
class EventSpec:
    """How one event list is filtered and ordered."""

    filter: EventFilter | None
    order_by: EventOrderBy
    chain: LocaleChain
    today: date

    def title_key(self) -> Lower:
        """The title as shown, lower-cased, so both databases order it alike."""
        return Lower(coalesced("title", self.chain))

    def query(self) -> QuerySet[Event]:
        queryset = Event.filter(published())
        if self.filter is not None:
            queryset = self.filter.apply(queryset, self.chain)
        match self.order_by:
            case EventOrderBy.START_DATE_DESC:
                return by_date(queryset, "start_date", descending=True)
            case EventOrderBy.START_DATE_ASC:
                return by_date(queryset, "start_date", descending=False)
            case EventOrderBy.TITLE_ASC:
                return queryset.annotate(sort_key=self.title_key()).order_by("sort_key", "id")

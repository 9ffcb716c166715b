"""Typed filter and order inputs for project lists, and the query they select."""

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
from sern_graph.core.dates import holds_on, overlaps
from sern_graph.core.localization import LocaleChain, coalesced
from sern_graph.core.ordering import by_date
from sern_graph.projects.models import Project, ProjectPartnership


@strawberry.input(description="Narrows a project list; all given conditions must hold.")
class ProjectFilter:
    search: str | None = strawberry.field(
        default=None,
        description="Text in the acronym or in the title as shown in the request's locale.",
    )
    theme_slugs: list[str] | None = strawberry.field(default=None, description="On any of these themes.")
    programmes: list[str] | None = strawberry.field(
        default=None, description="Funded by any of these programmes, e.g. `Erasmus+`."
    )
    partner_slugs: list[str] | None = strawberry.field(
        default=None, description="With any of these organisations as a partner."
    )
    partner_country_codes: list[str] | None = strawberry.field(
        default=None, description="With a partner in any of these countries (ISO 3166-1 alpha-2)."
    )
    active_on: date | None = strawberry.field(default=None, description="Running on this date.")
    active_from: date | None = strawberry.field(
        default=None, description="Running at some time on or after this date."
    )
    active_until: date | None = strawberry.field(
        default=None, description="Running at some time on or before this date."
    )

    def apply(self, queryset: QuerySet[Project], chain: LocaleChain) -> QuerySet[Project]:
        if self.search:
            queryset = queryset.annotate(title_shown=coalesced("title", chain)).filter(
                Q(title_shown__icontains=self.search) | Q(acronym__icontains=self.search)
            )
        if self.theme_slugs is not None:
            themed = Project.filter(themes__slug__in=self.theme_slugs, themes__state="published")
            queryset = queryset.filter(id__in=Subquery(themed.values("id")))
        if self.programmes is not None:
            queryset = queryset.filter(programme__in=self.programmes)
        if self.partner_slugs is not None or self.partner_country_codes is not None:
            partners = ProjectPartnership.filter(published(), published("organisation__"))
            if self.partner_slugs is not None:
                partners = partners.filter(organisation__slug__in=self.partner_slugs)
            if self.partner_country_codes is not None:
                codes = [code.upper() for code in self.partner_country_codes]
                partners = partners.filter(organisation__country__code__in=codes)
            queryset = queryset.filter(id__in=Subquery(partners.values("project_id")))
        if self.active_on is not None:
            queryset = queryset.filter(holds_on(self.active_on))
        if self.active_from is not None or self.active_until is not None:
            queryset = queryset.filter(overlaps(self.active_from, self.active_until))
        return queryset


@strawberry.enum(description="Order of a project list.")
class ProjectOrderBy(Enum):
    START_DATE_DESC = strawberry.enum_value(
        "start_date_desc", description="Newest start first; projects without dates last."
    )
    START_DATE_ASC = strawberry.enum_value(
        "start_date_asc", description="Oldest start first; projects without dates last."
    )
    TITLE_ASC = strawberry.enum_value("title_asc", description="By title as shown, A to Z.")
    TITLE_DESC = strawberry.enum_value("title_desc", description="By title as shown, Z to A.")
    ACRONYM_ASC = strawberry.enum_value("acronym_asc", description="By acronym, A to Z.")


ProjectFilterArg = Annotated[
    ProjectFilter | None, strawberry.argument(description="Conditions the projects meet.")
]
ProjectOrderArg = Annotated[ProjectOrderBy, strawberry.argument(description="Order of the list.")]


@dataclass(frozen=True)
class ProjectSpec:
    """How one project list is filtered and ordered."""

    filter: ProjectFilter | None
    order_by: ProjectOrderBy
    chain: LocaleChain
    today: date

    def title_key(self) -> Lower:
        """The title as shown, lower-cased, so both databases order it alike."""
        return Lower(coalesced("title", self.chain))

    def query(self) -> QuerySet[Project]:
        queryset = Project.filter(published())
        if self.filter is not None:
            queryset = self.filter.apply(queryset, self.chain)
        match self.order_by:
            case ProjectOrderBy.START_DATE_DESC:
                return by_date(queryset, "start_date", descending=True)
            case ProjectOrderBy.START_DATE_ASC:
                return by_date(queryset, "start_date", descending=False)
            case ProjectOrderBy.TITLE_ASC:
                return queryset.annotate(sort_key=self.title_key()).order_by("sort_key", "id")
            case ProjectOrderBy.TITLE_DESC:
                return queryset.annotate(sort_key=self.title_key()).order_by("-sort_key", "-id")
            case ProjectOrderBy.ACRONYM_ASC:
                return queryset.order_by("acronym", "id")

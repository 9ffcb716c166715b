"""Typed filter and order inputs for organisation lists, and the query they select."""

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
from sern_graph.core.dates import holds_on
from sern_graph.core.localization import LocaleChain
from sern_graph.organisations.enums import MembershipKind, OrganisationKind
from sern_graph.organisations.models import Membership, Organisation
from sern_graph.projects.models import ProjectPartnership


@strawberry.input(description="Narrows an organisation list; all given conditions must hold.")
class OrganisationFilter:
    kinds: list[OrganisationKind] | None = strawberry.field(default=None, description="Any of these kinds.")
    country_codes: list[str] | None = strawberry.field(
        default=None, description="In any of these countries (ISO 3166-1 alpha-2, e.g. SE, IT)."
    )
    region_codes: list[str] | None = strawberry.field(
        default=None,
        description="In any of these NUTS regions or their sub-regions (SE33 includes SE332).",
    )
    theme_slugs: list[str] | None = strawberry.field(
        default=None, description="Working on any of these themes."
    )
    project_theme_slugs: list[str] | None = strawberry.field(
        default=None, description="Taking part in a project on any of these themes."
    )
    is_member: bool | None = strawberry.field(
        default=None, description="Member of the network (true) or not (false) on `memberAsOf`."
    )
    member_as_of: date | None = strawberry.field(
        default=None, description="The date `isMember` refers to; default today."
    )
    search: str | None = strawberry.field(
        default=None, description="Text contained in the name or short name (case-insensitive)."
    )

    def condition(self, today: date) -> Q:
        condition = Q()
        if self.kinds is not None:
            condition &= Q(kind__in=[kind.value for kind in self.kinds])
        if self.country_codes is not None:
            condition &= Q(country__code__in=[code.upper() for code in self.country_codes])
        if self.region_codes is not None:
            condition &= (
                Q(
                    *(Q(region__code__startswith=code.upper()) for code in self.region_codes),
                    join_type=Q.OR,
                )
                if self.region_codes
                else Q(id__in=[])
            )
        if self.theme_slugs is not None:
            condition &= Q(
                id__in=Subquery(
                    Organisation.filter(themes__slug__in=self.theme_slugs, themes__state="published").values(
                        "id"
                    )
                )
            )
        if self.project_theme_slugs is not None:
            partners = ProjectPartnership.filter(
                published(),
                published("project__"),
                project__themes__slug__in=self.project_theme_slugs,
                project__themes__state="published",
            ).values("organisation_id")
            condition &= Q(id__in=Subquery(partners))
        if self.is_member is not None:
            members = Membership.filter(
                published(), holds_on(self.member_as_of or today), kind=MembershipKind.MEMBER
            ).values("organisation_id")
            in_members = Q(id__in=Subquery(members))
            condition &= in_members if self.is_member else ~in_members
        if self.search:
            condition &= Q(name__icontains=self.search) | Q(short_name__icontains=self.search)
        return condition


@strawberry.enum(description="Order of an organisation list.")
class OrganisationOrderBy(Enum):
    NAME_ASC = strawberry.enum_value("name_asc", description="By name, A to Z.")
    NAME_DESC = strawberry.enum_value("name_desc", description="By name, Z to A.")
    CREATED_AT_DESC = strawberry.enum_value("created_at_desc", description="Newest entries first.")
    UPDATED_AT_DESC = strawberry.enum_value("updated_at_desc", description="Most recently changed first.")


OrganisationFilterArg = Annotated[
    OrganisationFilter | None, strawberry.argument(description="Conditions the organisations meet.")
]
OrganisationOrderArg = Annotated[OrganisationOrderBy, strawberry.argument(description="Order of the list.")]


@dataclass(frozen=True)
class OrganisationSpec:
    """How one organisation list is filtered and ordered."""

    filter: OrganisationFilter | None
    order_by: OrganisationOrderBy
    chain: LocaleChain
    today: date

    def query(self) -> QuerySet[Organisation]:
        queryset = Organisation.filter(published())
        if self.filter is not None:
            queryset = queryset.filter(self.filter.condition(self.today))
        match self.order_by:
            case OrganisationOrderBy.NAME_ASC:
                return queryset.annotate(sort_key=Lower("name")).order_by("sort_key", "id")
            case OrganisationOrderBy.NAME_DESC:
                return queryset.annotate(sort_key=Lower("name")).order_by("-sort_key", "-id")
            case OrganisationOrderBy.CREATED_AT_DESC:
                return queryset.order_by("-created_at", "-id")
            case OrganisationOrderBy.UPDATED_AT_DESC:
                return queryset.order_by("-updated_at", "-id")

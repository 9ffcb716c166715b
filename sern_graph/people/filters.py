"""Typed filter and order inputs for people lists, and the query they select."""

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
from sern_graph.people.enums import BoardRole
from sern_graph.people.models import BoardMembership, Person


@strawberry.input(description="Narrows a list of people; all given conditions must hold.")
class PersonFilter:
    search: str | None = strawberry.field(
        default=None, description="Text contained in the given or family name (case-insensitive)."
    )
    organisation_slugs: list[str] | None = strawberry.field(
        default=None, description="Affiliated with any of these organisations."
    )
    country_codes: list[str] | None = strawberry.field(
        default=None, description="Affiliated with an organisation in any of these countries."
    )
    seat_on: date | None = strawberry.field(
        default=None, description="Holding a seat on the board on this date."
    )
    board_roles: list[BoardRole] | None = strawberry.field(
        default=None,
        description="Having held a board seat with any of these roles (on `seatOn`, if given).",
    )
    party: str | None = strawberry.field(default=None, description="Of this political party.")

    def condition(self) -> Q:
        condition = Q()
        if self.search:
            condition &= Q(given_name__icontains=self.search) | Q(family_name__icontains=self.search)
        if self.organisation_slugs is not None:
            condition &= Q(organisation__slug__in=self.organisation_slugs)
        if self.country_codes is not None:
            condition &= Q(organisation__country__code__in=[c.upper() for c in self.country_codes])
        if self.organisation_slugs is not None or self.country_codes is not None:
            condition &= published("organisation__")
        if self.seat_on is not None or self.board_roles is not None:
            seats = BoardMembership.filter(published())
            if self.seat_on is not None:
                seats = seats.filter(holds_on(self.seat_on))
            if self.board_roles is not None:
                seats = seats.filter(role__in=[role.value for role in self.board_roles])
            condition &= Q(id__in=Subquery(seats.values("person_id")))
        if self.party is not None:
            condition &= Q(party=self.party)
        return condition


@strawberry.enum(description="Order of a list of people.")
class PersonOrderBy(Enum):
    FAMILY_NAME_ASC = strawberry.enum_value("family_name_asc", description="By family name, A to Z.")
    FAMILY_NAME_DESC = strawberry.enum_value("family_name_desc", description="By family name, Z to A.")
    GIVEN_NAME_ASC = strawberry.enum_value("given_name_asc", description="By given name, A to Z.")


PersonFilterArg = Annotated[
    PersonFilter | None, strawberry.argument(description="Conditions the people meet.")
]
PersonOrderArg = Annotated[PersonOrderBy, strawberry.argument(description="Order of the list.")]


@dataclass(frozen=True)
class PersonSpec:
    """How one list of people is filtered and ordered."""

    filter: PersonFilter | None
    order_by: PersonOrderBy
    chain: LocaleChain
    today: date

    def query(self) -> QuerySet[Person]:
        queryset = Person.filter(published())
        if self.filter is not None:
            queryset = queryset.filter(self.filter.condition())
        match self.order_by:
            case PersonOrderBy.FAMILY_NAME_ASC:
                keyed = queryset.annotate(k1=Lower("family_name"), k2=Lower("given_name"))
                return keyed.order_by("k1", "k2", "id")
            case PersonOrderBy.FAMILY_NAME_DESC:
                keyed = queryset.annotate(k1=Lower("family_name"), k2=Lower("given_name"))
                return keyed.order_by("-k1", "-k2", "-id")
            case PersonOrderBy.GIVEN_NAME_ASC:
                keyed = queryset.annotate(k1=Lower("given_name"), k2=Lower("family_name"))
                return keyed.order_by("k1", "k2", "id")

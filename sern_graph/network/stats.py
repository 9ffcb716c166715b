"""Live counts over the network, computed with GROUP BY queries (never stored)."""

from __future__ import annotations

from datetime import date

from tortoise.expressions import Subquery
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from sern_graph.content.visibility import published
from sern_graph.core.dates import holds_on
from sern_graph.organisations.models import Membership, MembershipKind, Organisation
from sern_graph.projects.models import Project


def members_on(day: date) -> QuerySet[Organisation]:
    """Published organisations with a published membership of kind `member` holding on `day`."""
    memberships = Membership.filter(published(), holds_on(day), kind=MembershipKind.MEMBER)
    return Organisation.filter(published(), id__in=Subquery(memberships.values("organisation_id")))


async def member_count(day: date) -> int:
    return await members_on(day).count()


async def members_grouped(day: date, column: str) -> list[tuple[object, int]]:
    """(value of `column`, number of members) pairs, largest group first."""
    rows = await members_on(day).annotate(n=Count("id")).group_by(column).values_list(column, "n")
    return sorted(((value, int(n)) for value, n in rows), key=lambda pair: (-pair[1], str(pair[0])))


async def projects_by_theme() -> list[tuple[int, int]]:
    rows = (
        await Project.filter(published(), themes__state="published")
        .annotate(n=Count("id", distinct=True))
        .group_by("themes__id")
        .values_list("themes__id", "n")
    )
    return sorted(((int(theme), int(n)) for theme, n in rows), key=lambda pair: (-pair[1], pair[0]))


async def projects_by_programme() -> list[tuple[str | None, int]]:
    rows = (
        await Project.filter(published())
        .annotate(n=Count("id"))
        .group_by("programme")
        .values_list("programme", "n")
    )
    return sorted(((programme, int(n)) for programme, n in rows), key=lambda pair: (-pair[1], str(pair[0])))

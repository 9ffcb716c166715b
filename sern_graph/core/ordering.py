"""Ordering that reads the same on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import TypeVar

from tortoise.expressions import RawSQL
from tortoise.models import Model
from tortoise.queryset import QuerySet

M = TypeVar("M", bound=Model)


def by_date(
    queryset: QuerySet[M], column: str, *, descending: bool, unknown_first: bool = False
) -> QuerySet[M]:
    """Orders by a nullable date with unknown dates last (or first) in both directions.

    Databases disagree on where NULL sorts, so it is spelled out.
    """
    direction = "-" if descending else ""
    unknown, known = (0, 1) if unknown_first else (1, 0)
    return queryset.annotate(
        date_unknown=RawSQL(f'CASE WHEN "{column}" IS NULL THEN {unknown} ELSE {known} END')
    ).order_by("date_unknown", f"{direction}{column}", f"{direction}id")


def oldest_first(queryset: QuerySet[M]) -> QuerySet[M]:
    """Periods by start date; an unknown start means "since before", so it comes first."""
    return by_date(queryset, "start_date", descending=False, unknown_first=True)

"""Ordering that reads the same on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import TypeVar

from tortoise.expressions import RawSQL
from tortoise.models import Model
from tortoise.queryset import QuerySet

M = TypeVar("M", bound=Model)


def by_date(queryset: QuerySet[M], column: str, *, descending: bool) -> QuerySet[M]:
    """Orders by a nullable date with unknown dates last in both directions (databases disagree)."""
    direction = "-" if descending else ""
    return queryset.annotate(date_unknown=RawSQL(f'CASE WHEN "{column}" IS NULL THEN 1 ELSE 0 END')).order_by(
        "date_unknown", f"{direction}{column}", f"{direction}id"
    )

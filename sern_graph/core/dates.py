"""Time-bounded links: which rows hold on a date."""

from __future__ import annotations

from datetime import date

from tortoise.expressions import Q


def holds_on(day: date, prefix: str = "") -> Q:
    """Open-ended periods hold; an unknown start date counts as 'since before'."""
    return (Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": day})) & (
        Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": day})
    )


def overlaps(start: date | None, end: date | None, prefix: str = "") -> Q:
    """Periods that share at least a day with [start, end] (either end may be open)."""
    condition = Q()
    if end is not None:
        condition &= Q(**{f"{prefix}start_date__isnull": True}) | Q(**{f"{prefix}start_date__lte": end})
    if start is not None:
        condition &= Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": start})
    return condition


def holds_on_day(row: object, day: date) -> bool:
    """The Python twin of `holds_on`, for rows already loaded."""
    start: date | None = getattr(row, "start_date", None)
    end: date | None = getattr(row, "end_date", None)
    return (start is None or start <= day) and (end is None or end >= day)

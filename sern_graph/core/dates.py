"""Time-bounded links: which rows hold on a date."""

from __future__ import annotations

from datetime import date
from typing import Any

from tortoise.expressions import Q


def condition(lookup: str, value: object) -> Q:
    """`Q(<lookup>=value)` for a lookup built at run time."""
    conditions: dict[str, Any] = {lookup: value}
    return Q(**conditions)


def holds_on(day: date, prefix: str = "") -> Q:
    """Open-ended periods hold; an unknown start date counts as 'since before'."""
    starts = condition(f"{prefix}start_date__isnull", True) | condition(f"{prefix}start_date__lte", day)
    ends = condition(f"{prefix}end_date__isnull", True) | condition(f"{prefix}end_date__gte", day)
    return starts & ends


def overlaps(start: date | None, end: date | None, prefix: str = "") -> Q:
    """Periods that share at least a day with [start, end] (either end may be open)."""
    result = Q()
    if end is not None:
        result &= condition(f"{prefix}start_date__isnull", True) | condition(f"{prefix}start_date__lte", end)
    if start is not None:
        result &= condition(f"{prefix}end_date__isnull", True) | condition(f"{prefix}end_date__gte", start)
    return result


def holds_on_day(row: object, day: date) -> bool:
    """The Python twin of `holds_on`, for rows already loaded."""
    start: date | None = getattr(row, "start_date", None)
    end: date | None = getattr(row, "end_date", None)
    return (start is None or start <= day) and (end is None or end >= day)

"""Model fields that convert database values faster than tortoise's own, with the same results.

SQLite hands datetimes and dates back as text, and tortoise parses them with the `iso8601`
package: that was the largest single cost of loading rows (a third of the whole-network query).
`fromisoformat` reads the same ISO 8601 text SQLite stores, ten times faster.
The subclasses keep tortoise's class names, so migrations see no change.
"""

from __future__ import annotations

import datetime
from typing import Any, TypeVar

from tortoise import fields

T_DATETIME = TypeVar("T_DATETIME", datetime.datetime, datetime.datetime | None)
T_DATE = TypeVar("T_DATE", datetime.date, datetime.date | None)


class DatetimeField(fields.DatetimeField[T_DATETIME]):
    def to_python_value(self, value: Any) -> datetime.datetime | None:
        if isinstance(value, str):
            value = datetime.datetime.fromisoformat(value)
        return super().to_python_value(value)


class DateField(fields.DateField[T_DATE]):
    def to_python_value(self, value: Any) -> datetime.date | None:
        if isinstance(value, str):
            return datetime.date.fromisoformat(value[:10])
        return super().to_python_value(value)

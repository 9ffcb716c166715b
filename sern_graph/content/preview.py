"""Preview: editors (and preview tokens) read drafts, and published entries with their pending edits.

Preview is a property of the whole request, kept in a context variable so every query of the
request (loaders included: their tasks inherit it) sees the same entries. Anonymous callers can
never switch it on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tortoise.fields import DateField, DatetimeField, DecimalField
from tortoise.models import Model

_preview: ContextVar[bool] = ContextVar("sern_graph_preview", default=False)


def preview_active() -> bool:
    return _preview.get()


@contextmanager
def previewing(enabled: bool = True) -> Iterator[None]:
    token = _preview.set(enabled)
    try:
        yield
    finally:
        _preview.reset(token)


def column_value(model: type[Model], name: str, value: Any) -> Any:
    """A JSON value of column `name` as the model holds it in Python."""
    if value is None:
        return None
    field = model._meta.fields_map.get(name)
    if isinstance(field, DatetimeField):
        return datetime.fromisoformat(value)
    if isinstance(field, DateField):
        return date.fromisoformat(value)
    if isinstance(field, DecimalField):
        return Decimal(value)
    return value


def overlay_draft(row: Model, draft: dict[str, Any]) -> None:
    """Shows a published entry's pending edits in place of its published values (in memory only)."""
    for name, value in draft.items():
        if name in row._meta.fields_map or name.endswith("_id"):
            object.__setattr__(row, name, column_value(type(row), name, value))

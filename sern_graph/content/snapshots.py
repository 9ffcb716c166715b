"""Editable values as JSON (revisions, drafts) and back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel
from sern_graph.content.preview import column_value


def to_json(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def from_json(kind: ContentKind, name: str, value: Any) -> Any:
    return column_value(kind.model, name, value)


def row_values(kind: ContentKind, row: ContentModel) -> dict[str, Any]:
    """The editable values the columns hold (for a published entry: what the public sees)."""
    return {name: getattr(row, name) for name in kind.fields}


def working_values(kind: ContentKind, row: ContentModel) -> dict[str, Any]:
    """The values editors work on: the pending draft if there is one, else the columns."""
    if row.draft is None:
        return row_values(kind, row)
    return {name: from_json(kind, name, row.draft.get(name)) for name in kind.fields}


def snapshot(values: Mapping[str, Any]) -> dict[str, Any]:
    return {name: to_json(value) for name, value in values.items()}


def changed(before: Mapping[str, Any], after: Mapping[str, Any], names: Iterable[str]) -> list[str]:
    return [name for name in names if to_json(before.get(name)) != to_json(after.get(name))]

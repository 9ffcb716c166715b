"""What the admin knows about a content type: its form, list columns, filters and orders.
The pages are generic over these; each content type is one `AdminKind` value."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sern_graph.admin.fields import ChoicesLoader, FormField
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[ContentModel], Any]


@dataclass(frozen=True)
class ListFilter:
    # The query parameter, and the column it narrows (`country_id`, `kind`).
    name: str
    label: str
    column: str
    choices: ChoicesLoader


@dataclass(frozen=True)
class Order:
    label: str
    order_by: tuple[str, ...]


@dataclass(frozen=True)
class AdminKind:
    # The URL segment: /admin/<slug>/.
    slug: str
    content: ContentKind
    singular: str
    plural: str
    title: Callable[[ContentModel], str]
    fields: tuple[FormField, ...]
    columns: tuple[Column, ...]
    # Text columns the list's search looks in (case-insensitive).
    search: tuple[str, ...]
    filters: tuple[ListFilter, ...] = ()
    orders: dict[str, Order] = field(default_factory=dict)
    # Relations loaded with the rows of the list (for its columns).
    related: tuple[str, ...] = ()
    # A new entry without a slug gets one made from this column.
    slug_source: str | None = None

    def field_of_error(self, path: str) -> FormField | None:
        return next((form_field for form_field in self.fields if form_field.owns_error(path)), None)

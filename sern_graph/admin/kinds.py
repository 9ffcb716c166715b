"""What the admin knows about a content type: its form, list columns, filters and orders.
The pages are generic over these; each content type is one `AdminKind` value."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sern_graph.admin.fields import ChoicesLoader, FormField
from sern_graph.content.inputs import first_slug
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


# The slug of a new entry saved without one, from its other column values.
SlugMaker = Callable[[Mapping[str, Any]], Awaitable[str | None]]


def slug_from(*columns: str) -> SlugMaker:
    """Slugs made from the first of `columns` that has text."""

    async def make(values: Mapping[str, Any]) -> str | None:
        return first_slug(*(str(values.get(column) or "") for column in columns))

    return make


@dataclass(frozen=True)
class LinkField:
    """A many-to-many link edited on the entry's page and saved at once by `service.set_links`."""

    # The model's relation (`themes`).
    relation: str
    label: str
    choices: ChoicesLoader


@dataclass(frozen=True)
class ChildList:
    """Rows of another admin kind that point at the entry (a project's partners), listed on its page."""

    # The URL segment of the rows' admin kind, and their column that holds the entry's id.
    slug: str
    column: str
    label: str


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
    # A new entry without a slug gets one made by this.
    slug_of: SlugMaker | None = None
    links: tuple[LinkField, ...] = ()
    children: tuple[ChildList, ...] = ()
    # Link rows (partnerships, board seats) are reached from their parents' pages, not the menu.
    in_menu: bool = True

    def field_of_error(self, path: str) -> FormField | None:
        return next((form_field for form_field in self.fields if form_field.owns_error(path)), None)

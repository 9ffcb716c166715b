"""Tags: what a cached response read, and what a content event changed, in the same words.

A table's name (`organisation`) tags a response that read the table by anything but the primary
key (a list, a count, a lookup by slug, a join); `organisation:42` tags one that read that row by
its key. An event purges its row's tag, its table's tag, and the tags of the link tables of its
many-to-many fields (`set_links` changes those and emits the entry's event)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from tortoise.fields.relational import ManyToManyFieldInstance

from sern_graph.content.events import ContentEvent
from sern_graph.kinds import KINDS
from sern_graph.response_cache.dependencies import Dependencies

# Longest Cache-Tag / Surrogate-Key value sent; beyond it row tags give way to their tables'.
MAX_HEADER_LENGTH = 4000


def entity_tag(table: str, pk: int) -> str:
    return f"{table}:{pk}"


@cache
def _tables_of_kind(content_type: str) -> tuple[str, ...] | None:
    kind = KINDS.get(content_type)
    if kind is None:
        return None
    meta = kind.model._meta
    links = sorted(
        {field.through for field in meta.fields_map.values() if isinstance(field, ManyToManyFieldInstance)}
    )
    return (meta.db_table, *links)


def purge_tags(event: ContentEvent) -> list[str] | None:
    """The tags `event` invalidates; None for a content type we do not know (purge everything)."""
    tables = _tables_of_kind(event.content_type)
    if tables is None:
        return None
    return [entity_tag(tables[0], event.object_id), *tables]


@cache
def invalidated_tables() -> frozenset[str]:
    """Every table some content event purges: a response that read any other table (accounts,
    revisions, ...) could go stale unseen, so it is not cached."""
    return frozenset(table for name in KINDS for table in _tables_of_kind(name) or ())


def response_tags(dependencies: Dependencies) -> list[str] | None:
    """The tags of a response built from `dependencies`; None when it cannot be invalidated."""
    if not dependencies.tables <= invalidated_tables():
        return None
    if any(table not in invalidated_tables() for table, _ in dependencies.entities):
        return None
    rows = sorted(dependencies.entities)
    return [*sorted(dependencies.tables), *(entity_tag(table, pk) for table, pk in rows)]


def header_value(tags: Iterable[str], separator: str) -> str:
    """Tags for a CDN header, at most MAX_HEADER_LENGTH long: with too many, each row tag is
    replaced by its table's tag, which every purge of a row of that table names too."""
    tags = list(tags)
    value = separator.join(tags)
    if len(value) <= MAX_HEADER_LENGTH:
        return value
    # A few dozen tables at most: this always fits.
    return separator.join(dict.fromkeys(tag.split(":", 1)[0] for tag in tags))

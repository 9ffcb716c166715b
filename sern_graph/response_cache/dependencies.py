"""What a response was built from, recorded while its operation runs.

Every SQL statement a request sends passes `observe_statement` (see `engine.py`): each table it
reads becomes a list dependency, purged by any change to that table. Reads by primary key are
finer: inside `reading_by_key(table, ids)` the statements on `table` count as reads of those rows
only, so a change to another row of the table leaves the response alone. The recorder lives in a
context variable; the loaders' tasks inherit it. Outside a recording every call is a no-op.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from sern_graph.observability.request_record import count_statement
from sern_graph.response_cache.statements import tables_read


@dataclass
class Dependencies:
    """The rows (table, id) and whole tables one response read."""

    entities: set[tuple[str, int]] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    # False when the answer depends on who asks (the `me` field), so it is not shared.
    shared: bool = True


_recording: ContextVar[Dependencies | None] = ContextVar("sern_response_dependencies", default=None)
_by_key: ContextVar[str | None] = ContextVar("sern_response_read_by_key", default=None)


@contextmanager
def recording() -> Iterator[Dependencies]:
    """Records the dependencies of everything run inside the block (and the tasks it starts)."""
    dependencies = Dependencies()
    token = _recording.set(dependencies)
    try:
        yield dependencies
    finally:
        _recording.reset(token)


@contextmanager
def reading_by_key(table: str, ids: Iterable[int]) -> Iterator[None]:
    """Marks the statements on `table` inside the block as reads of the rows `ids` only.

    The ids asked for count, not the rows found: a row that is missing or not public now may be
    published later, and the response must go then too. Other tables the statements join still
    count as whole-table reads, and so does `table` when a statement reads it twice (a subquery).
    """
    dependencies = _recording.get()
    if dependencies is None:
        yield
        return
    dependencies.entities.update((table, int(pk)) for pk in ids)
    token = _by_key.set(table)
    try:
        yield
    finally:
        _by_key.reset(token)


def record_list(table: str) -> None:
    """Records a read of `table` by anything but its primary key (a list, a count, a lookup)."""
    dependencies = _recording.get()
    if dependencies is not None:
        dependencies.tables.add(table)


def depends_on_caller() -> None:
    """The response being built describes the caller: it must not be shared with other callers."""
    dependencies = _recording.get()
    if dependencies is not None:
        dependencies.shared = False


def observe_statement(sql: str) -> None:
    """Records the tables an SQL statement reads; called for every statement sent."""
    count_statement()
    dependencies = _recording.get()
    if dependencies is None:
        return
    tables = tables_read(sql)
    by_key = _by_key.get()
    for table in set(tables):
        if table == by_key and tables.count(table) == 1:
            continue
        dependencies.tables.add(table)

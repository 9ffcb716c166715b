"""Relay cursor connections: page arguments, windows over ordered rows, the GraphQL types."""

from __future__ import annotations

import base64
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Generic, TypeVar

import strawberry
from tortoise.models import Model
from tortoise.queryset import QuerySet

from sern_graph.core.errors import UserInputError

NodeT = TypeVar("NodeT")
RowT = TypeVar("RowT")
M = TypeVar("M", bound=Model)
_CURSOR_PREFIX = "cursor:"


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"{_CURSOR_PREFIX}{offset}".encode()).decode()


def decode_cursor(cursor: str, argument: str) -> int:
    try:
        decoded = base64.urlsafe_b64decode(cursor.encode("ascii")).decode()
        if decoded.startswith(_CURSOR_PREFIX):
            offset = int(decoded.removeprefix(_CURSOR_PREFIX))
            if offset >= 0:
                return offset
    except (ValueError, UnicodeError):
        pass
    raise UserInputError(f"'{cursor}' is not a valid cursor.", argument=argument)


@dataclass(frozen=True)
class PageArgs:
    """The connection arguments of one field, validated; hashable so loaders can key on it."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None

    def validated(self, default_size: int, max_size: int) -> PageArgs:
        for name, size in (("first", self.first), ("last", self.last)):
            if size is not None and not 0 <= size <= max_size:
                raise UserInputError(f"`{name}` must be between 0 and {max_size}, got {size}.", argument=name)
        if self.first is None and self.last is None:
            # `before` alone pages backwards: the items just before the cursor.
            if self.before is not None and self.after is None:
                return PageArgs(None, None, default_size, self.before)
            return PageArgs(default_size, self.after, None, self.before)
        return self

    def window(self, total: int) -> tuple[int, int]:
        """The [start, stop) offsets of the page among `total` ordered rows."""
        start = decode_cursor(self.after, "after") + 1 if self.after is not None else 0
        stop = min(decode_cursor(self.before, "before"), total) if self.before is not None else total
        start = min(start, stop)
        if self.first is not None:
            stop = min(stop, start + self.first)
        if self.last is not None:
            start = max(start, stop - self.last)
        return start, stop


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More items follow this page.")
    has_previous_page: bool = strawberry.field(description="Items precede this page.")
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge of the page.")
    end_cursor: str | None = strawberry.field(description="Cursor of the last edge of the page.")


@strawberry.type(description="An item of a list, with its cursor.")
class Edge(Generic[NodeT]):
    cursor: str = strawberry.field(description="Opaque position of this item; use with `after`/`before`.")
    node: NodeT = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, with the total count of the whole list.")
class Connection(Generic[NodeT]):
    total_count: int = strawberry.field(description="Number of items in the whole list (all pages).")
    page_info: PageInfo = strawberry.field(description="Pagination state of this page.")
    edges: list[Edge[NodeT]] = strawberry.field(description="The items of this page.")


@dataclass(frozen=True)
class Page(Generic[RowT]):
    """A page of rows with its position: what connection types are built from."""

    rows: Sequence[RowT]
    start: int
    total: int

    @classmethod
    def of(cls, rows: Sequence[RowT], args: PageArgs) -> Page[RowT]:
        start, stop = args.window(len(rows))
        return cls(rows[start:stop], start, len(rows))

    def cursors(self) -> list[str]:
        return [encode_cursor(self.start + index) for index in range(len(self.rows))]

    def page_info(self) -> PageInfo:
        cursors = self.cursors()
        return PageInfo(
            has_next_page=self.start + len(self.rows) < self.total,
            has_previous_page=self.start > 0,
            start_cursor=cursors[0] if cursors else None,
            end_cursor=cursors[-1] if cursors else None,
        )


def connection(page: Page[RowT], to_node: Callable[[RowT], NodeT]) -> Connection[NodeT]:
    return Connection(
        total_count=page.total,
        page_info=page.page_info(),
        edges=[
            Edge(cursor=cursor, node=to_node(row))
            for cursor, row in zip(page.cursors(), page.rows, strict=True)
        ],
    )


FirstArg = Annotated[
    int | None, strawberry.argument(description="Return at most this many items from the start.")
]
AfterArg = Annotated[str | None, strawberry.argument(description="Start after the item with this cursor.")]
LastArg = Annotated[
    int | None, strawberry.argument(description="Return at most this many items from the end.")
]
BeforeArg = Annotated[str | None, strawberry.argument(description="End before the item with this cursor.")]


async def paginate(queryset: QuerySet[M], args: PageArgs) -> Page[M]:
    """A root list's page: one COUNT and one windowed SELECT, whatever the table's size."""
    total = await queryset.count()
    start, stop = args.window(total)
    rows = await queryset.offset(start).limit(stop - start) if stop > start else []
    return Page(rows, start, total)

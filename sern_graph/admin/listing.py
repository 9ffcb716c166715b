"""The rows of a content list: search, filters, editorial state, order and page, from the query
string. Editors see every entry, drafts and archived ones included."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any

from starlette.datastructures import QueryParams
from tortoise.expressions import Q

from sern_graph.admin.kinds import AdminKind
from sern_graph.content.models import ContentModel, EditorialState

PAGE_SIZE = 25


@dataclass(frozen=True)
class ListRequest:
    search: str
    filters: dict[str, str]
    state: str
    order: str
    page: int

    @classmethod
    def of(cls, kind: AdminKind, params: QueryParams) -> ListRequest:
        order = params.get("order", "")
        page = params.get("page", "1")
        return cls(
            search=params.get("q", "").strip(),
            filters={f.name: params[f.name] for f in kind.filters if params.get(f.name)},
            state=params.get("state", "") if params.get("state") in set(EditorialState) else "",
            order=order if order in kind.orders else next(iter(kind.orders), ""),
            page=int(page) if page.isdigit() and int(page) > 0 else 1,
        )

    def params(self, **changes: str | int) -> dict[str, str]:
        """The query parameters of this list with `changes`, for links to other pages and orders."""
        values: dict[str, str | int] = {
            "q": self.search,
            **self.filters,
            "state": self.state,
            "order": self.order,
            "page": self.page,
        }
        values.update(changes)
        return {name: str(value) for name, value in values.items() if value not in ("", 1) or name == "order"}


@dataclass(frozen=True)
class ListPage:
    rows: list[ContentModel]
    total: int
    pages: int


async def list_page(kind: AdminKind, request: ListRequest) -> ListPage:
    condition = Q()
    if request.search:
        condition &= Q(
            *(Q(**{f"{column}__icontains": request.search}) for column in kind.search), join_type=Q.OR
        )
    for list_filter in kind.filters:
        if list_filter.name in request.filters:
            value = request.filters[list_filter.name]
            narrowed: dict[str, Any] = {list_filter.column: value}
            if list_filter.column.endswith("_id"):
                narrowed[list_filter.column] = int(value) if value.isdigit() else 0
            condition &= Q(**narrowed)
    if request.state:
        condition &= Q(state=request.state)
    queryset = kind.content.model.filter(condition)
    total = await queryset.count()
    order = kind.orders[request.order].order_by if request.order else ("-id",)
    rows = (
        await queryset.order_by(*order)
        .offset((request.page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .select_related(*kind.related)
    )
    return ListPage(rows=list(rows), total=total, pages=max(1, ceil(total / PAGE_SIZE)))

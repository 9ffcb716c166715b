"""Root fields of the events domain."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from sern_graph.content.visibility import published
from sern_graph.context import Context
from sern_graph.core.lookup import IdArg, LocaleArg, PreviewArg, SlugArg, primary_key
from sern_graph.core.pagination import (
    AfterArg,
    BeforeArg,
    Connection,
    FirstArg,
    LastArg,
    connection,
    paginate,
)
from sern_graph.events import models
from sern_graph.events.filters import (
    EventFilterArg,
    EventOrderArg,
    EventOrderBy,
    EventSpec,
)
from sern_graph.events.types import Event


@strawberry.type
class EventQuery:
    @strawberry.field(description="Events: General Assemblies, board meetings, seminars and more.")
    async def events(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: EventFilterArg = None,
        order_by: EventOrderArg = EventOrderBy.START_DATE_DESC,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Connection[Event]:
        chain = info.context.chain(locale)
        args = info.context.page_args(first, after, last, before)
        page = await paginate(EventSpec(filter, order_by, chain, info.context.today).query(), args)
        return connection(page, lambda row: Event(row=row, chain=chain))

    @strawberry.field(description="One event, by global ID or slug.")
    async def event(
        self,
        info: Info[Context, None],
        id: IdArg = None,
        slug: SlugArg = None,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Event | None:
        pk = primary_key(id, slug, "Event")
        if pk is None:
            row = await models.Event.get_or_none(published(), slug=slug)
        else:
            row = await info.context.loaders.event_by_id.load(pk)
        return Event(row=row, chain=info.context.chain(locale)) if row else None

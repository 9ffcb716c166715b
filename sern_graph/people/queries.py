"""Root fields of the people domain, including the board on a date."""

from __future__ import annotations

from datetime import date
from typing import Annotated

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
from sern_graph.people import models
from sern_graph.people.filters import (
    PersonFilterArg,
    PersonOrderArg,
    PersonOrderBy,
    PersonSpec,
)
from sern_graph.people.loaders import board_on
from sern_graph.people.types import BoardMembership, Person


@strawberry.type
class PersonQuery:
    @strawberry.field(description="People: board members, contacts and other officers.")
    async def people(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: PersonFilterArg = None,
        order_by: PersonOrderArg = PersonOrderBy.FAMILY_NAME_ASC,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Connection[Person]:
        chain = info.context.chain(locale)
        args = info.context.page_args(first, after, last, before)
        page = await paginate(PersonSpec(filter, order_by, chain, info.context.today).query(), args)
        return connection(page, lambda row: Person(row=row, chain=chain))

    @strawberry.field(description="One person, by global ID or slug.")
    async def person(
        self,
        info: Info[Context, None],
        id: IdArg = None,
        slug: SlugArg = None,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Person | None:
        pk = primary_key(id, slug, "Person")
        if pk is None:
            row = await models.Person.get_or_none(published(), slug=slug)
        else:
            row = await info.context.loaders.person_by_id.load(pk)
        return Person(row=row, chain=info.context.chain(locale)) if row else None

    @strawberry.field(
        description="The board seats held on a date: chair first, then vice chairs, members, deputies."
    )
    async def board(
        self,
        info: Info[Context, None],
        as_of: Annotated[date | None, strawberry.argument(description="The date; default today.")] = None,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> list[BoardMembership]:
        chain = info.context.chain(locale)
        rows = await board_on(as_of or info.context.today)
        return [BoardMembership(row=row, chain=chain) for row in rows]

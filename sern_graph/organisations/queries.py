"""Root fields of the organisations domain."""

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
from sern_graph.organisations import models
from sern_graph.organisations.filters import (
    OrganisationFilterArg,
    OrganisationOrderArg,
    OrganisationOrderBy,
    OrganisationSpec,
)
from sern_graph.organisations.types import Organisation


@strawberry.type
class OrganisationQuery:
    @strawberry.field(description="Organisations: members, partners and everyone else in the graph.")
    async def organisations(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: OrganisationFilterArg = None,
        order_by: OrganisationOrderArg = OrganisationOrderBy.NAME_ASC,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Connection[Organisation]:
        chain = info.context.chain(locale)
        args = info.context.page_args(first, after, last, before)
        page = await paginate(OrganisationSpec(filter, order_by, chain, info.context.today).query(), args)
        return connection(page, lambda row: Organisation(row=row, chain=chain))

    @strawberry.field(description="One organisation, by global ID or slug.")
    async def organisation(
        self,
        info: Info[Context, None],
        id: IdArg = None,
        slug: SlugArg = None,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Organisation | None:
        pk = primary_key(id, slug, "Organisation")
        if pk is None:
            row = await models.Organisation.get_or_none(published(), slug=slug)
        else:
            row = await info.context.loaders.organisation_by_id.load(pk)
        return Organisation(row=row, chain=info.context.chain(locale)) if row else None

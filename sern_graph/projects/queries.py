"""Root fields of the projects domain."""

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
from sern_graph.projects import models
from sern_graph.projects.filters import (
    ProjectFilterArg,
    ProjectOrderArg,
    ProjectOrderBy,
    ProjectSpec,
)
from sern_graph.projects.types import Project


@strawberry.type
class ProjectQuery:
    @strawberry.field(description="EU projects of the network and its members.")
    async def projects(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: ProjectFilterArg = None,
        order_by: ProjectOrderArg = ProjectOrderBy.START_DATE_DESC,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Connection[Project]:
        chain = info.context.chain(locale)
        args = info.context.page_args(first, after, last, before)
        page = await paginate(ProjectSpec(filter, order_by, chain, info.context.today).query(), args)
        return connection(page, lambda row: Project(row=row, chain=chain))

    @strawberry.field(description="One project, by global ID or slug.")
    async def project(
        self,
        info: Info[Context, None],
        id: IdArg = None,
        slug: SlugArg = None,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Project | None:
        pk = primary_key(id, slug, "Project")
        if pk is None:
            row = await models.Project.get_or_none(published(), slug=slug)
        else:
            row = await info.context.loaders.project_by_id.load(pk)
        return Project(row=row, chain=info.context.chain(locale)) if row else None

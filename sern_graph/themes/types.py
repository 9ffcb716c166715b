"""GraphQL type of themes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content.types import Content
from sern_graph.context import Context
from sern_graph.core.loading import ChildKey
from sern_graph.core.localization import (
    LocalizedText,
    Translation,
    resolve_text,
    text,
    translations,
)
from sern_graph.core.pagination import (
    AfterArg,
    BeforeArg,
    Connection,
    FirstArg,
    LastArg,
    Page,
    connection,
)
from sern_graph.organisations.filters import (
    OrganisationFilterArg,
    OrganisationOrderArg,
    OrganisationOrderBy,
    OrganisationSpec,
)
from sern_graph.projects.filters import (
    ProjectFilterArg,
    ProjectOrderArg,
    ProjectOrderBy,
    ProjectSpec,
)

if TYPE_CHECKING:
    from sern_graph.organisations.types import Organisation
    from sern_graph.projects.types import Project

LOCALIZED = (("name", "name"), ("description", "description"))


@strawberry.type(description="A theme of cooperation, e.g. education or energy.")
class Theme(Content):
    @strawberry.field(description="URL-safe unique key, e.g. `education`.")
    def slug(self) -> str:
        return str(self.row.slug)

    @strawberry.field(description="Name in the request's locale (with fallback).")
    def name(self) -> str | None:
        return text(self.row, "name", self.chain)

    @strawberry.field(description="The name with the locale actually served.")
    def name_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "name", self.chain)

    @strawberry.field(description="Description in the request's locale (with fallback).")
    def description(self) -> str | None:
        return text(self.row, "description", self.chain)

    @strawberry.field(description="The description with the locale actually served.")
    def description_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "description", self.chain)

    @strawberry.field(description="Every localized text of this entry in every locale.")
    def translations(self) -> list[Translation]:
        return translations(self.row, LOCALIZED)

    @strawberry.field(description="Organisations working on the theme.")
    async def organisations(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: OrganisationFilterArg = None,
        order_by: OrganisationOrderArg = OrganisationOrderBy.NAME_ASC,
    ) -> Connection[Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")]]:
        from sern_graph.organisations.types import Organisation

        spec = OrganisationSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.organisations_by_theme.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Organisation(row=row, chain=self.chain))

    @strawberry.field(description="Projects on the theme.")
    async def projects(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: ProjectFilterArg = None,
        order_by: ProjectOrderArg = ProjectOrderBy.START_DATE_DESC,
    ) -> Connection[Annotated[Project, strawberry.lazy("sern_graph.projects.types")]]:
        from sern_graph.projects.types import Project

        spec = ProjectSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.projects_by_theme.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Project(row=row, chain=self.chain))

"""GraphQL types of projects and partnerships."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content.period import Period
from sern_graph.content.types import Content
from sern_graph.context import Context
from sern_graph.core.loading import ChildKey
from sern_graph.core.localization import (
    LocaleChain,
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
    PageInfo,
    connection,
)
from sern_graph.events.filters import (
    EventFilterArg,
    EventOrderArg,
    EventOrderBy,
    EventSpec,
)
from sern_graph.organisations.filters import (
    OrganisationFilterArg,
    OrganisationOrderArg,
    OrganisationOrderBy,
    OrganisationSpec,
)
from sern_graph.organisations.models import Organisation as OrganisationRow
from sern_graph.projects.enums import PartnershipRole
from sern_graph.projects.models import Project as ProjectRow

if TYPE_CHECKING:
    from sern_graph.events.types import Event
    from sern_graph.organisations.types import Organisation
    from sern_graph.themes.types import Theme

LOCALIZED = (("title", "title"), ("summary", "summary"))


@strawberry.type(description="An EU project the network or its members take part in.")
class Project(Content, Period):
    @strawberry.field(description="URL-safe unique key, e.g. `ntt-plus`.")
    def slug(self) -> str:
        return str(self.row.slug)

    @strawberry.field(description="Acronym, e.g. `NTT+`.")
    def acronym(self) -> str | None:
        return self.row.acronym  # type: ignore[no-any-return]

    @strawberry.field(description="Title in the request's locale (with fallback).")
    def title(self) -> str | None:
        return text(self.row, "title", self.chain)

    @strawberry.field(description="The title with the locale actually served.")
    def title_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "title", self.chain)

    @strawberry.field(description="Summary in the request's locale (with fallback).")
    def summary(self) -> str | None:
        return text(self.row, "summary", self.chain)

    @strawberry.field(description="The summary with the locale actually served.")
    def summary_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "summary", self.chain)

    @strawberry.field(description="Every localized text of this entry in every locale.")
    def translations(self) -> list[Translation]:
        return translations(self.row, LOCALIZED)

    @strawberry.field(description="Funding programme, e.g. `Erasmus+`, `Interreg Europe`.")
    def programme(self) -> str | None:
        return self.row.programme  # type: ignore[no-any-return]

    @strawberry.field(description="Grant agreement or project reference number.")
    def grant_reference(self) -> str | None:
        return self.row.grant_reference  # type: ignore[no-any-return]

    @strawberry.field(description="Total budget in EUR.")
    def budget(self) -> Decimal | None:
        return self.row.budget  # type: ignore[no-any-return]

    @strawberry.field(description="EU contribution in EUR.")
    def eu_contribution(self) -> Decimal | None:
        return self.row.eu_contribution  # type: ignore[no-any-return]

    @strawberry.field(description="Website address.")
    def website(self) -> str | None:
        return self.row.website  # type: ignore[no-any-return]

    @strawberry.field(description="The partner organisations, each edge with its role.")
    async def partners(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: OrganisationFilterArg = None,
        order_by: OrganisationOrderArg = OrganisationOrderBy.NAME_ASC,
    ) -> ProjectPartnerConnection:
        spec = OrganisationSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.partners_by_project.load(ChildKey(self.row.id, spec))
        return project_partners(Page.of(rows, args), self.chain)

    @strawberry.field(description="Themes of the project.")
    async def themes(
        self, info: Info[Context, None]
    ) -> list[Annotated[Theme, strawberry.lazy("sern_graph.themes.types")]]:
        from sern_graph.themes.types import Theme

        rows = await info.context.loaders.themes_by_project.load(self.row.id)
        return [Theme(row=row, chain=self.chain) for row in rows]

    @strawberry.field(description="Events of the project.")
    async def events(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: EventFilterArg = None,
        order_by: EventOrderArg = EventOrderBy.START_DATE_DESC,
    ) -> Connection[Annotated[Event, strawberry.lazy("sern_graph.events.types")]]:
        from sern_graph.events.types import Event

        spec = EventSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.events_by_project.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Event(row=row, chain=self.chain))


@strawberry.type(description="A partner of a project, with its role.")
class ProjectPartnerEdge:
    cursor: str = strawberry.field(description="Opaque position of this item.")
    role: PartnershipRole = strawberry.field(description="The organisation's role in the project.")
    node: Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")] = strawberry.field(
        description="The partner organisation."
    )


@strawberry.type(description="A page of a project's partners.")
class ProjectPartnerConnection:
    total_count: int = strawberry.field(description="Number of partners (all pages).")
    page_info: PageInfo = strawberry.field(description="Pagination state of this page.")
    edges: list[ProjectPartnerEdge] = strawberry.field(description="The partners of this page.")


@strawberry.type(description="A project an organisation takes part in, with its role.")
class OrganisationProjectEdge:
    cursor: str = strawberry.field(description="Opaque position of this item.")
    role: PartnershipRole = strawberry.field(description="The organisation's role in the project.")
    node: Project = strawberry.field(description="The project.")


@strawberry.type(description="A page of an organisation's projects.")
class OrganisationProjectConnection:
    total_count: int = strawberry.field(description="Number of projects (all pages).")
    page_info: PageInfo = strawberry.field(description="Pagination state of this page.")
    edges: list[OrganisationProjectEdge] = strawberry.field(description="The projects of this page.")


def project_partners(
    page: Page[tuple[OrganisationRow, PartnershipRole]], chain: LocaleChain
) -> ProjectPartnerConnection:
    from sern_graph.organisations.types import Organisation

    return ProjectPartnerConnection(
        total_count=page.total,
        page_info=page.page_info(),
        edges=[
            ProjectPartnerEdge(cursor=cursor, role=role, node=Organisation(row=row, chain=chain))
            for cursor, (row, role) in zip(page.cursors(), page.rows, strict=True)
        ],
    )


def organisation_projects(
    page: Page[tuple[ProjectRow, PartnershipRole]], chain: LocaleChain
) -> OrganisationProjectConnection:
    return OrganisationProjectConnection(
        total_count=page.total,
        page_info=page.page_info(),
        edges=[
            OrganisationProjectEdge(cursor=cursor, role=role, node=Project(row=row, chain=chain))
            for cursor, (row, role) in zip(page.cursors(), page.rows, strict=True)
        ],
    )


@strawberry.type(description="An organisation taking part in a project, with its role.")
class ProjectPartnership(Content):
    @strawberry.field(description="The organisation's role in the project.")
    def role(self) -> PartnershipRole:
        return PartnershipRole(self.row.role)

    @strawberry.field(description="The project; null when it is not public.")
    async def project(self, info: Info[Context, None]) -> Project | None:
        row = await info.context.loaders.project_by_id.load(self.row.project_id)
        return Project(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The partner organisation; null when it is not public.")
    async def organisation(
        self, info: Info[Context, None]
    ) -> Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")] | None:
        from sern_graph.organisations.types import Organisation

        row = await info.context.loaders.organisation_by_id.load(self.row.organisation_id)
        return Organisation(row=row, chain=self.chain) if row else None

"""GraphQL types of organisations and memberships."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content.period import Period
from sern_graph.content.types import Content
from sern_graph.context import Context
from sern_graph.core.dates import holds_on_day
from sern_graph.core.geo import GeoPoint
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
from sern_graph.events.filters import (
    EventFilterArg,
    EventOrderArg,
    EventOrderBy,
    EventSpec,
)
from sern_graph.organisations.enums import MembershipKind, OrganisationKind
from sern_graph.organisations.filters import (
    OrganisationFilterArg,
    OrganisationOrderArg,
    OrganisationOrderBy,
    OrganisationSpec,
)
from sern_graph.people.filters import (
    PersonFilterArg,
    PersonOrderArg,
    PersonOrderBy,
    PersonSpec,
)
from sern_graph.projects.filters import (
    ProjectFilterArg,
    ProjectOrderArg,
    ProjectOrderBy,
    ProjectSpec,
)

if TYPE_CHECKING:
    from sern_graph.events.types import Event
    from sern_graph.geography.types import Country, Region
    from sern_graph.people.types import BoardMembership, ContactRole, Person
    from sern_graph.projects.types import OrganisationProjectConnection
    from sern_graph.themes.types import Theme

AsOfArg = Annotated[
    date | None, strawberry.argument(description="Only what holds on this date; omit for all.")
]
LOCALIZED = (("description", "description"),)


@strawberry.type(description="A municipality, region, association, university or other body.")
class Organisation(Content):
    @strawberry.field(description="URL-safe unique key, e.g. `lulea`.")
    def slug(self) -> str:
        return str(self.row.slug)

    @strawberry.field(description="Official name (not localized).")
    def name(self) -> str:
        return str(self.row.name)

    @strawberry.field(description="Short name, e.g. `Luleå`.")
    def short_name(self) -> str | None:
        return self.row.short_name  # type: ignore[no-any-return]

    @strawberry.field(description="What kind of body it is.")
    def kind(self) -> OrganisationKind:
        return OrganisationKind(self.row.kind)

    @strawberry.field(description="Swedish kommunkod (4 digits) or Italian ISTAT code (6 digits).")
    def municipality_code(self) -> str | None:
        return self.row.municipality_code  # type: ignore[no-any-return]

    @strawberry.field(description="Website address.")
    def website(self) -> str | None:
        return self.row.website  # type: ignore[no-any-return]

    @strawberry.field(description="Public e-mail address of the organisation (not of a person).")
    def email(self) -> str | None:
        return self.row.email  # type: ignore[no-any-return]

    @strawberry.field(description="Public phone number of the organisation (not of a person).")
    def phone(self) -> str | None:
        return self.row.phone  # type: ignore[no-any-return]

    @strawberry.field(description="Postal address.")
    def address(self) -> str | None:
        return self.row.address  # type: ignore[no-any-return]

    @strawberry.field(description="Position on the map (approximate town centre for municipalities).")
    def location(self) -> GeoPoint | None:
        if self.row.latitude is None or self.row.longitude is None:
            return None
        return GeoPoint(latitude=self.row.latitude, longitude=self.row.longitude)

    @strawberry.field(description="Address of the logo image.")
    def logo_url(self) -> str | None:
        return self.row.logo_url  # type: ignore[no-any-return]

    @strawberry.field(description="Description in the request's locale (with fallback).")
    def description(self) -> str | None:
        return text(self.row, "description", self.chain)

    @strawberry.field(description="The description with the locale actually served.")
    def description_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "description", self.chain)

    @strawberry.field(description="Every localized text of this entry in every locale.")
    def translations(self) -> list[Translation]:
        return translations(self.row, LOCALIZED)

    @strawberry.field(description="The country it is in.")
    async def country(
        self, info: Info[Context, None]
    ) -> Annotated[Country, strawberry.lazy("sern_graph.geography.types")] | None:
        from sern_graph.geography.types import Country

        row = await info.context.loaders.country_by_id.load(self.row.country_id)
        return Country(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The NUTS region it is in.")
    async def region(
        self, info: Info[Context, None]
    ) -> Annotated[Region, strawberry.lazy("sern_graph.geography.types")] | None:
        from sern_graph.geography.types import Region

        if self.row.region_id is None:
            return None
        row = await info.context.loaders.region_by_id.load(self.row.region_id)
        return Region(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The organisation it belongs to, e.g. a municipality's association.")
    async def parent(self, info: Info[Context, None]) -> Organisation | None:
        if self.row.parent_id is None:
            return None
        row = await info.context.loaders.organisation_by_id.load(self.row.parent_id)
        return Organisation(row=row, chain=self.chain) if row else None

    @strawberry.field(description="Organisations that belong to this one.")
    async def children(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: OrganisationFilterArg = None,
        order_by: OrganisationOrderArg = OrganisationOrderBy.NAME_ASC,
    ) -> Connection[Organisation]:
        spec = OrganisationSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.organisations_by_parent.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Organisation(row=row, chain=self.chain))

    @strawberry.field(description="Its membership of the network over time, oldest first.")
    async def memberships(self, info: Info[Context, None], as_of: AsOfArg = None) -> list[Membership]:
        rows = await info.context.loaders.memberships_by_organisation.load(self.row.id)
        return [
            Membership(row=row, chain=self.chain) for row in rows if as_of is None or holds_on_day(row, as_of)
        ]

    @strawberry.field(description="Whether it is a member of the network on the date (default today).")
    async def is_member(
        self,
        info: Info[Context, None],
        as_of: Annotated[date | None, strawberry.argument(description="The date; default today.")] = None,
    ) -> bool:
        day = as_of or info.context.today
        rows = await info.context.loaders.memberships_by_organisation.load(self.row.id)
        return any(row.kind == MembershipKind.MEMBER and holds_on_day(row, day) for row in rows)

    @strawberry.field(description="Seats on the network's board held by people representing it.")
    async def board_seats(
        self, info: Info[Context, None], as_of: AsOfArg = None
    ) -> list[Annotated[BoardMembership, strawberry.lazy("sern_graph.people.types")]]:
        from sern_graph.people.types import BoardMembership

        rows = await info.context.loaders.board_seats_by_organisation.load(self.row.id)
        return [
            BoardMembership(row=row, chain=self.chain)
            for row in rows
            if as_of is None or holds_on_day(row, as_of)
        ]

    @strawberry.field(description="People affiliated with it.")
    async def people(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: PersonFilterArg = None,
        order_by: PersonOrderArg = PersonOrderBy.FAMILY_NAME_ASC,
    ) -> Connection[Annotated[Person, strawberry.lazy("sern_graph.people.types")]]:
        from sern_graph.people.types import Person

        spec = PersonSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.people_by_organisation.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Person(row=row, chain=self.chain))

    @strawberry.field(description="Its contact people for the network and their roles.")
    async def contacts(
        self, info: Info[Context, None]
    ) -> list[Annotated[ContactRole, strawberry.lazy("sern_graph.people.types")]]:
        from sern_graph.people.types import ContactRole

        rows = await info.context.loaders.contact_roles_by_organisation.load(self.row.id)
        return [ContactRole(row=row, chain=self.chain) for row in rows]

    @strawberry.field(description="Projects it takes part in, each edge with its role.")
    async def projects(
        self,
        info: Info[Context, None],
        first: FirstArg = None,
        after: AfterArg = None,
        last: LastArg = None,
        before: BeforeArg = None,
        filter: ProjectFilterArg = None,
        order_by: ProjectOrderArg = ProjectOrderBy.START_DATE_DESC,
    ) -> Annotated[OrganisationProjectConnection, strawberry.lazy("sern_graph.projects.types")]:
        from sern_graph.projects.types import organisation_projects

        spec = ProjectSpec(filter, order_by, self.chain, info.context.today)
        args = info.context.page_args(first, after, last, before)
        rows = await info.context.loaders.partnerships_by_organisation.load(ChildKey(self.row.id, spec))
        return organisation_projects(Page.of(rows, args), self.chain)

    @strawberry.field(description="Events it hosts or takes part in.")
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
        rows = await info.context.loaders.events_by_organisation.load(ChildKey(self.row.id, spec))
        return connection(Page.of(rows, args), lambda row: Event(row=row, chain=self.chain))

    @strawberry.field(description="Themes it works on.")
    async def themes(
        self, info: Info[Context, None]
    ) -> list[Annotated[Theme, strawberry.lazy("sern_graph.themes.types")]]:
        from sern_graph.themes.types import Theme

        rows = await info.context.loaders.themes_by_organisation.load(self.row.id)
        return [Theme(row=row, chain=self.chain) for row in rows]


@strawberry.type(description="An organisation's membership of the network for a period.")
class Membership(Content, Period):
    @strawberry.field(description="Member, partner or observer.")
    def kind(self) -> MembershipKind:
        return MembershipKind(self.row.kind)

    @strawberry.field(description="The member organisation.")
    async def organisation(self, info: Info[Context, None]) -> Organisation | None:
        row = await info.context.loaders.organisation_by_id.load(self.row.organisation_id)
        return Organisation(row=row, chain=self.chain) if row else None

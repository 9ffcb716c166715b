"""GraphQL types of people, board seats and contact roles."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content.period import Period
from sern_graph.content.types import Content
from sern_graph.context import Context
from sern_graph.core.dates import holds_on_day
from sern_graph.core.localization import (
    LocalizedText,
    Translation,
    resolve_text,
    text,
    translations,
)
from sern_graph.people.enums import BoardRole
from sern_graph.people.personal_data import personal

if TYPE_CHECKING:
    from sern_graph.organisations.types import Organisation

AsOfArg = Annotated[
    date | None, strawberry.argument(description="Only what holds on this date; omit for all.")
]
PERSONAL_DATA = "Personal data: for callers without the right it is null, with a FORBIDDEN error at its path."


@strawberry.type(description="A politician or officer active in the network.")
class Person(Content):
    @strawberry.field(description="URL-safe unique key, e.g. `kent-ogren`.")
    def slug(self) -> str:
        return str(self.row.slug)

    @strawberry.field(description="Given name (not localized).")
    def given_name(self) -> str:
        return str(self.row.given_name)

    @strawberry.field(description="Family name (not localized).")
    def family_name(self) -> str:
        return str(self.row.family_name)

    @strawberry.field(description="Given and family name.")
    def name(self) -> str:
        return f"{self.row.given_name} {self.row.family_name}"

    @strawberry.field(description="Position (e.g. 'Vice mayor of Forlì') in the request's locale.")
    def position(self) -> str | None:
        return text(self.row, "position", self.chain)

    @strawberry.field(description="The position with the locale actually served.")
    def position_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "position", self.chain)

    @strawberry.field(description="Political party.")
    def party(self) -> str | None:
        return self.row.party  # type: ignore[no-any-return]

    @strawberry.field(description="Short biography in the request's locale.")
    def bio(self) -> str | None:
        return text(self.row, "bio", self.chain)

    @strawberry.field(description="The biography with the locale actually served.")
    def bio_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "bio", self.chain)

    @strawberry.field(description="Address of a photo.")
    def photo_url(self) -> str | None:
        return self.row.photo_url  # type: ignore[no-any-return]

    @strawberry.field(description=f"E-mail address. {PERSONAL_DATA}")
    def email(self, info: Info[Context, None]) -> str | None:
        return personal(info, self.row.email)  # type: ignore[no-any-return]

    @strawberry.field(description=f"Phone number. {PERSONAL_DATA}")
    def phone(self, info: Info[Context, None]) -> str | None:
        return personal(info, self.row.phone)  # type: ignore[no-any-return]

    @strawberry.field(description="Every localized text of this entry in every locale.")
    def translations(self) -> list[Translation]:
        return translations(self.row, (("position", "position"), ("bio", "bio")))

    @strawberry.field(description="The organisation the person is affiliated with.")
    async def organisation(
        self, info: Info[Context, None]
    ) -> Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")] | None:
        from sern_graph.organisations.types import Organisation

        if self.row.organisation_id is None:
            return None
        row = await info.context.loaders.organisation_by_id.load(self.row.organisation_id)
        return Organisation(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The person's seats on the board, oldest first.")
    async def board_seats(self, info: Info[Context, None], as_of: AsOfArg = None) -> list[BoardMembership]:
        rows = await info.context.loaders.board_seats_by_person.load(self.row.id)
        return [
            BoardMembership(row=row, chain=self.chain)
            for row in rows
            if as_of is None or holds_on_day(row, as_of)
        ]

    @strawberry.field(description="The person's roles as a contact for organisations.")
    async def contact_roles(self, info: Info[Context, None]) -> list[ContactRole]:
        rows = await info.context.loaders.contact_roles_by_person.load(self.row.id)
        return [ContactRole(row=row, chain=self.chain) for row in rows]


@strawberry.type(description="A seat on the network's board, held by a person for a period.")
class BoardMembership(Content, Period):
    @strawberry.field(description="Chair, vice chair, member or deputy.")
    def role(self) -> BoardRole:
        return BoardRole(self.row.role)

    @strawberry.field(description="Whether the seat is held today.")
    def is_current(self, info: Info[Context, None]) -> bool:
        return holds_on_day(self.row, info.context.today)

    @strawberry.field(description="The person holding the seat.")
    async def person(self, info: Info[Context, None]) -> Person | None:
        row = await info.context.loaders.person_by_id.load(self.row.person_id)
        return Person(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The organisation the person represents on the board.")
    async def organisation(
        self, info: Info[Context, None]
    ) -> Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")] | None:
        from sern_graph.organisations.types import Organisation

        if self.row.organisation_id is None:
            return None
        row = await info.context.loaders.organisation_by_id.load(self.row.organisation_id)
        return Organisation(row=row, chain=self.chain) if row else None


@strawberry.type(description="A person's role as a contact for an organisation.")
class ContactRole(Content):
    @strawberry.field(description="The role, e.g. 'SERN contact for Norrbotten', in the request's locale.")
    def role(self) -> str | None:
        return text(self.row, "role", self.chain)

    @strawberry.field(description="The role with the locale actually served.")
    def role_localized(self) -> LocalizedText | None:
        return resolve_text(self.row, "role", self.chain)

    @strawberry.field(description="Every localized text of this entry in every locale.")
    def translations(self) -> list[Translation]:
        return translations(self.row, (("role", "role"),))

    @strawberry.field(description="The contact person.")
    async def person(self, info: Info[Context, None]) -> Person | None:
        row = await info.context.loaders.person_by_id.load(self.row.person_id)
        return Person(row=row, chain=self.chain) if row else None

    @strawberry.field(description="The organisation the person is a contact for.")
    async def organisation(
        self, info: Info[Context, None]
    ) -> Annotated[Organisation, strawberry.lazy("sern_graph.organisations.types")] | None:
        from sern_graph.organisations.types import Organisation

        row = await info.context.loaders.organisation_by_id.load(self.row.organisation_id)
        return Organisation(row=row, chain=self.chain) if row else None

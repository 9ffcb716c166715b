"""Mutations of people, board seats and contact roles: create, update, publish, unpublish, archive."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content import service
from sern_graph.content.graphql import UserError
from sern_graph.content.inputs import object_id
from sern_graph.content.models import ContentModel
from sern_graph.content.outcome import outcome
from sern_graph.content.workflow import workflow_mutations
from sern_graph.context import Context
from sern_graph.people.inputs import (
    CreateBoardMembershipInput,
    CreateContactRoleInput,
    CreatePersonInput,
    UpdateBoardMembershipInput,
    UpdateContactRoleInput,
    UpdatePersonInput,
    board_membership_columns,
    contact_role_columns,
    free_person_slug,
    person_columns,
)
from sern_graph.people.kind import BOARD_MEMBERSHIP, CONTACT_ROLE, PERSON
from sern_graph.people.types import BoardMembership, ContactRole, Person


@strawberry.type(description="The result of a mutation of a person.")
class PersonPayload:
    person: Person | None = strawberry.field(
        description="The person as saved (their published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.type(description="The result of a mutation of a board seat.")
class BoardMembershipPayload:
    board_membership: BoardMembership | None = strawberry.field(
        description="The seat as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.type(description="The result of a mutation of a contact role.")
class ContactRolePayload:
    contact_role: ContactRole | None = strawberry.field(
        description="The contact role as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


def _person(info: Info[Context, None], row: ContentModel | None, errors: list[UserError]) -> PersonPayload:
    chain = info.context.chain(None)
    return PersonPayload(person=Person(row=row, chain=chain) if row is not None else None, user_errors=errors)


def _seat(
    info: Info[Context, None], row: ContentModel | None, errors: list[UserError]
) -> BoardMembershipPayload:
    chain = info.context.chain(None)
    return BoardMembershipPayload(
        board_membership=BoardMembership(row=row, chain=chain) if row is not None else None,
        user_errors=errors,
    )


def _contact(
    info: Info[Context, None], row: ContentModel | None, errors: list[UserError]
) -> ContactRolePayload:
    chain = info.context.chain(None)
    return ContactRolePayload(
        contact_role=ContactRole(row=row, chain=chain) if row is not None else None, user_errors=errors
    )


@strawberry.type
class PersonMutation:
    # --- people -------------------------------------------------------------------------------------

    @strawberry.mutation(description="Create a person as a draft. Editors and admins.")
    async def create_person(
        self,
        info: Info[Context, None],
        input: Annotated[CreatePersonInput, strawberry.argument(description="The person.")],
    ) -> PersonPayload:
        columns = person_columns(input)
        if not columns.get("slug"):
            columns["slug"] = await free_person_slug(input.given_name, input.family_name)
        row, errors = await outcome(service.create(PERSON, columns, info.context.actor))
        return _person(info, row, errors)

    @strawberry.mutation(description="Change a person's fields. Editors and admins.")
    async def update_person(
        self,
        info: Info[Context, None],
        input: Annotated[UpdatePersonInput, strawberry.argument(description="The changes.")],
    ) -> PersonPayload:
        pk = object_id(input.id, "Person") or 0
        write = service.update(PERSON, pk, person_columns(input), input.version, info.context.actor)
        row, errors = await outcome(write)
        return _person(info, row, errors)

    publish_person, unpublish_person, archive_person = workflow_mutations(
        PERSON,
        "a person",
        _person,
        PersonPayload,
        argument="The person and version.",
        unpublish="Take a person off the public site; they stay a draft.",
    )

    # --- board seats --------------------------------------------------------------------------------

    @strawberry.mutation(
        description="Create a board seat as a draft. The board has one chair at a time, and a person "
        "holds one seat for an organisation at a time. Editors and admins."
    )
    async def create_board_membership(
        self,
        info: Info[Context, None],
        input: Annotated[CreateBoardMembershipInput, strawberry.argument(description="The seat.")],
    ) -> BoardMembershipPayload:
        columns = board_membership_columns(input)
        row, errors = await outcome(service.create(BOARD_MEMBERSHIP, columns, info.context.actor))
        return _seat(info, row, errors)

    @strawberry.mutation(description="Change a board seat's fields. Editors and admins.")
    async def update_board_membership(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateBoardMembershipInput, strawberry.argument(description="The changes.")],
    ) -> BoardMembershipPayload:
        pk = object_id(input.id, "BoardMembership") or 0
        columns = board_membership_columns(input)
        row, errors = await outcome(
            service.update(BOARD_MEMBERSHIP, pk, columns, input.version, info.context.actor)
        )
        return _seat(info, row, errors)

    publish_board_membership, unpublish_board_membership, archive_board_membership = workflow_mutations(
        BOARD_MEMBERSHIP,
        "a board seat",
        _seat,
        BoardMembershipPayload,
        argument="The seat and its version.",
        archive="Archive a board seat: hidden from the public, history kept; it no longer counts "
        "against other seats' dates.",
    )

    # --- contact roles ------------------------------------------------------------------------------

    @strawberry.mutation(description="Create a contact role as a draft. Editors and admins.")
    async def create_contact_role(
        self,
        info: Info[Context, None],
        input: Annotated[CreateContactRoleInput, strawberry.argument(description="The contact role.")],
    ) -> ContactRolePayload:
        columns = contact_role_columns(input)
        row, errors = await outcome(service.create(CONTACT_ROLE, columns, info.context.actor))
        return _contact(info, row, errors)

    @strawberry.mutation(description="Change a contact role's fields. Editors and admins.")
    async def update_contact_role(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateContactRoleInput, strawberry.argument(description="The changes.")],
    ) -> ContactRolePayload:
        pk = object_id(input.id, "ContactRole") or 0
        columns = contact_role_columns(input)
        row, errors = await outcome(
            service.update(CONTACT_ROLE, pk, columns, input.version, info.context.actor)
        )
        return _contact(info, row, errors)

    publish_contact_role, unpublish_contact_role, archive_contact_role = workflow_mutations(
        CONTACT_ROLE, "a contact role", _contact, ContactRolePayload
    )

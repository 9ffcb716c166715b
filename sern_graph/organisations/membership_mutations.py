"""Mutations of memberships of the network: create, update, publish, unpublish, archive."""

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
from sern_graph.organisations.membership_inputs import (
    CreateMembershipInput,
    UpdateMembershipInput,
    membership_columns,
)
from sern_graph.organisations.membership_kind import MEMBERSHIP
from sern_graph.organisations.types import Membership


@strawberry.type(description="The result of a membership mutation.")
class MembershipPayload:
    membership: Membership | None = strawberry.field(
        description="The membership as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


def _payload(
    info: Info[Context, None], row: ContentModel | None, errors: list[UserError]
) -> MembershipPayload:
    chain = info.context.chain(None)
    return MembershipPayload(
        membership=Membership(row=row, chain=chain) if row is not None else None, user_errors=errors
    )


@strawberry.type
class MembershipMutation:
    @strawberry.mutation(
        description="Record an organisation's membership of the network for a period, as a draft. "
        "Editors and admins."
    )
    async def create_membership(
        self,
        info: Info[Context, None],
        input: Annotated[CreateMembershipInput, strawberry.argument(description="The membership.")],
    ) -> MembershipPayload:
        write = service.create(MEMBERSHIP, membership_columns(input), info.context.actor)
        row, errors = await outcome(write)
        return _payload(info, row, errors)

    @strawberry.mutation(description="Change a membership's fields. Editors and admins.")
    async def update_membership(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateMembershipInput, strawberry.argument(description="The changes.")],
    ) -> MembershipPayload:
        pk = object_id(input.id, "Membership") or 0
        columns = membership_columns(input)
        row, errors = await outcome(
            service.update(MEMBERSHIP, pk, columns, input.version, info.context.actor)
        )
        return _payload(info, row, errors)

    publish_membership, unpublish_membership, archive_membership = workflow_mutations(
        MEMBERSHIP, "a membership", _payload, MembershipPayload
    )

"""Mutation inputs for memberships, and their conversion to the service's column values."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from sern_graph.content.inputs import given_ids, given_texts, given_values
from sern_graph.organisations.enums import MembershipKind


@strawberry.input(description="A new membership of the network; it starts as a draft.")
class CreateMembershipInput:
    organisation_id: strawberry.ID = strawberry.field(description="The member organisation.")
    kind: MembershipKind = strawberry.field(
        default=MembershipKind.MEMBER, description="Member, partner or observer."
    )
    start_date: date | None = strawberry.field(default=None, description="First day; null when unknown.")
    end_date: date | None = strawberry.field(
        default=None, description="Last day; null when it still holds or is unknown."
    )
    dates_approximate: bool = strawberry.field(
        default=False, description="True when the dates are approximate (month or year, or inferred)."
    )
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a membership; fields left out keep their values.")
class UpdateMembershipInput:
    id: strawberry.ID = strawberry.field(description="The membership.")
    version: int = strawberry.field(description="The version the change is based on.")
    organisation_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="The member organisation."
    )
    kind: MembershipKind | None = strawberry.field(
        default=strawberry.UNSET, description="Member, partner or observer."
    )
    start_date: date | None = strawberry.field(
        default=strawberry.UNSET, description="First day; null when unknown."
    )
    end_date: date | None = strawberry.field(
        default=strawberry.UNSET, description="Last day; null when it still holds or is unknown."
    )
    dates_approximate: bool | None = strawberry.field(
        default=strawberry.UNSET, description="True when the dates are approximate."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


def membership_columns(data: CreateMembershipInput | UpdateMembershipInput) -> dict[str, Any]:
    """The column values the input sets; an ID of anything but an organisation becomes 0."""
    return {
        **given_ids(data, organisation_id="Organisation"),
        **given_values(data, "kind", "start_date", "end_date", "dates_approximate"),
        **given_texts(data, "note"),
    }

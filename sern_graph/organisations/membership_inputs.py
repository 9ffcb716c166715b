"""Mutation inputs for memberships, and their conversion to the service's column values."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from sern_graph.content.inputs import clean, given, object_id
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
    columns: dict[str, Any] = {}
    if given(data.organisation_id):
        columns["organisation_id"] = object_id(data.organisation_id, "Organisation")
    for name in ("kind", "start_date", "end_date", "dates_approximate"):
        value = getattr(data, name)
        if given(value):
            columns[name] = value
    if given(data.note):
        columns["note"] = clean(data.note)
    return columns

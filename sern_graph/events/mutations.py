"""Mutations of events: create, update, publish, unpublish, archive; participants and projects."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from sern_graph.accounts.permissions import Permission
from sern_graph.content import service
from sern_graph.content.graphql import UserError
from sern_graph.content.inputs import object_id
from sern_graph.content.models import ContentModel
from sern_graph.content.outcome import outcome
from sern_graph.content.workflow import workflow_mutations
from sern_graph.context import Context
from sern_graph.core.validation import FieldError, ValidationFailed
from sern_graph.events.inputs import (
    CreateEventInput,
    SetEventParticipantsInput,
    SetEventProjectsInput,
    UpdateEventInput,
    event_slug,
    to_columns,
)
from sern_graph.events.kind import EVENT
from sern_graph.events.types import Event
from sern_graph.organisations.models import Organisation
from sern_graph.projects.models import Project


@strawberry.type(description="The result of an event mutation.")
class EventPayload:
    event: Event | None = strawberry.field(
        description="The event as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


def _payload(info: Info[Context, None], row: ContentModel | None, errors: list[UserError]) -> EventPayload:
    chain = info.context.chain(None)
    return EventPayload(event=Event(row=row, chain=chain) if row is not None else None, user_errors=errors)


async def _targets(
    global_ids: list[strawberry.ID], model: type[Organisation] | type[Project], field: str
) -> list[int]:
    """The primary keys of the global IDs of `model`'s type; raises NOT_FOUND naming the others."""
    type_name = model.__name__
    pks = {global_id: object_id(global_id, type_name) or 0 for global_id in global_ids}
    existing: set[Any] = set(await model.filter(id__in=set(pks.values())).values_list("id", flat=True))
    unknown = [global_id for global_id, pk in pks.items() if pk not in existing]
    if unknown:
        noun = "organisation" if model is Organisation else "project"
        raise ValidationFailed(
            [FieldError(field, "NOT_FOUND", f"No {noun} with the ID {', '.join(unknown)}.")]
        )
    return sorted(set(pks.values()))


@strawberry.type
class EventMutation:
    @strawberry.mutation(description="Create an event as a draft. Editors and admins.")
    async def create_event(
        self,
        info: Info[Context, None],
        input: Annotated[CreateEventInput, strawberry.argument(description="The event.")],
    ) -> EventPayload:
        columns = await to_columns(input)
        columns["slug"] = columns.get("slug") or event_slug(input.title, input.start_date)
        row, errors = await outcome(service.create(EVENT, columns, info.context.actor))
        return _payload(info, row, errors)

    @strawberry.mutation(description="Change an event's fields. Editors and admins.")
    async def update_event(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateEventInput, strawberry.argument(description="The changes.")],
    ) -> EventPayload:
        pk = object_id(input.id, "Event") or 0
        write = service.update(EVENT, pk, await to_columns(input), input.version, info.context.actor)
        row, errors = await outcome(write)
        return _payload(info, row, errors)

    publish_event, unpublish_event, archive_event = workflow_mutations(
        EVENT, "an event", _payload, EventPayload
    )

    @strawberry.mutation(description="Set the organisations taking part in an event. Editors and admins.")
    async def set_event_participants(
        self,
        info: Info[Context, None],
        input: Annotated[SetEventParticipantsInput, strawberry.argument(description="The participants.")],
    ) -> EventPayload:
        pk = object_id(input.id, "Event") or 0

        async def write() -> ContentModel:
            service.require(info.context.actor, Permission.EDIT)
            ids = await _targets(input.organisation_ids, Organisation, "input.organisationIds")
            return await service.set_links(EVENT, pk, "participants", ids, info.context.actor, input.version)

        row, errors = await outcome(write())
        return _payload(info, row, errors)

    @strawberry.mutation(description="Set the projects an event belongs to. Editors and admins.")
    async def set_event_projects(
        self,
        info: Info[Context, None],
        input: Annotated[SetEventProjectsInput, strawberry.argument(description="The projects.")],
    ) -> EventPayload:
        pk = object_id(input.id, "Event") or 0

        async def write() -> ContentModel:
            service.require(info.context.actor, Permission.EDIT)
            ids = await _targets(input.project_ids, Project, "input.projectIds")
            return await service.set_links(EVENT, pk, "projects", ids, info.context.actor, input.version)

        row, errors = await outcome(write())
        return _payload(info, row, errors)

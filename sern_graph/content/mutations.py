"""Mutations that apply to any content type."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry
from strawberry.types import Info

from sern_graph.accounts.permissions import Permission
from sern_graph.content import models, service
from sern_graph.content.graphql import UserError
from sern_graph.content.inputs import object_id
from sern_graph.content.outcome import outcome
from sern_graph.context import Context
from sern_graph.core.errors import UserInputError
from sern_graph.core.ids import decode_global_id
from sern_graph.core.node import Node
from sern_graph.core.validation import FieldError, ValidationFailed


@strawberry.input(description="The revision to bring back.")
class RestoreRevisionInput:
    revision_id: strawberry.ID = strawberry.field(
        description="ID of a revision (from an entry's `revisions`)."
    )


@strawberry.type(description="The result of restoring a revision.")
class RestoreRevisionPayload:
    node: Node | None = strawberry.field(
        description="The entry, with the revision's values as its working copy."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.input(description="When an entry goes public and comes down; null clears a time.")
class SchedulePublicationInput:
    id: strawberry.ID = strawberry.field(description="The entry (any content type).")
    publish_at: datetime | None = strawberry.field(default=None, description="When to publish it.")
    unpublish_at: datetime | None = strawberry.field(default=None, description="When to take it down.")
    version: int | None = strawberry.field(default=None, description="The version the change is based on.")


@strawberry.type(description="The result of scheduling an entry.")
class SchedulePublicationPayload:
    node: Node | None = strawberry.field(description="The entry with its schedule.")
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.type
class ContentMutation:
    @strawberry.mutation(
        description="Schedule publishing: the running service publishes the entry at `publishAt` and "
        "takes it down at `unpublishAt` (times that pass while it is down are caught up on start). "
        "Editors and admins."
    )
    async def schedule_publication(
        self,
        info: Info[Context, None],
        input: Annotated[SchedulePublicationInput, strawberry.argument(description="The entry and times.")],
    ) -> SchedulePublicationPayload:
        from sern_graph.kinds import KINDS
        from sern_graph.nodes import NODE_TYPES

        # Who may ask comes before what is asked about: an unknown ID must not answer a stranger.
        service.require(info.context.actor, Permission.PUBLISH)
        try:
            type_name, pk = decode_global_id(input.id)
        except UserInputError:
            type_name, pk = "", 0
        kind = KINDS.get(type_name)

        async def write() -> models.ContentModel:
            if kind is None:
                raise ValidationFailed([FieldError("input.id", "NOT_FOUND", "No such entry.")])
            return await service.schedule(
                kind, pk, input.publish_at, input.unpublish_at, info.context.actor, input.version
            )

        row, errors = await outcome(write())
        if row is None:
            return SchedulePublicationPayload(node=None, user_errors=errors)
        node = NODE_TYPES[type_name][1](row=row, chain=info.context.chain(None))
        return SchedulePublicationPayload(node=node, user_errors=[])

    @strawberry.mutation(
        description="Bring an earlier revision's values back as a new draft of the entry (published "
        "entries keep showing their published values until published again). Editors and admins."
    )
    async def restore_revision(
        self,
        info: Info[Context, None],
        input: Annotated[RestoreRevisionInput, strawberry.argument(description="The revision.")],
    ) -> RestoreRevisionPayload:
        from sern_graph.kinds import KINDS
        from sern_graph.nodes import NODE_TYPES

        service.require(info.context.actor, Permission.EDIT)
        revision = await models.Revision.get_or_none(id=object_id(input.revision_id, "Revision") or 0)

        async def restore() -> models.ContentModel:
            if revision is None or revision.content_type not in KINDS:
                raise ValidationFailed([FieldError("input.revisionId", "NOT_FOUND", "No such revision.")])
            return await service.restore_revision(KINDS[revision.content_type], revision, info.context.actor)

        row, errors = await outcome(restore())
        if row is None or revision is None:
            return RestoreRevisionPayload(node=None, user_errors=errors)
        node_type = NODE_TYPES[revision.content_type][1]
        return RestoreRevisionPayload(node=node_type(row=row, chain=info.context.chain(None)), user_errors=[])

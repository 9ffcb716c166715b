"""Mutations that apply to any content type."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content import models, service
from sern_graph.content.graphql import UserError
from sern_graph.content.inputs import object_id
from sern_graph.content.outcome import outcome
from sern_graph.context import Context
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


@strawberry.type
class ContentMutation:
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

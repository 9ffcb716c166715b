"""The publish, unpublish and archive mutations every content type has, made for one content kind."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, TypeVar

import strawberry
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from sern_graph.accounts.actor import Actor
from sern_graph.content import service
from sern_graph.content.graphql import UserError
from sern_graph.content.inputs import ContentActionInput, object_id
from sern_graph.content.kinds import ContentKind
from sern_graph.content.models import ContentModel
from sern_graph.content.outcome import outcome
from sern_graph.context import Context

P = TypeVar("P")
Action = Callable[[ContentKind, int, Actor, int | None], Awaitable[ContentModel]]


def workflow_mutations(
    kind: ContentKind,
    noun: str,
    to_payload: Callable[[Info[Context, None], ContentModel | None, list[UserError]], P],
    payload_type: type[P],
    *,
    argument: str | None = None,
    publish: str | None = None,
    unpublish: str | None = None,
    archive: str | None = None,
) -> tuple[StrawberryField, StrawberryField, StrawberryField]:
    """The three mutations of `kind`, described for `noun` ("a project"); keywords override a description."""
    described = argument or f"The {noun.split(' ', 1)[1]} and its version."

    def field(action: Action, description: str) -> StrawberryField:
        async def resolver(info: Info[Context, None], input: ContentActionInput) -> P:
            pk = object_id(input.id, kind.name) or 0
            row, errors = await outcome(action(kind, pk, info.context.actor, input.version))
            return to_payload(info, row, errors)

        # What strawberry reads: the argument's description and the concrete payload type.
        resolver.__annotations__["input"] = Annotated[
            ContentActionInput, strawberry.argument(description=described)
        ]
        resolver.__annotations__["return"] = payload_type
        return strawberry.mutation(resolver, description=description)

    return (
        field(service.publish, publish or f"Publish {noun}'s latest values. Editors and admins."),
        field(service.unpublish, unpublish or f"Take {noun} off the public site; it stays a draft."),
        field(service.archive, archive or f"Archive {noun}: hidden from the public, history kept."),
    )

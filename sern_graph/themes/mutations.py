"""Mutations of themes: create, update, publish, unpublish, archive."""

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
from sern_graph.themes.inputs import CreateThemeInput, UpdateThemeInput, to_columns
from sern_graph.themes.kind import THEME
from sern_graph.themes.types import Theme


@strawberry.type(description="The result of a theme mutation.")
class ThemePayload:
    theme: Theme | None = strawberry.field(
        description="The theme as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


def _payload(info: Info[Context, None], row: ContentModel | None, errors: list[UserError]) -> ThemePayload:
    chain = info.context.chain(None)
    return ThemePayload(theme=Theme(row=row, chain=chain) if row is not None else None, user_errors=errors)


@strawberry.type
class ThemeMutation:
    @strawberry.mutation(description="Create a theme as a draft. Editors and admins.")
    async def create_theme(
        self,
        info: Info[Context, None],
        input: Annotated[CreateThemeInput, strawberry.argument(description="The theme.")],
    ) -> ThemePayload:
        row, errors = await outcome(service.create(THEME, to_columns(input), info.context.actor))
        return _payload(info, row, errors)

    @strawberry.mutation(description="Change a theme's fields. Editors and admins.")
    async def update_theme(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateThemeInput, strawberry.argument(description="The changes.")],
    ) -> ThemePayload:
        pk = object_id(input.id, "Theme") or 0
        write = service.update(THEME, pk, to_columns(input), input.version, info.context.actor)
        row, errors = await outcome(write)
        return _payload(info, row, errors)

    publish_theme, unpublish_theme, archive_theme = workflow_mutations(
        THEME, "a theme", _payload, ThemePayload
    )

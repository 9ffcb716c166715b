"""Mutations of organisations: create, update, publish, unpublish, archive."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content import service
from sern_graph.content.graphql import UserError
from sern_graph.content.inputs import object_id, slugify
from sern_graph.content.models import ContentModel
from sern_graph.content.outcome import outcome
from sern_graph.content.workflow import workflow_mutations
from sern_graph.context import Context
from sern_graph.core.validation import FieldError, ValidationFailed
from sern_graph.organisations.inputs import CreateOrganisationInput, UpdateOrganisationInput, to_columns
from sern_graph.organisations.kind import ORGANISATION
from sern_graph.organisations.types import Organisation
from sern_graph.themes.models import Theme


@strawberry.type(description="The result of an organisation mutation.")
class OrganisationPayload:
    organisation: Organisation | None = strawberry.field(
        description="The organisation as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


def _payload(
    info: Info[Context, None], row: ContentModel | None, errors: list[UserError]
) -> OrganisationPayload:
    chain = info.context.chain(None)
    return OrganisationPayload(
        organisation=Organisation(row=row, chain=chain) if row is not None else None, user_errors=errors
    )


@strawberry.input(description="The themes an organisation works on; replaces the current set.")
class SetOrganisationThemesInput:
    id: strawberry.ID = strawberry.field(description="The organisation.")
    theme_slugs: list[str] = strawberry.field(description="Slugs of every theme it works on.")
    version: int | None = strawberry.field(default=None, description="The version the change is based on.")


@strawberry.type
class OrganisationMutation:
    @strawberry.mutation(description="Create an organisation as a draft. Editors and admins.")
    async def create_organisation(
        self,
        info: Info[Context, None],
        input: Annotated[CreateOrganisationInput, strawberry.argument(description="The organisation.")],
    ) -> OrganisationPayload:
        columns = await to_columns(input)
        columns["slug"] = columns.get("slug") or slugify(input.name)
        row, errors = await outcome(service.create(ORGANISATION, columns, info.context.actor))
        return _payload(info, row, errors)

    @strawberry.mutation(description="Change an organisation's fields. Editors and admins.")
    async def update_organisation(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateOrganisationInput, strawberry.argument(description="The changes.")],
    ) -> OrganisationPayload:
        pk = object_id(input.id, "Organisation") or 0
        columns = await to_columns(input)
        write = service.update(ORGANISATION, pk, columns, input.version, info.context.actor)
        row, errors = await outcome(write)
        return _payload(info, row, errors)

    publish_organisation, unpublish_organisation, archive_organisation = workflow_mutations(
        ORGANISATION, "an organisation", _payload, OrganisationPayload
    )

    @strawberry.mutation(description="Set the themes an organisation works on. Editors and admins.")
    async def set_organisation_themes(
        self,
        info: Info[Context, None],
        input: Annotated[SetOrganisationThemesInput, strawberry.argument(description="The themes.")],
    ) -> OrganisationPayload:
        pk = object_id(input.id, "Organisation") or 0
        found = dict(await Theme.filter(slug__in=input.theme_slugs).values_list("slug", "id"))
        unknown = sorted(set(input.theme_slugs) - set(found))

        async def write() -> ContentModel:
            if unknown:
                message = f"No theme with the slug {', '.join(unknown)}."
                raise ValidationFailed([FieldError("input.themeSlugs", "NOT_FOUND", message)])
            ids = [int(theme_id) for theme_id in found.values()]
            return await service.set_links(ORGANISATION, pk, "themes", ids, info.context.actor, input.version)

        row, errors = await outcome(write())
        return _payload(info, row, errors)

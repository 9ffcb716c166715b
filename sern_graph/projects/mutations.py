"""Mutations of projects and partnerships: create, update, publish, unpublish, archive; themes."""

from __future__ import annotations

from typing import Annotated

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
from sern_graph.projects.inputs import (
    CreateProjectInput,
    CreateProjectPartnershipInput,
    SetProjectThemesInput,
    UpdateProjectInput,
    UpdateProjectPartnershipInput,
    partnership_columns,
    project_slug,
    to_columns,
)
from sern_graph.projects.kind import PROJECT, PROJECT_PARTNERSHIP
from sern_graph.projects.types import Project, ProjectPartnership
from sern_graph.themes.models import Theme


@strawberry.type(description="The result of a project mutation.")
class ProjectPayload:
    project: Project | None = strawberry.field(
        description="The project as saved (its published values while edits wait in a draft)."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


@strawberry.type(description="The result of a partnership mutation.")
class ProjectPartnershipPayload:
    project_partnership: ProjectPartnership | None = strawberry.field(
        description="The partnership as saved: its role, project and organisation."
    )
    user_errors: list[UserError] = strawberry.field(description="Problems with the input; empty on success.")


def _project(info: Info[Context, None], row: ContentModel | None, errors: list[UserError]) -> ProjectPayload:
    chain = info.context.chain(None)
    return ProjectPayload(
        project=Project(row=row, chain=chain) if row is not None else None, user_errors=errors
    )


def _partnership(
    info: Info[Context, None], row: ContentModel | None, errors: list[UserError]
) -> ProjectPartnershipPayload:
    chain = info.context.chain(None)
    partnership = ProjectPartnership(row=row, chain=chain) if row is not None else None
    return ProjectPartnershipPayload(project_partnership=partnership, user_errors=errors)


@strawberry.type
class ProjectMutation:
    @strawberry.mutation(description="Create a project as a draft. Editors and admins.")
    async def create_project(
        self,
        info: Info[Context, None],
        input: Annotated[CreateProjectInput, strawberry.argument(description="The project.")],
    ) -> ProjectPayload:
        columns = to_columns(input)
        columns["slug"] = columns.get("slug") or project_slug(columns.get("acronym"), input.title)
        row, errors = await outcome(service.create(PROJECT, columns, info.context.actor))
        return _project(info, row, errors)

    @strawberry.mutation(description="Change a project's fields. Editors and admins.")
    async def update_project(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateProjectInput, strawberry.argument(description="The changes.")],
    ) -> ProjectPayload:
        pk = object_id(input.id, "Project") or 0
        write = service.update(PROJECT, pk, to_columns(input), input.version, info.context.actor)
        row, errors = await outcome(write)
        return _project(info, row, errors)

    publish_project, unpublish_project, archive_project = workflow_mutations(
        PROJECT, "a project", _project, ProjectPayload
    )

    @strawberry.mutation(description="Set the themes of a project. Editors and admins.")
    async def set_project_themes(
        self,
        info: Info[Context, None],
        input: Annotated[SetProjectThemesInput, strawberry.argument(description="The themes.")],
    ) -> ProjectPayload:
        pk = object_id(input.id, "Project") or 0
        found = dict(await Theme.filter(slug__in=input.theme_slugs).values_list("slug", "id"))
        unknown = sorted(set(input.theme_slugs) - set(found))

        async def write() -> ContentModel:
            service.require(info.context.actor, Permission.EDIT)
            if unknown:
                message = f"No theme with the slug {', '.join(unknown)}."
                raise ValidationFailed([FieldError("input.themeSlugs", "NOT_FOUND", message)])
            ids = [int(theme_id) for theme_id in found.values()]
            return await service.set_links(PROJECT, pk, "themes", ids, info.context.actor, input.version)

        row, errors = await outcome(write())
        return _project(info, row, errors)

    @strawberry.mutation(
        description="Add an organisation to a project's partners, as a draft. Editors and admins."
    )
    async def create_project_partnership(
        self,
        info: Info[Context, None],
        input: Annotated[CreateProjectPartnershipInput, strawberry.argument(description="The partnership.")],
    ) -> ProjectPartnershipPayload:
        columns = partnership_columns(input)
        row, errors = await outcome(service.create(PROJECT_PARTNERSHIP, columns, info.context.actor))
        return _partnership(info, row, errors)

    @strawberry.mutation(description="Change a partnership's role or note. Editors and admins.")
    async def update_project_partnership(
        self,
        info: Info[Context, None],
        input: Annotated[UpdateProjectPartnershipInput, strawberry.argument(description="The changes.")],
    ) -> ProjectPartnershipPayload:
        pk = object_id(input.id, "ProjectPartnership") or 0
        columns = partnership_columns(input)
        write = service.update(PROJECT_PARTNERSHIP, pk, columns, input.version, info.context.actor)
        row, errors = await outcome(write)
        return _partnership(info, row, errors)

    publish_project_partnership, unpublish_project_partnership, archive_project_partnership = (
        workflow_mutations(
            PROJECT_PARTNERSHIP,
            "a partnership",
            _partnership,
            ProjectPartnershipPayload,
            publish="Publish a partnership: it shows among the project's partners while the project "
            "and the organisation are public too. Editors and admins.",
        )
    )

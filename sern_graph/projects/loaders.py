"""Batch functions for projects and partnerships: a fixed number of queries per batch."""

from __future__ import annotations

from collections.abc import Sequence

from sern_graph.content.visibility import published
from sern_graph.core.loading import in_key_order, through_pairs
from sern_graph.organisations.filters import OrganisationSpec
from sern_graph.organisations.models import Organisation
from sern_graph.projects.filters import ProjectSpec
from sern_graph.projects.models import PartnershipRole, Project, ProjectPartnership


async def projects_by_id(keys: Sequence[int]) -> list[Project | None]:
    rows = await Project.filter(published(), id__in=keys)
    return in_key_order(keys, rows, lambda row: row.id)


async def partnerships_by_organisation(
    ids: list[int], spec: ProjectSpec
) -> list[tuple[int, tuple[Project, PartnershipRole]]]:
    """An organisation's projects in the spec's order, each with the organisation's role."""
    links = await ProjectPartnership.filter(published(), organisation_id__in=ids).values_list(
        "organisation_id", "project_id", "role"
    )
    projects = await spec.query().filter(id__in={project_id for _, project_id, _ in links})
    roles: dict[int, list[tuple[int, str]]] = {}
    for organisation_id, project_id, role in links:
        roles.setdefault(project_id, []).append((organisation_id, role))
    return [
        (organisation_id, (project, PartnershipRole(role)))
        for project in projects
        for organisation_id, role in roles.get(project.id, [])
    ]


async def partners_by_project(
    ids: list[int], spec: OrganisationSpec
) -> list[tuple[int, tuple[Organisation, PartnershipRole]]]:
    """A project's partner organisations in the spec's order, each with its role."""
    links = await ProjectPartnership.filter(published(), project_id__in=ids).values_list(
        "project_id", "organisation_id", "role"
    )
    organisations = await spec.query().filter(id__in={organisation_id for _, organisation_id, _ in links})
    roles: dict[int, list[tuple[int, str]]] = {}
    for project_id, organisation_id, role in links:
        roles.setdefault(organisation_id, []).append((project_id, role))
    return [
        (project_id, (organisation, PartnershipRole(role)))
        for organisation in organisations
        for project_id, role in roles.get(organisation.id, [])
    ]


async def projects_by_theme(ids: list[int], spec: ProjectSpec) -> list[tuple[int, Project]]:
    pairs = await Project.filter(themes__id__in=ids).values_list("themes__id", "id")
    rows = await spec.query().filter(id__in={child for _, child in pairs})
    return through_pairs(pairs, rows, lambda row: row.id)

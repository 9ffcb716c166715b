"""Projects and their partnerships in the admin: a project's title and summary in each locale,
its themes, and the partner organisations with their roles."""

from __future__ import annotations

from typing import cast

from sern_graph.admin import choices
from sern_graph.admin.choices import project_title
from sern_graph.admin.fields import FormField
from sern_graph.admin.kinds import AdminKind, ChildList, Column, LinkField, ListFilter, Order, slug_from
from sern_graph.content.models import ContentModel
from sern_graph.projects.kind import PROJECT, PROJECT_PARTNERSHIP
from sern_graph.projects.models import PartnershipRole, Project, ProjectPartnership

PARTNERSHIPS_SLUG = "project-partnerships"


def _project(row: ContentModel) -> Project:
    return cast(Project, row)


def _partnership(row: ContentModel) -> ProjectPartnership:
    return cast(ProjectPartnership, row)


PROJECTS = AdminKind(
    slug="projects",
    content=PROJECT,
    singular="project",
    plural="Projects",
    title=lambda row: project_title(_project(row)),
    fields=(
        FormField("acronym", "Acronym", "input.acronym"),
        FormField(
            "slug",
            "Slug",
            "input.slug",
            hint="Part of its address; left empty, it is made from the acronym or else the title.",
        ),
        FormField("title", "Title", "input.title", "localized", hint="In at least one locale.", lines=2),
        FormField("summary", "Summary", "input.summary", "localized"),
        FormField("programme", "Programme", "input.programme", hint="e.g. Interreg Europe."),
        FormField("grant_reference", "Grant reference", "input.grantReference"),
        FormField("start_date", "Start", "input.startDate", "date"),
        FormField("end_date", "End", "input.endDate", "date"),
        FormField("dates_approximate", "Dates approximate", "input.datesApproximate", "checkbox"),
        FormField("budget", "Budget (EUR)", "input.budget", "decimal"),
        FormField("eu_contribution", "EU contribution (EUR)", "input.euContribution", "decimal"),
        FormField("website", "Website", "input.website", hint="https://…"),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(
        Column("Programme", lambda row: _project(row).programme or ""),
        Column("Start", lambda row: _project(row).start_date or ""),
        Column("End", lambda row: _project(row).end_date or ""),
    ),
    search=("slug", "acronym", "title_sv", "title_it", "title_en"),
    filters=(
        ListFilter("theme", "Theme", "themes__id", choices.themes),
        ListFilter("partner", "Partner", "partnerships__organisation_id", choices.organisations),
    ),
    orders={
        "-start": Order("Latest start first", ("-start_date", "-id")),
        "slug": Order("Slug, A to Z", ("slug", "id")),
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
    },
    slug_of=slug_from("acronym", "title_en", "title_sv", "title_it"),
    links=(LinkField("themes", "Themes", choices.themes),),
    children=(ChildList(PARTNERSHIPS_SLUG, "project_id", "Partners"),),
)

PARTNERSHIPS = AdminKind(
    slug=PARTNERSHIPS_SLUG,
    content=PROJECT_PARTNERSHIP,
    singular="project partnership",
    plural="Project partnerships",
    title=lambda row: f"{_partnership(row).organisation.name} in {project_title(_partnership(row).project)}",
    fields=(
        FormField(
            "project_id", "Project", "input.projectId", "select", required=True, choices=choices.projects
        ),
        FormField(
            "organisation_id",
            "Organisation",
            "input.organisationId",
            "select",
            required=True,
            choices=choices.organisations,
        ),
        FormField(
            "role",
            "Role",
            "input.role",
            "select",
            required=True,
            choices=choices.enum_choices(PartnershipRole),
        ),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(Column("Role", lambda row: _partnership(row).role.value),),
    search=("organisation__name", "project__acronym", "project__slug"),
    filters=(
        ListFilter("project", "Project", "project_id", choices.projects),
        ListFilter("organisation", "Organisation", "organisation_id", choices.organisations),
        ListFilter("role", "Role", "role", choices.enum_choices(PartnershipRole)),
    ),
    orders={
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
        "-created": Order("Newest", ("-created_at", "-id")),
    },
    related=("project", "organisation"),
    in_menu=False,
)

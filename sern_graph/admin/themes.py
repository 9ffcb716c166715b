"""Themes in the admin: a localized name and description."""

from __future__ import annotations

from typing import cast

from sern_graph.admin.fields import FormField
from sern_graph.admin.kinds import AdminKind, Order
from sern_graph.content.models import ContentModel
from sern_graph.themes.kind import THEME
from sern_graph.themes.models import Theme


def _title(row: ContentModel) -> str:
    theme = cast(Theme, row)
    return theme.name_en or theme.name_sv or theme.name_it or theme.slug


THEMES = AdminKind(
    slug="themes",
    content=THEME,
    singular="theme",
    plural="Themes",
    title=_title,
    fields=(
        FormField("slug", "Slug", "input.slug", required=True, hint="Part of its address, e.g. energy."),
        FormField("name", "Name", "input.name", "localized", hint="In at least one locale.", lines=1),
        FormField("description", "Description", "input.description", "localized"),
        FormField("note", "Editor's note", "input.note", "textarea"),
    ),
    columns=(),
    search=("slug", "name_en", "name_sv", "name_it"),
    orders={
        "slug": Order("Slug, A to Z", ("slug", "id")),
        "-updated": Order("Recently changed", ("-updated_at", "-id")),
    },
)

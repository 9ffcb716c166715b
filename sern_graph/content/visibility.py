"""What a caller may read: published content only, through every link (drafts too in preview)."""

from __future__ import annotations

from tortoise.expressions import Q

from sern_graph.content.models import EditorialState
from sern_graph.content.preview import preview_active
from sern_graph.core.dates import condition


def published(prefix: str = "") -> Q:
    """Rows (or, with `prefix`, rows linked through it) this request may see: published ones, and
    in preview drafts too. Archived entries are never shown."""
    if preview_active():
        return condition(f"{prefix}state__in", [EditorialState.PUBLISHED, EditorialState.DRAFT])
    return condition(f"{prefix}state", EditorialState.PUBLISHED)

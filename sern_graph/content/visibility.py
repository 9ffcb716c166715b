"""What a caller may read: published content only, through every link."""

from __future__ import annotations

from tortoise.expressions import Q

from sern_graph.content.models import EditorialState
from sern_graph.core.dates import condition


def published(prefix: str = "") -> Q:
    """Rows (or, with `prefix`, rows linked through it) that the public may see."""
    return condition(f"{prefix}state", EditorialState.PUBLISHED)

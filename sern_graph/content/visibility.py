"""What a caller may read: published content only, through every link."""

from __future__ import annotations

from tortoise.expressions import Q

from sern_graph.content.models import EditorialState


def published(prefix: str = "") -> Q:
    """Rows (or, with `prefix`, rows linked through it) that the public may see."""
    return Q(**{f"{prefix}state": EditorialState.PUBLISHED})

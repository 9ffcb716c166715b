"""Batch functions of the editorial machinery."""

from __future__ import annotations

from collections.abc import Sequence

from sern_graph.content.models import Revision
from sern_graph.core.loading import grouped

EntryKey = tuple[str, int]


async def revisions_by_entry(keys: Sequence[EntryKey]) -> list[list[Revision]]:
    """Revisions of (content type, id) entries, newest first; one query per batch."""
    types = {content_type for content_type, _ in keys}
    ids = {object_id for _, object_id in keys}
    rows = await Revision.filter(content_type__in=types, object_id__in=ids).order_by("-version", "-id")
    return grouped(keys, rows, lambda row: (row.content_type, row.object_id))

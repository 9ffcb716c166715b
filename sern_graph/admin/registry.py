"""The content types the admin edits, by URL segment."""

from __future__ import annotations

from sern_graph.admin.kinds import AdminKind
from sern_graph.admin.organisations import ORGANISATIONS
from sern_graph.admin.themes import THEMES

ADMIN_KINDS: dict[str, AdminKind] = {kind.slug: kind for kind in (ORGANISATIONS, THEMES)}
ADMIN_KINDS_BY_NAME: dict[str, AdminKind] = {kind.content.name: kind for kind in ADMIN_KINDS.values()}

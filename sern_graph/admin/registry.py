"""The content types the admin edits, by URL segment."""

from __future__ import annotations

from sern_graph.admin.events import EVENTS
from sern_graph.admin.geography import COUNTRIES, REGIONS
from sern_graph.admin.kinds import AdminKind
from sern_graph.admin.organisations import MEMBERSHIPS, ORGANISATIONS
from sern_graph.admin.people import BOARD_SEATS, CONTACT_ROLES, PEOPLE
from sern_graph.admin.projects import PARTNERSHIPS, PROJECTS
from sern_graph.admin.themes import THEMES

ADMIN_KINDS: dict[str, AdminKind] = {
    kind.slug: kind
    for kind in (
        ORGANISATIONS,
        PEOPLE,
        PROJECTS,
        EVENTS,
        THEMES,
        COUNTRIES,
        REGIONS,
        PARTNERSHIPS,
        BOARD_SEATS,
        MEMBERSHIPS,
        CONTACT_ROLES,
    )
}
ADMIN_KINDS_BY_NAME: dict[str, AdminKind] = {kind.content.name: kind for kind in ADMIN_KINDS.values()}

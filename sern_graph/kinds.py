"""Every content type the service writes, by GraphQL type name."""

from __future__ import annotations

from sern_graph.content.kinds import ContentKind
from sern_graph.events.kind import EVENT
from sern_graph.geography.kind import COUNTRY, REGION
from sern_graph.organisations.kind import ORGANISATION
from sern_graph.organisations.membership_kind import MEMBERSHIP
from sern_graph.people.kind import PEOPLE_KINDS
from sern_graph.projects.kind import PROJECT, PROJECT_PARTNERSHIP
from sern_graph.themes.kind import THEME

KINDS: dict[str, ContentKind] = {
    kind.name: kind
    for kind in (
        ORGANISATION,
        COUNTRY,
        REGION,
        MEMBERSHIP,
        *PEOPLE_KINDS,
        PROJECT,
        PROJECT_PARTNERSHIP,
        THEME,
        EVENT,
    )
}

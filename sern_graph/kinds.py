"""Every content type the service writes, by GraphQL type name."""

from __future__ import annotations

from sern_graph.content.kinds import ContentKind
from sern_graph.organisations.kind import ORGANISATION

KINDS: dict[str, ContentKind] = {kind.name: kind for kind in (ORGANISATION,)}

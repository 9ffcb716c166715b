"""What an entry's page shows besides its form: its many-to-many links and the rows of other
kinds that point at it (a project's partners), each with a way to add one."""

from __future__ import annotations

from dataclasses import dataclass

from sern_graph.admin.fields import Choice
from sern_graph.admin.kinds import AdminKind, ChildList, LinkField
from sern_graph.admin.registry import ADMIN_KINDS
from sern_graph.content.models import ContentModel


@dataclass(frozen=True)
class LinkBox:
    link: LinkField
    choices: list[Choice]
    # Values of the choices linked now.
    chosen: set[str]


@dataclass(frozen=True)
class ChildRows:
    child: ChildList
    kind: AdminKind
    rows: list[ContentModel]


async def link_boxes(kind: AdminKind, row: ContentModel) -> list[LinkBox]:
    boxes = []
    for link in kind.links:
        linked = await getattr(row, link.relation).all().values_list("id", flat=True)
        boxes.append(LinkBox(link, await link.choices(), {str(pk) for pk in linked}))
    return boxes


async def child_rows(kind: AdminKind, row: ContentModel) -> list[ChildRows]:
    found = []
    for child in kind.children:
        child_kind = ADMIN_KINDS[child.slug]
        rows = (
            await child_kind.content.model.filter(**{child.column: row.id})
            .order_by("id")
            .select_related(*child_kind.related)
        )
        found.append(ChildRows(child, child_kind, list(rows)))
    return found

"""`node` and `nodes`: look up any object by its global ID (Relay)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from typing import Annotated, Any

import strawberry
from strawberry.types import Info
from tortoise.expressions import Q
from tortoise.models import Model

from sern_graph.content.visibility import published
from sern_graph.context import Context
from sern_graph.core.errors import UserInputError
from sern_graph.core.ids import decode_global_id
from sern_graph.core.lookup import LocaleArg, PreviewArg
from sern_graph.core.node import Node
from sern_graph.events import models as event_models
from sern_graph.events.types import Event
from sern_graph.geography import models as geography_models
from sern_graph.geography.types import Country, Region
from sern_graph.organisations import models as organisation_models
from sern_graph.organisations.types import Membership, Organisation
from sern_graph.people import models as people_models
from sern_graph.people.types import BoardMembership, ContactRole, Person
from sern_graph.projects import models as project_models
from sern_graph.projects.types import Project, ProjectPartnership
from sern_graph.response_cache.dependencies import reading_by_key
from sern_graph.themes import models as theme_models
from sern_graph.themes.types import Theme

MAX_NODES = 100

# GraphQL type name -> (model, GraphQL type)
NODE_TYPES: dict[str, tuple[type[Model], type[Node]]] = {
    "Country": (geography_models.Country, Country),
    "Region": (geography_models.Region, Region),
    "Theme": (theme_models.Theme, Theme),
    "Organisation": (organisation_models.Organisation, Organisation),
    "Membership": (organisation_models.Membership, Membership),
    "Person": (people_models.Person, Person),
    "BoardMembership": (people_models.BoardMembership, BoardMembership),
    "ContactRole": (people_models.ContactRole, ContactRole),
    "Project": (project_models.Project, Project),
    "ProjectPartnership": (project_models.ProjectPartnership, ProjectPartnership),
    "Event": (event_models.Event, Event),
}


# Links between entries are public only while the entries they hang on are public too,
# as in the lists that show them (board, boardSeats, contacts, memberships).
LINK_VISIBILITY: dict[str, Callable[[], Q]] = {
    "Membership": lambda: published("organisation__"),
    "BoardMembership": lambda: published("person__"),
    "ContactRole": lambda: published("person__") & published("organisation__"),
    "ProjectPartnership": lambda: published("project__") & published("organisation__"),
}


async def _resolve(
    info: Info[Context, None], ids: list[strawberry.ID], locale: Any, argument: str
) -> list[Node | None]:
    decoded = [decode_global_id(global_id, argument=argument) for global_id in ids]
    wanted: defaultdict[str, set[int]] = defaultdict(set)
    for type_name, pk in decoded:
        if type_name in NODE_TYPES:
            wanted[type_name].add(pk)
    found: dict[tuple[str, int], Any] = {}
    for type_name, pks in wanted.items():
        model, _ = NODE_TYPES[type_name]
        with reading_by_key(model._meta.db_table, pks):
            rows = await model.filter(published(), LINK_VISIBILITY.get(type_name, Q)(), id__in=pks)
        for row in rows:
            found[(type_name, row.pk)] = row
    chain = info.context.chain(locale)
    result: list[Node | None] = []
    for type_name, pk in decoded:
        match = found.get((type_name, pk))
        result.append(NODE_TYPES[type_name][1](row=match, chain=chain) if match is not None else None)
    return result


@strawberry.type
class NodeQuery:
    @strawberry.field(
        description="Any object by its global ID; null when there is none (or it is not public)."
    )
    async def node(
        self,
        info: Info[Context, None],
        id: Annotated[strawberry.ID, strawberry.argument(description="Global ID.")],
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Node | None:
        return (await _resolve(info, [id], locale, "id"))[0]

    @strawberry.field(description=f"Objects by global IDs, in the same order; at most {MAX_NODES}.")
    async def nodes(
        self,
        info: Info[Context, None],
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Global IDs.")],
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> list[Node | None]:
        if len(ids) > MAX_NODES:
            raise UserInputError(f"`ids` may hold at most {MAX_NODES} IDs, got {len(ids)}.", argument="ids")
        return await _resolve(info, ids, locale, "ids")

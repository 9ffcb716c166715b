"""The `network` root field."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry
from strawberry.types import Info

from sern_graph.context import Context
from sern_graph.core.lookup import LocaleArg, PreviewArg
from sern_graph.network.types import Network


@strawberry.type
class NetworkQuery:
    @strawberry.field(description="Live figures of the whole network: members, projects, themes.")
    def network(
        self,
        info: Info[Context, None],
        as_of: Annotated[
            date | None, strawberry.argument(description="Date of the membership figures; default today.")
        ] = None,
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Network:
        return Network(as_of=as_of or info.context.today, chain=info.context.chain(locale))

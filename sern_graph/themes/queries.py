"""Root fields of the themes domain."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from sern_graph.content.visibility import published
from sern_graph.context import Context
from sern_graph.core.lookup import LocaleArg, PreviewArg
from sern_graph.themes import models
from sern_graph.themes.types import Theme


@strawberry.type
class ThemeQuery:
    @strawberry.field(description="All themes of cooperation, by slug.")
    async def themes(
        self, info: Info[Context, None], locale: LocaleArg = None, preview: PreviewArg = False
    ) -> list[Theme]:
        chain = info.context.chain(locale)
        return [
            Theme(row=row, chain=chain) for row in await models.Theme.filter(published()).order_by("slug")
        ]

    @strawberry.field(description="One theme, by slug.")
    async def theme(
        self,
        info: Info[Context, None],
        slug: Annotated[str, strawberry.argument(description="Slug, e.g. `education`.")],
        locale: LocaleArg = None,
        preview: PreviewArg = False,
    ) -> Theme | None:
        row = await models.Theme.get_or_none(published(), slug=slug)
        return Theme(row=row, chain=info.context.chain(locale)) if row else None

"""Root-field lookups by global ID or slug, and the `locale` argument they all take."""

from __future__ import annotations

from typing import Annotated

import strawberry

from sern_graph.core.errors import UserInputError
from sern_graph.core.ids import decode_global_id
from sern_graph.core.localization import Locale

LocaleArg = Annotated[
    Locale | None,
    strawberry.argument(
        description="Locale of the texts below this field; default: Accept-Language, then the default."
    ),
]
IdArg = Annotated[strawberry.ID | None, strawberry.argument(description="Global ID.")]
SlugArg = Annotated[str | None, strawberry.argument(description="Slug, e.g. `lulea`.")]


def primary_key(global_id: strawberry.ID | None, slug: str | None, type_name: str) -> int | None:
    """The row id an `(id | slug)` lookup asks for, or None to look up by slug.

    Raises UserInputError unless exactly one of them is given or when the ID is malformed; an ID of
    another type gives 0, which matches no row, so the field resolves to null.
    """
    if (global_id is None) == (slug is None):
        raise UserInputError("Give exactly one of `id` and `slug`.", argument="id")
    if global_id is None:
        return None
    found_type, pk = decode_global_id(global_id)
    return pk if found_type == type_name else 0


PreviewArg = Annotated[
    bool,
    strawberry.argument(
        description="Read drafts and pending edits too (the whole request); needs a preview-capable token."
    ),
]

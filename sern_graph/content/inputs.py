"""Input types and conversions every content type's mutations share."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types.unset import UnsetType

from sern_graph.core.errors import UserInputError
from sern_graph.core.ids import decode_global_id


@strawberry.input(description="A text in each locale; a locale left out keeps its text, null clears it.")
class LocalizedTextInput:
    sv: str | None = strawberry.field(default=strawberry.UNSET, description="Swedish.")
    it: str | None = strawberry.field(default=strawberry.UNSET, description="Italian.")
    en: str | None = strawberry.field(default=strawberry.UNSET, description="English.")

    def columns(self, prefix: str) -> dict[str, str | None]:
        return {
            f"{prefix}_{locale}": (value.strip() or None) if isinstance(value, str) else None
            for locale in ("sv", "it", "en")
            if not isinstance(value := getattr(self, locale), UnsetType)
        }


@strawberry.input(description="A position (WGS 84).")
class GeoPointInput:
    latitude: float = strawberry.field(description="Latitude in degrees, -90 to 90.")
    longitude: float = strawberry.field(description="Longitude in degrees, -180 to 180.")


def given(value: Any) -> bool:
    """Whether an optional input field was sent (null counts: it clears the field)."""
    return not isinstance(value, UnsetType)


def clean(value: str | None) -> str | None:
    """Trims text; an empty text is no text."""
    return (value.strip() or None) if isinstance(value, str) else value


def object_id(global_id: strawberry.ID | None, type_name: str) -> int | None:
    """The primary key of a global ID of `type_name`; 0 (matches nothing) for any other ID."""
    if global_id is None:
        return None
    try:
        found_type, pk = decode_global_id(global_id)
    except UserInputError:
        return 0
    return pk if found_type == type_name else 0


@strawberry.input(description="Which entry a workflow action (publish, unpublish, archive) applies to.")
class ContentActionInput:
    id: strawberry.ID = strawberry.field(description="The entry.")
    version: int | None = strawberry.field(
        default=None, description="The version the action is based on; when given, a stale one is a CONFLICT."
    )

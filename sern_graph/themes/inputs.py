"""Mutation inputs for themes, and their conversion to the service's column values."""

from __future__ import annotations

from typing import Any

import strawberry

from sern_graph.content.inputs import LocalizedTextInput, given_localized, given_texts


@strawberry.input(description="A new theme; it starts as a draft.")
class CreateThemeInput:
    slug: str = strawberry.field(description="URL key, e.g. `education`: lowercase letters, digits, dashes.")
    name: LocalizedTextInput = strawberry.field(description="Name; required in at least one locale.")
    description: LocalizedTextInput | None = strawberry.field(default=None, description="Description.")
    note: str | None = strawberry.field(default=None, description="Editor's remark on certainty.")


@strawberry.input(description="Changes to a theme; fields left out keep their values.")
class UpdateThemeInput:
    id: strawberry.ID = strawberry.field(description="The theme.")
    version: int = strawberry.field(description="The version the change is based on.")
    slug: str | None = strawberry.field(default=strawberry.UNSET, description="URL key.")
    name: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Name; locales left out keep their text."
    )
    description: LocalizedTextInput | None = strawberry.field(
        default=strawberry.UNSET, description="Description; locales left out keep their text."
    )
    note: str | None = strawberry.field(default=strawberry.UNSET, description="Editor's remark.")


def to_columns(data: CreateThemeInput | UpdateThemeInput) -> dict[str, Any]:
    """The column values the input sets."""
    return {**given_texts(data, "slug", "note"), **given_localized(data, "name", "description")}

"""Exposes a model's StrEnum as a GraphQL enum, with a description on every value."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition

E = TypeVar("E", bound=type[StrEnum])


def graphql_enum(enum: E, *, name: str, description: str, values: dict[str, str]) -> E:
    """Registers `enum` with strawberry; `values` maps each member's value to its description."""
    missing = {member.value for member in enum} ^ set(values)
    if missing:
        raise ValueError(f"{name}: descriptions do not match the values {sorted(missing)}")
    registered = strawberry.enum(enum, name=name, description=description)
    definition: StrawberryEnumDefinition = registered.__strawberry_definition__  # type: ignore[attr-defined]
    for value in definition.values:
        value.description = values[value.value]
    return registered

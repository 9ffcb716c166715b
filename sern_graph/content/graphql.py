"""GraphQL types of the write side shared by every content type."""

from __future__ import annotations

from typing import Annotated

import strawberry

from sern_graph.core.validation import FieldError


@strawberry.type(description="A problem with a mutation's input; nothing was written.")
class UserError:
    field: list[str] = strawberry.field(description='Path of the input field, e.g. ["input", "slug"].')
    message: str = strawberry.field(description="What is wrong, for people.")
    code: str = strawberry.field(description="What is wrong, for programs: a stable code such as TAKEN.")

    @classmethod
    def of(cls, error: FieldError) -> UserError:
        return cls(field=error.field.split("."), message=error.message, code=error.code)


VersionArg = Annotated[
    int | None,
    strawberry.argument(description="The version the change is based on; a stale one is a CONFLICT."),
]

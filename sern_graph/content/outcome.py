"""Runs a content-service call for a mutation: the entry, or the user errors that explain why not."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from sern_graph.content.graphql import UserError
from sern_graph.content.service import Conflict, NotFound
from sern_graph.core.validation import FieldError, ValidationFailed

T = TypeVar("T")


async def outcome(write: Awaitable[T]) -> tuple[T | None, list[UserError]]:
    """Expected failures become user errors; permission errors and bugs propagate."""
    try:
        return await write, []
    except ValidationFailed as failure:
        return None, [UserError.of(error) for error in failure.errors]
    except Conflict as conflict:
        message = (
            f"Someone saved this entry meanwhile: it is at version {conflict.current_version}. "
            "Reload it, reapply your change and save again."
        )
        return None, [UserError.of(FieldError("input.version", "CONFLICT", message))]
    except NotFound as missing:
        return None, [UserError.of(FieldError("input.id", "NOT_FOUND", str(missing)))]

"""Errors the API reports to callers on purpose, each with a stable `extensions.code`."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError


class UserInputError(GraphQLError):
    """A request the caller can fix: bad ID, unknown locale, page size out of range, ..."""

    def __init__(self, message: str, *, argument: str | None = None, code: str = "BAD_USER_INPUT") -> None:
        extensions: dict[str, Any] = {"code": code}
        if argument is not None:
            extensions["argument"] = argument
        super().__init__(message, extensions=extensions)


class Unauthenticated(GraphQLError):
    """The operation needs credentials and the request has none."""

    def __init__(self, message: str = "Sign in with an API token (Authorization: Bearer <token>).") -> None:
        super().__init__(message, extensions={"code": "UNAUTHENTICATED"})


class Forbidden(GraphQLError):
    """The caller is known but their role does not allow the operation."""

    def __init__(self, message: str) -> None:
        super().__init__(message, extensions={"code": "FORBIDDEN"})

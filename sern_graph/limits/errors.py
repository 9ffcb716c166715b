"""The errors a refused request gets: one code per limit, with the limit and what was asked."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError, Node


class LimitExceeded(GraphQLError):
    """A request over one of the configured limits; `extensions` say which, the limit and the value."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        limit: int | float,
        value: int | float | None = None,
        nodes: Node | list[Node] | None = None,
    ) -> None:
        extensions: dict[str, Any] = {"code": code, "limit": limit}
        if value is not None:
            extensions["value"] = value
        super().__init__(message, nodes, extensions=extensions)

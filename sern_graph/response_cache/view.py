"""The view side: strawberry's ASGI view consulting the response cache around `execute_single`,
so a hit skips parsing, validation and execution."""

from __future__ import annotations

from contextvars import ContextVar
from typing import Generic, TypeVar

from cross_web import AsyncHTTPRequestAdapter
from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from sern_graph.response_cache.cache import ResponseCache

ContextT = TypeVar("ContextT")
RootValueT = TypeVar("RootValueT")

# The cache of the view serving the current request, for the `responseCache` statistics field.
current_cache: ContextVar[ResponseCache | None] = ContextVar("sern_response_cache", default=None)


class ResponseCachingGraphQL(GraphQL[ContextT, RootValueT], Generic[ContextT, RootValueT]):
    """Placed after the views that check a request (persisted queries) in the bases, so their
    refusals come first; a view without `response_cache` runs every request uncached."""

    response_cache: ResponseCache | None = None

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: ContextT,
        root_value: RootValueT | None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        execute = super().execute_single

        async def run() -> ExecutionResult:
            return await execute(request, request_adapter, sub_response, context, root_value, request_data)

        cache = self.response_cache
        token = current_cache.set(cache)
        try:
            if cache is None:
                return await run()
            return await cache.respond(request_data, context, sub_response, run)
        finally:
            current_cache.reset(token)


__all__ = ["ResponseCachingGraphQL", "current_cache"]

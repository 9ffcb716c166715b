"""GraphQL operation metrics: the view times each operation it answers, from the store or executed;
`OperationRecorder` tells it the operation's name and type once strawberry has parsed the document.
A response-cache hit runs no extension: its name comes from the cache's parsed document, and only
queries are cached."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Generic, TypeVar

from cross_web import AsyncHTTPRequestAdapter
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from sern_graph.observability.labels import name_label
from sern_graph.observability.metrics import Metrics
from sern_graph.observability.request_record import current_record
from sern_graph.response_cache.cache import HEADER as CACHE_HEADER
from sern_graph.response_cache.view import ResponseCachingGraphQL

ContextT = TypeVar("ContextT")
RootValueT = TypeVar("RootValueT")


@dataclass
class _Operation:
    # Set by OperationRecorder: the request reached the schema.
    reached: bool = False
    name: str | None = None
    type: str = "unknown"


_current: ContextVar[_Operation | None] = ContextVar("sern_observed_operation", default=None)


class OperationRecorder(SchemaExtension):
    """Notes the operation's name (given, or the document's only one) and type for the view."""

    def on_operation(self) -> Iterator[None]:
        yield
        seen = _current.get()
        if seen is None:
            return
        context = self.execution_context
        seen.reached = True
        seen.name = context.operation_name
        if context.graphql_document is not None:
            try:
                seen.type = context.operation_type.value
            except RuntimeError:  # no operation of that name in the document
                seen.type = "unknown"


class ObservedGraphQL(ResponseCachingGraphQL[ContextT, RootValueT], Generic[ContextT, RootValueT]):
    """Counts and times the operations it answers, and the error codes of every result it returns
    (refusals before execution, such as an unknown persisted query, count as errors only)."""

    metrics: Metrics | None = None

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: ContextT,
        root_value: RootValueT | None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        seen = _Operation()
        token = _current.set(seen)
        started = time.perf_counter()
        try:
            result = await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        finally:
            _current.reset(token)
        metrics = self.metrics
        if metrics is None:
            return result
        seconds = time.perf_counter() - started
        codes = [(error.extensions or {}).get("code") for error in result.errors or ()]
        if not seen.reached and sub_response.headers.get(CACHE_HEADER) == "hit":
            seen = _Operation(reached=True, name=self._hit_name(request_data), type="query")
        if not seen.reached:
            metrics.observe_errors(codes)
            return result
        metrics.observe_operation(seen.name, seen.type, seconds, codes)
        record = current_record()
        if record is not None:
            record.operations.append(name_label(seen.name))
        return result

    def _hit_name(self, request_data: GraphQLRequestData) -> str | None:
        if request_data.operation_name is not None or request_data.query is None:
            return request_data.operation_name
        document = self.response_cache.documents.get(request_data.query) if self.response_cache else None
        if document is None or len(document.operations) != 1:
            return None
        return next(iter(document.operations))

"""Strawberry's ASGI view speaking APQ, `documentId` and trusted documents over GET and POST."""

from __future__ import annotations

import dataclasses
from typing import Any, Generic, TypeVar

from cross_web import AsyncHTTPRequestAdapter, StarletteRequestAdapter
from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from sern_graph.accounts.actor import ANONYMOUS, Actor
from sern_graph.persisted.apq import PersistedQueryError, resolve_persisted_query
from sern_graph.persisted.document_id import read_document_ids, with_document_id
from sern_graph.persisted.policy import trusted_documents_required
from sern_graph.persisted.store import LRUStore, PersistedQueryStore
from sern_graph.persisted.trusted import TrustedDocuments
from sern_graph.persisted.trusted_only import resolve_trusted_document
from sern_graph.settings import TrustedDocumentsMode


@dataclasses.dataclass
class _RefusedRequest(GraphQLRequestData):
    """Request data whose persisted query was refused; answered without executing anything."""

    error: PersistedQueryError | None = None


class CallerRequestAdapter(StarletteRequestAdapter):
    """Starlette's request adapter, with the caller the authentication middleware found."""

    def __init__(self, request: Request) -> None:
        super().__init__(request)
        user = request.scope.get("user")
        self.actor = user if isinstance(user, Actor) else ANONYMOUS


ContextT = TypeVar("ContextT")
RootValueT = TypeVar("RootValueT")


class PersistedQueryGraphQL(GraphQL[ContextT, RootValueT], Generic[ContextT, RootValueT]):
    """Strawberry's ASGI view speaking APQ, `documentId` and trusted documents.

    `parse_http_body` resolves the persisted or registered document into `query` (or refuses the
    request), before strawberry checks the operation type against the HTTP method. A refusal is
    carried to `execute_single`, which answers it as a GraphQL error through the usual
    `process_result`/`create_response`, with its status.
    """

    request_adapter_class = CallerRequestAdapter
    persisted_queries: PersistedQueryStore

    def __init__(
        self,
        *args: Any,
        persisted_queries: PersistedQueryStore | None = None,
        trusted_documents: TrustedDocumentsMode = "off",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.persisted_queries = persisted_queries if persisted_queries is not None else LRUStore()
        self.trusted_documents_mode: TrustedDocumentsMode = trusted_documents
        self.trusted_documents = TrustedDocuments()

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        request_data = await super().parse_http_body(request)
        # Another adapter carries no caller: treat it as anonymous, the most restricted.
        actor = request.actor if isinstance(request, CallerRequestAdapter) else ANONYMOUS
        trusted_only = trusted_documents_required(actor, self.trusted_documents_mode)
        document_ids = await read_document_ids(request, self.parse_json)
        if isinstance(request_data, list):
            document_ids += [None] * (len(request_data) - len(document_ids))
            return [
                await self._resolve(item, document_id, trusted_only)
                for item, document_id in zip(request_data, document_ids, strict=False)
            ]
        return await self._resolve(request_data, document_ids[0] if document_ids else None, trusted_only)

    async def _resolve(
        self, request_data: GraphQLRequestData, document_id: object, trusted_only: bool
    ) -> GraphQLRequestData:
        try:
            if document_id is not None:
                request_data = with_document_id(request_data, document_id)
            if trusted_only:
                return await resolve_trusted_document(self.trusted_documents, request_data)
            return await resolve_persisted_query(self.persisted_queries, request_data, self.trusted_documents)
        except PersistedQueryError as error:
            # Without its document, nothing downstream can run the refused request by mistake.
            fields = {
                field.name: getattr(request_data, field.name) for field in dataclasses.fields(request_data)
            }
            return _RefusedRequest(**{**fields, "query": None}, error=error)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: ContextT,
        root_value: RootValueT | None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        if isinstance(request_data, _RefusedRequest) and request_data.error is not None:
            sub_response.status_code = request_data.error.status_code
            # A refusal must not be cached: the hash may be registered a moment later.
            sub_response.headers["Cache-Control"] = "no-store"
            return request_data.error.as_result()
        return await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )

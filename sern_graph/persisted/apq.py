"""The APQ protocol (https://github.com/apollographql/apollo-link-persisted-queries#protocol).

A request may carry `extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}`:

- without `query`: the stored document runs; an unknown hash is PERSISTED_QUERY_NOT_FOUND
  (HTTP 200, so the client sends the document along with the hash);
- with `query`: the hash must be the SHA-256 of the document (else PERSISTED_QUERY_HASH_MISMATCH,
  HTTP 400); a document that parses is stored, then it runs.

The HTTP method still decides what may run: a mutation found by its hash is refused over GET.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from typing import Any, Generic, TypeVar

from cross_web import AsyncHTTPRequestAdapter
from graphql import GraphQLError, parse
from starlette.requests import Request
from starlette.responses import Response
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from sern_graph.persisted.store import LRUStore, PersistedQueryStore

# Longest document (UTF-8 bytes) accepted for storing, so the store cannot be used to fill memory.
MAX_DOCUMENT_BYTES = 100_000

SUPPORTED_VERSION = 1

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class PersistedQueryError(Exception):
    """A request the protocol refuses, answered as a GraphQL error with `extensions.code`."""

    def __init__(self, message: str, code: str, status_code: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status_code = status_code

    def as_result(self) -> ExecutionResult:
        return ExecutionResult(data=None, errors=[GraphQLError(self.message, extensions={"code": self.code})])


def not_found() -> PersistedQueryError:
    # Apollo's clients look for this message (or the code) to resend with the document.
    return PersistedQueryError("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND", 200)


def sha256_hex(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def _parses(document: str) -> bool:
    try:
        parse(document, no_location=True)
    except GraphQLError:
        return False
    return True


async def resolve_persisted_query(
    store: PersistedQueryStore, request_data: GraphQLRequestData
) -> GraphQLRequestData:
    """The request with its document, looked up or stored; unchanged without `persistedQuery`.
    Raises PersistedQueryError for what the protocol refuses."""
    extensions = request_data.extensions or {}
    persisted: Any = extensions.get("persistedQuery")
    if persisted is None:
        return request_data
    if not isinstance(persisted, dict):
        raise PersistedQueryError("extensions.persistedQuery must be an object", "BAD_REQUEST", 400)
    if persisted.get("version") != SUPPORTED_VERSION:
        raise PersistedQueryError(
            f"PersistedQueryNotSupported: only version {SUPPORTED_VERSION} is supported",
            "PERSISTED_QUERY_NOT_SUPPORTED",
            400,
        )
    sha256_hash = persisted.get("sha256Hash")
    if not isinstance(sha256_hash, str) or not _SHA256_HEX.fullmatch(sha256_hash.lower()):
        raise PersistedQueryError(
            "extensions.persistedQuery.sha256Hash must be a hex SHA-256 hash", "BAD_REQUEST", 400
        )
    sha256_hash = sha256_hash.lower()

    query = request_data.query
    if query is None:
        document = await store.get(sha256_hash)
        if document is None:
            raise not_found()
        return dataclasses.replace(request_data, query=document)

    if len(query.encode()) > MAX_DOCUMENT_BYTES:
        raise PersistedQueryError(
            f"persisted documents are limited to {MAX_DOCUMENT_BYTES} bytes",
            "PERSISTED_QUERY_TOO_LARGE",
            400,
        )
    if sha256_hex(query) != sha256_hash:
        raise PersistedQueryError("provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH", 400)
    if _parses(query):
        await store.set(sha256_hash, query)
    return request_data


@dataclasses.dataclass
class _RefusedRequest(GraphQLRequestData):
    """Request data whose persisted query was refused; answered without executing anything."""

    error: PersistedQueryError | None = None


ContextT = TypeVar("ContextT")
RootValueT = TypeVar("RootValueT")


class PersistedQueryGraphQL(GraphQL[ContextT, RootValueT], Generic[ContextT, RootValueT]):
    """Strawberry's ASGI view speaking APQ over GET and POST.

    `parse_http_body` resolves the persisted document into `query`, before strawberry checks the
    operation type against the HTTP method. A refusal is carried to `execute_single`, which answers
    it as a GraphQL error through the usual `process_result`/`create_response`, with its status.
    """

    persisted_queries: PersistedQueryStore

    def __init__(
        self, *args: Any, persisted_queries: PersistedQueryStore | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.persisted_queries = persisted_queries if persisted_queries is not None else LRUStore()

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        request_data = await super().parse_http_body(request)
        if isinstance(request_data, list):
            return [await self._resolve(item) for item in request_data]
        return await self._resolve(request_data)

    async def _resolve(self, request_data: GraphQLRequestData) -> GraphQLRequestData:
        try:
            return await resolve_persisted_query(self.persisted_queries, request_data)
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

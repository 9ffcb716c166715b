"""The APQ protocol (https://github.com/apollographql/apollo-link-persisted-queries#protocol).

A request may carry `extensions.persistedQuery = {"version": 1, "sha256Hash": "<hex>"}`:

- without `query`: the stored (or registered, trusted) document runs; an unknown hash is
  PERSISTED_QUERY_NOT_FOUND (HTTP 200, so the client sends the document along with the hash);
- with `query`: the hash must be the SHA-256 of the document (else PERSISTED_QUERY_HASH_MISMATCH,
  HTTP 400); a document that parses is stored, then it runs.

The HTTP method still decides what may run: a mutation found by its hash is refused over GET.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from graphql import GraphQLError, parse
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from sern_graph.persisted.hashes import is_sha256_hex, sha256_hex
from sern_graph.persisted.store import PersistedQueryStore
from sern_graph.persisted.trusted import TrustedDocuments

# Longest document (UTF-8 bytes) accepted for storing, so the store cannot be used to fill memory.
MAX_DOCUMENT_BYTES = 100_000

SUPPORTED_VERSION = 1


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


def _parses(document: str) -> bool:
    try:
        parse(document, no_location=True)
    except GraphQLError:
        return False
    return True


def requested_hash(request_data: GraphQLRequestData) -> str | None:
    """`extensions.persistedQuery.sha256Hash` in lowercase; None without `persistedQuery`. Raises
    PersistedQueryError when it is malformed or of another version."""
    extensions = request_data.extensions or {}
    persisted: Any = extensions.get("persistedQuery")
    if persisted is None:
        return None
    if not isinstance(persisted, dict):
        raise PersistedQueryError("extensions.persistedQuery must be an object", "BAD_REQUEST", 400)
    if persisted.get("version") != SUPPORTED_VERSION:
        raise PersistedQueryError(
            f"PersistedQueryNotSupported: only version {SUPPORTED_VERSION} is supported",
            "PERSISTED_QUERY_NOT_SUPPORTED",
            400,
        )
    sha256_hash = persisted.get("sha256Hash")
    if not isinstance(sha256_hash, str) or not is_sha256_hex(sha256_hash.lower()):
        raise PersistedQueryError(
            "extensions.persistedQuery.sha256Hash must be a hex SHA-256 hash", "BAD_REQUEST", 400
        )
    return sha256_hash.lower()


def hash_mismatch() -> PersistedQueryError:
    return PersistedQueryError("provided sha does not match query", "PERSISTED_QUERY_HASH_MISMATCH", 400)


async def resolve_persisted_query(
    store: PersistedQueryStore, request_data: GraphQLRequestData, trusted: TrustedDocuments | None = None
) -> GraphQLRequestData:
    """The request with its document, looked up (in `store`, then among the `trusted` documents)
    or stored; unchanged without `persistedQuery`. Raises PersistedQueryError for what the protocol
    refuses."""
    sha256_hash = requested_hash(request_data)
    if sha256_hash is None:
        return request_data

    query = request_data.query
    if query is None:
        document = await store.get(sha256_hash)
        if document is None and trusted is not None:
            document = await trusted.get(sha256_hash)
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
        raise hash_mismatch()
    if _parses(query):
        await store.set(sha256_hash, query)
    return request_data

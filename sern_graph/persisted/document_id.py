"""`documentId` (GraphQL over HTTP's persisted documents draft) as another way to send a hash:
`"sha256:<hex>"` or bare hex, on GET as a URL parameter or in a POST's JSON body."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from cross_web import AsyncHTTPRequestAdapter
from strawberry.http import GraphQLRequestData

from sern_graph.persisted.apq import SUPPORTED_VERSION, PersistedQueryError
from sern_graph.persisted.hashes import is_sha256_hex

DOCUMENT_ID = "documentId"


def bad_request(message: str) -> PersistedQueryError:
    return PersistedQueryError(message, "BAD_REQUEST", 400)


def document_id_hash(document_id: object) -> str:
    """The lowercase hex hash a `documentId` names. Raises PersistedQueryError otherwise."""
    if isinstance(document_id, str):
        prefix, _, digest = document_id.rpartition(":")
        digest = digest.lower()
        if prefix in {"", "sha256"} and is_sha256_hex(digest):
            return digest
    raise bad_request('documentId must be "sha256:<64 hex digits>" or 64 hex digits')


def with_document_id(request_data: GraphQLRequestData, document_id: object) -> GraphQLRequestData:
    """The request with its `documentId` as the APQ hash extension, so one path resolves both.
    Raises PersistedQueryError for a malformed id, or one sent with `query` or `persistedQuery`."""
    sha256_hash = document_id_hash(document_id)
    extensions = request_data.extensions or {}
    if request_data.query is not None or "persistedQuery" in extensions:
        raise bad_request("Send documentId alone: not with query or extensions.persistedQuery")
    persisted = {"version": SUPPORTED_VERSION, "sha256Hash": sha256_hash}
    return dataclasses.replace(request_data, extensions={**extensions, "persistedQuery": persisted})


async def read_document_ids(
    request: AsyncHTTPRequestAdapter, parse_json: Callable[[str | bytes], Any]
) -> list[object]:
    """The `documentId` of each operation in the request, in order (None where there is none);
    empty when the request has none. Strawberry's own parsing drops the parameter."""
    if request.method == "GET":
        return [request.query_params.get(DOCUMENT_ID)]
    if "json" not in (request.content_type or ""):
        return []
    body = await request.get_body()
    # Most requests have no documentId: they are not decoded a second time.
    if DOCUMENT_ID.encode() not in body:
        return []
    data = parse_json(body)
    operations = data if isinstance(data, list) else [data]
    return [operation.get(DOCUMENT_ID) if isinstance(operation, dict) else None for operation in operations]

"""Trusted documents only: for a caller bound to them, a request runs a registered document or
nothing (TRUSTED_DOCUMENT_REQUIRED, HTTP 400).

A registered document may be named by its hash (`extensions.persistedQuery` without `query`, or
`documentId`) or sent in full: its text's hash is what is registered. Nothing is learned: an APQ
registration of an unregistered document is refused like any other unregistered text.
"""

from __future__ import annotations

import dataclasses

from strawberry.http import GraphQLRequestData

from sern_graph.persisted.apq import PersistedQueryError, hash_mismatch, requested_hash
from sern_graph.persisted.hashes import sha256_hex
from sern_graph.persisted.trusted import TrustedDocuments

TRUSTED_DOCUMENT_REQUIRED = "TRUSTED_DOCUMENT_REQUIRED"


def trusted_document_required(message: str) -> PersistedQueryError:
    return PersistedQueryError(message, TRUSTED_DOCUMENT_REQUIRED, 400)


async def resolve_trusted_document(
    trusted: TrustedDocuments, request_data: GraphQLRequestData
) -> GraphQLRequestData:
    """The request with its registered document; unchanged when it names no document at all.
    Raises PersistedQueryError: TRUSTED_DOCUMENT_REQUIRED for an unknown hash or an unregistered
    text, or the APQ protocol's errors for a malformed hash."""
    sha256_hash = requested_hash(request_data)
    query = request_data.query
    if query is None:
        if sha256_hash is None:
            return request_data
        document = await trusted.get(sha256_hash)
        if document is None:
            raise trusted_document_required(
                "No registered document has this hash, and only registered (trusted) documents may run."
            )
        return dataclasses.replace(request_data, query=document)

    text_hash = sha256_hex(query)
    if sha256_hash is not None and sha256_hash != text_hash:
        raise hash_mismatch()
    if await trusted.get(text_hash) is None:
        raise trusted_document_required(
            "Only registered (trusted) documents may run: send the hash of a registered document."
        )
    return request_data

"""Automatic persisted queries (Apollo's APQ protocol): clients send a document's SHA-256 hash
instead of the document once the server has seen it."""

from __future__ import annotations

from sern_graph.persisted.apq import (
    MAX_DOCUMENT_BYTES,
    PersistedQueryError,
    PersistedQueryGraphQL,
    resolve_persisted_query,
)
from sern_graph.persisted.store import MAX_DOCUMENTS, LRUStore, PersistedQueryStore

__all__ = [
    "MAX_DOCUMENTS",
    "MAX_DOCUMENT_BYTES",
    "LRUStore",
    "PersistedQueryError",
    "PersistedQueryGraphQL",
    "PersistedQueryStore",
    "resolve_persisted_query",
]

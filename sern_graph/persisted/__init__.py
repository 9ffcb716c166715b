"""Persisted queries: Apollo's automatic persisted queries (clients send a document's SHA-256
hash instead of the document once the server has seen it), and trusted documents (documents
registered ahead of time; some callers may run only those)."""

from __future__ import annotations

from sern_graph.persisted.apq import MAX_DOCUMENT_BYTES, PersistedQueryError, resolve_persisted_query
from sern_graph.persisted.store import MAX_DOCUMENTS, LRUStore, PersistedQueryStore
from sern_graph.persisted.trusted import TrustedDocuments
from sern_graph.persisted.view import PersistedQueryGraphQL

__all__ = [
    "MAX_DOCUMENTS",
    "MAX_DOCUMENT_BYTES",
    "LRUStore",
    "PersistedQueryError",
    "PersistedQueryGraphQL",
    "PersistedQueryStore",
    "TrustedDocuments",
    "resolve_persisted_query",
]

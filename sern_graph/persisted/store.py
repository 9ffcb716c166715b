"""Where persisted documents live: a bounded in-process LRU now; anything with `get`/`set` later
(Redis, say, to share them between processes)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Protocol

# Most documents the in-process store keeps; the least recently used goes first.
MAX_DOCUMENTS = 10_000


class PersistedQueryStore(Protocol):
    """Documents by the hex SHA-256 of their text. A store may forget any of them at any time:
    the client then gets PERSISTED_QUERY_NOT_FOUND and sends the document again."""

    async def get(self, sha256_hash: str) -> str | None: ...

    async def set(self, sha256_hash: str, document: str) -> None: ...


class LRUStore:
    """At most `maxsize` documents in this process, least recently used evicted first. No awaits
    inside its methods, so they are atomic on the event loop."""

    def __init__(self, maxsize: int = MAX_DOCUMENTS) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self._documents: OrderedDict[str, str] = OrderedDict()

    def __len__(self) -> int:
        return len(self._documents)

    async def get(self, sha256_hash: str) -> str | None:
        document = self._documents.get(sha256_hash)
        if document is not None:
            self._documents.move_to_end(sha256_hash)
        return document

    async def set(self, sha256_hash: str, document: str) -> None:
        self._documents[sha256_hash] = document
        self._documents.move_to_end(sha256_hash)
        while len(self._documents) > self.maxsize:
            self._documents.popitem(last=False)

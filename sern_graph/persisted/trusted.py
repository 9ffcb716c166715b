"""Looking up trusted documents by hash: the database, with the hits kept in a bounded LRU."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from sern_graph.persisted.models import TrustedDocument

# Most documents kept in memory per process; a frontend registers tens to hundreds.
MAX_CACHED_DOCUMENTS = 1_000
# Seconds a looked-up document is served from memory: how long a process may go on running a
# document after `unregister-document` (run in another process) removed it.
CACHE_SECONDS = 60.0


class TrustedDocuments:
    """Registered documents by hash. Only hits are cached, so a document registered a moment ago
    is found at once; a miss asks the database every time. No awaits between reading and writing
    the cache, so each step is atomic on the event loop."""

    def __init__(
        self,
        maxsize: int = MAX_CACHED_DOCUMENTS,
        ttl: float = CACHE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if maxsize < 1:
            raise ValueError("maxsize must be at least 1")
        self.maxsize = maxsize
        self.ttl = ttl
        self._clock = clock
        self._documents: OrderedDict[str, tuple[str, float]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._documents)

    async def get(self, sha256_hash: str) -> str | None:
        """The registered document with this hash, or None."""
        cached = self._documents.get(sha256_hash)
        if cached is not None and cached[1] > self._clock():
            self._documents.move_to_end(sha256_hash)
            return cached[0]
        row = await TrustedDocument.filter(sha256=sha256_hash).only("sha256", "body").first()
        if row is None:
            self._documents.pop(sha256_hash, None)
            return None
        self._documents[sha256_hash] = (row.body, self._clock() + self.ttl)
        self._documents.move_to_end(sha256_hash)
        while len(self._documents) > self.maxsize:
            self._documents.popitem(last=False)
        return row.body

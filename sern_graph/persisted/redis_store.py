"""Persisted documents shared by replicas: a client that registered a document through one replica
can run it by hash through any other (behind a load balancer, the next request rarely hits the same one).

Documents live in Redis under `<prefix>:<sha256>` for `ttl` seconds after their last use, with this
process's LRU in front: a hash names one text forever, so the local copy is never stale and a hit
costs no round trip. When Redis cannot be reached the local LRU serves alone (logged once), and Redis
is tried again after `retry_interval` seconds; the client of a document only another replica knows
gets PERSISTED_QUERY_NOT_FOUND and sends it again, as the protocol intends.
"""

from __future__ import annotations

import logging
import time

from redis.exceptions import RedisError

from sern_graph.persisted.store import LRUStore
from sern_graph.response_cache.redis_store import connect

logger = logging.getLogger(__name__)

# Documents unused for this long are forgotten in Redis (clients send them again when needed).
DEFAULT_TTL_S = 7 * 24 * 3600


class RedisDocumentStore:
    def __init__(
        self,
        url: str,
        prefix: str,
        ttl: int = DEFAULT_TTL_S,
        local: LRUStore | None = None,
        retry_interval: float = 1.0,
    ) -> None:
        self.prefix = prefix
        self.ttl = ttl
        self.local = local if local is not None else LRUStore()
        self.retry_interval = retry_interval
        self.client = connect(url)
        self._down = False
        self._retry_at = 0.0

    @property
    def redis_reachable(self) -> bool:
        """Whether Redis answered the last time this process asked it."""
        return not self._down

    async def get(self, sha256_hash: str) -> str | None:
        document = await self.local.get(sha256_hash)
        if document is not None or not self._may_try():
            return document
        try:
            raw = await self.client.getex(self._key(sha256_hash), ex=self.ttl)
        except (RedisError, OSError) as error:
            self._failed(error)
            return None
        self._reachable()
        if not isinstance(raw, bytes):
            return None
        document = raw.decode()
        await self.local.set(sha256_hash, document)
        return document

    async def set(self, sha256_hash: str, document: str) -> None:
        await self.local.set(sha256_hash, document)
        if not self._may_try():
            return
        try:
            await self.client.set(self._key(sha256_hash), document, ex=self.ttl)
        except (RedisError, OSError) as error:
            self._failed(error)
            return
        self._reachable()

    async def close(self) -> None:
        await self.client.aclose()

    def _key(self, sha256_hash: str) -> str:
        return f"{self.prefix}:{sha256_hash}"

    def _may_try(self) -> bool:
        return not self._down or time.monotonic() >= self._retry_at

    def _failed(self, error: Exception) -> None:
        if not self._down:
            logger.warning("Persisted queries: Redis unreachable (%s); this process's documents only", error)
        self._down = True
        self._retry_at = time.monotonic() + self.retry_interval

    def _reachable(self) -> None:
        if self._down:
            logger.warning("Persisted queries: Redis is reachable again")
            self._down = False

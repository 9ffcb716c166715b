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

from redis.exceptions import RedisError

from sern_graph.persisted.store import LRUStore
from sern_graph.redis_link import RedisHealth, connect

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
        self.client = connect(url)
        self.health = RedisHealth(
            logger, "Persisted queries", "this process's documents only", retry_interval
        )

    @property
    def redis_reachable(self) -> bool:
        """Whether Redis answered the last time this process asked it."""
        return self.health.reachable

    async def get(self, sha256_hash: str) -> str | None:
        document = await self.local.get(sha256_hash)
        if document is not None or not self.health.may_try():
            return document
        try:
            raw = await self.client.getex(self._key(sha256_hash), ex=self.ttl)
        except (RedisError, OSError) as error:
            self.health.failed(error)
            return None
        self.health.answered()
        if not isinstance(raw, bytes):
            return None
        document = raw.decode()
        await self.local.set(sha256_hash, document)
        return document

    async def set(self, sha256_hash: str, document: str) -> None:
        await self.local.set(sha256_hash, document)
        if not self.health.may_try():
            return
        try:
            await self.client.set(self._key(sha256_hash), document, ex=self.ttl)
        except (RedisError, OSError) as error:
            self.health.failed(error)
            return
        self.health.answered()

    async def close(self) -> None:
        await self.client.aclose()

    def _key(self, sha256_hash: str) -> str:
        return f"{self.prefix}:{sha256_hash}"

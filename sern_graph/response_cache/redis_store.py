"""The shared store: cached responses in Redis, so every replica serves and purges the same ones.

Layout under the prefix `p`: `p:e:<key>` an entry (JSON, with a TTL as a safety net), `p:t:<tag>`
the set of entry keys carrying a tag, `p:epoch` the purge counter. Storing (check the epoch, set
the entry, add it to its tags' sets) and purging (advance the epoch, delete the tagged entries
and the sets) are Lua scripts, so each is atomic against the other.

When Redis cannot be reached every call raises StoreUnavailable (the request runs uncached) and
further calls are not tried for `retry_interval` seconds. While Redis was away, purges (this
replica's or another's) may have been lost, leaving entries that may be stale: so a store that saw
Redis fail deletes all entries before it answers from Redis again, and keeps trying to do so in the
background every `retry_interval` seconds, so that a replica which wrote during the outage clears
the stale entries soon after Redis is back even if it gets no request.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any, TypeVar

import orjson
from redis.exceptions import RedisError

from sern_graph.redis_link import RedisHealth, connect
from sern_graph.response_cache.store import Entry, StoreUnavailable

logger = logging.getLogger(__name__)
T = TypeVar("T")

_STORE = """
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[2])
  redis.call('EXPIRE', KEYS[i], ARGV[3])
end
return 1
"""

_PURGE = """
redis.call('INCR', KEYS[1])
local count = 0
for i = 2, #KEYS do
  local members = redis.call('SMEMBERS', KEYS[i])
  for j = 1, #members, 500 do
    count = count + redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', KEYS[i])
end
return count
"""


class RedisStore:
    backend = "redis"

    def __init__(self, url: str, prefix: str, ttl: int, retry_interval: float = 1.0) -> None:
        self.prefix = prefix
        self.ttl = ttl
        self.client = connect(url)
        self._store = self.client.register_script(_STORE)
        self._purge = self.client.register_script(_PURGE)
        self._epoch_key = f"{prefix}:epoch"
        self.health = RedisHealth(logger, "Response cache", "serving uncached", retry_interval)
        self._must_flush = False
        self._recovery: asyncio.Task[None] | None = None

    @property
    def redis_reachable(self) -> bool:
        """Whether Redis answered the last time this process asked it."""
        return self.health.reachable

    def _entry_key(self, key: str) -> str:
        return f"{self.prefix}:e:{key}"

    def _tag_key(self, tag: str) -> str:
        return f"{self.prefix}:t:{tag}"

    async def lookup(self, key: str) -> tuple[Entry | None, int]:
        raw, epoch = await self._call(lambda: self.client.mget([self._entry_key(key), self._epoch_key]))
        if not isinstance(raw, bytes):  # None: no entry (the client never decodes to str)
            return None, int(epoch or 0)
        tags, _, data = raw.partition(b"\n")
        return Entry(data=data, tags=tuple(orjson.loads(tags))), int(epoch or 0)

    async def store(self, key: str, entry: Entry, epoch: int) -> bool:
        # The tags' JSON (orjson writes no newline), a newline, then the data's JSON as it is sent.
        value = orjson.dumps(entry.tags) + b"\n" + entry.data
        keys = [self._epoch_key, self._entry_key(key), *(self._tag_key(tag) for tag in entry.tags)]
        stored = await self._call(
            lambda: self._store(keys=keys, args=[epoch, value, self.ttl], client=self.client)
        )
        return bool(stored)

    async def purge(self, tags: list[str] | None) -> int:
        if tags is None:
            return await self._call(self._delete_all)
        keys = [self._epoch_key, *(self._tag_key(tag) for tag in tags)]
        return int(await self._call(lambda: self._purge(keys=keys, client=self.client)))

    async def entries(self) -> int | None:
        async def count() -> int:
            return sum([1 async for _ in self.client.scan_iter(match=self._entry_key("*"), count=1000)])

        return await self._call(count)

    async def close(self) -> None:
        if self._recovery is not None:
            self._recovery.cancel()
            with suppress(asyncio.CancelledError):
                await self._recovery
        await self.client.aclose()

    async def _delete_all(self) -> int:
        await self.client.incr(self._epoch_key)
        entries = await self._unlink_matching(self._entry_key("*"))
        await self._unlink_matching(self._tag_key("*"))
        return entries

    async def _unlink_matching(self, pattern: str) -> int:
        deleted = 0
        batch: list[Any] = []
        async for key in self.client.scan_iter(match=pattern, count=1000):
            batch.append(key)
            if len(batch) >= 500:
                deleted += await self.client.unlink(*batch)
                batch = []
        if batch:
            deleted += await self.client.unlink(*batch)
        return deleted

    async def _call(self, operation: Callable[[], Awaitable[T]]) -> T:
        if not self.health.may_try():
            raise StoreUnavailable("Redis was unreachable a moment ago")
        try:
            if self._must_flush:
                await self._delete_all()
                self._must_flush = False
            result = await operation()
        except (RedisError, OSError) as error:
            self._failed(error)
            raise StoreUnavailable(str(error)) from error
        self.health.answered()
        return result

    def _failed(self, error: Exception) -> None:
        self.health.failed(error)
        self._must_flush = True
        if self._recovery is None or self._recovery.done():
            self._recovery = asyncio.get_running_loop().create_task(self._recover())

    async def _recover(self) -> None:
        """Deletes the possibly stale entries as soon as Redis answers again."""
        while self._must_flush:
            await asyncio.sleep(max(self.health.retry_interval, 0.05))
            if not self._must_flush:
                return
            try:
                await self._delete_all()
            except (RedisError, OSError):
                continue
            self._must_flush = False
            self.health.answered("; dropped what may be stale")

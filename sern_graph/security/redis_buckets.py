"""Token buckets in Redis, so every replica counts against the same ones.

Each bucket is a hash (`tokens`, `at`) under `<prefix>:<key>`, refilled and taken from in one Lua
script (atomic across replicas) on Redis's own clock, so the replicas' clocks do not matter. It
expires once it would be full again.

When Redis cannot be reached the buckets in this process's memory take over (logged once), and
Redis is tried again after `retry_interval` seconds.
"""

from __future__ import annotations

import logging
import math

from redis.exceptions import RedisError

from sern_graph.redis_link import RedisHealth, connect
from sern_graph.security.buckets import Decision, Rate, decide
from sern_graph.security.memory_buckets import MemoryBuckets

logger = logging.getLogger(__name__)

_TAKE = """
local burst = tonumber(ARGV[1])
local per_second = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * per_second)
local left = tokens
if tokens >= 1 then left = tokens - cost end
redis.call('HSET', KEYS[1], 'tokens', tostring(left), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], ARGV[4])
return tostring(tokens)
"""


class RedisBuckets:
    backend = "redis"

    def __init__(self, url: str, prefix: str, retry_interval: float = 1.0) -> None:
        self.prefix = prefix
        self.client = connect(url)
        self.fallback = MemoryBuckets()
        self._take = self.client.register_script(_TAKE)
        self.health = RedisHealth(logger, "Rate limits", "counting in memory", retry_interval)

    @property
    def redis_reachable(self) -> bool:
        """Whether Redis answered the last time this process asked it."""
        return self.health.reachable

    async def take(self, key: str, rate: Rate, cost: int = 1) -> Decision:
        if not self.health.may_try():
            return await self.fallback.take(key, rate, cost)
        expiry = math.ceil(rate.burst / rate.per_second) + 1
        args = [rate.burst, rate.per_second, cost, expiry]
        try:
            tokens = float(await self._take(keys=[f"{self.prefix}:{key}"], args=args, client=self.client))
        except (RedisError, OSError) as error:
            self.health.failed(error)
            return await self.fallback.take(key, rate, cost)
        self.health.answered()
        return decide(tokens, rate)

    async def close(self) -> None:
        await self.client.aclose()

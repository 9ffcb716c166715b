"""The admin's sign-in state: ended sessions and failed sign-ins, in this process's memory or, with
`SERN_REDIS_URL`, in Redis, so every replica refuses a signed-out cookie and counts the same failures.

In Redis, under the prefix `p`: `p:ended:<session id>` is set for the rest of the session's
lifetime; `p:failures:<key>` is a hash (`count`, `last`) that a Lua script increments on Redis's
own clock and that expires `forget_after` seconds after the last failure.

When Redis cannot be reached the store in this process's memory answers (logged once), and Redis
is tried again after `retry_interval` seconds. A replica cannot know then what the others did:
- ended sessions are always recorded in memory as well, so a replica keeps refusing the sessions
  it ended itself; but it accepts a session ended on another replica while Redis is unreachable.
- failures are counted in memory only while Redis is unreachable, from zero: this fails open, an
  attacker gets a lock-out's worth of attempts per replica (and per outage) until Redis is back.
  Those failures are not copied to Redis afterwards.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from redis.exceptions import RedisError

from sern_graph.redis_link import RedisHealth, connect
from sern_graph.settings import Settings

logger = logging.getLogger(__name__)
T = TypeVar("T")

# Beyond this many keys in memory, the expired ones are dropped.
MAX_KEYS = 10_000

_FAILED = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
for _, key in ipairs(KEYS) do
  redis.call('HINCRBY', key, 'count', 1)
  redis.call('HSET', key, 'last', tostring(now))
  redis.call('EXPIRE', key, ARGV[1])
end
"""

_FAILURES = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local found = {}
for _, key in ipairs(KEYS) do
  local state = redis.call('HMGET', key, 'count', 'last')
  found[#found + 1] = state[1] or '0'
  found[#found + 1] = tostring(now - (tonumber(state[2]) or now))
end
return found
"""


@dataclass(frozen=True)
class Failures:
    count: int
    # Seconds since the last one.
    age: float


NO_FAILURES = Failures(0, 0.0)


class AdminStore(Protocol):
    backend: str

    async def end_session(self, session_id: str, seconds: float) -> None: ...

    async def session_ended(self, session_id: str) -> bool: ...

    async def add_failure(self, keys: Sequence[str], forget_after: float) -> None: ...

    async def failures(self, keys: Sequence[str]) -> list[Failures]: ...

    async def forget_failures(self, key: str) -> None: ...

    async def close(self) -> None: ...


def admin_store(settings: Settings) -> AdminStore:
    if settings.redis_url:
        return RedisAdminStore(settings.redis_url, settings.admin_state_prefix)
    return MemoryAdminStore()


@dataclass
class _Counted:
    count: int
    last: float
    until: float


class MemoryAdminStore:
    """For one replica, and while Redis is unreachable."""

    backend = "memory"

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._ended: dict[str, float] = {}
        self._failures: dict[str, _Counted] = {}

    async def end_session(self, session_id: str, seconds: float) -> None:
        now = self.clock()
        if len(self._ended) >= MAX_KEYS:
            self._ended = {key: until for key, until in self._ended.items() if until > now}
        self._ended[session_id] = now + seconds

    async def session_ended(self, session_id: str) -> bool:
        return self._ended.get(session_id, 0.0) > self.clock()

    async def add_failure(self, keys: Sequence[str], forget_after: float) -> None:
        now = self.clock()
        if len(self._failures) >= MAX_KEYS:
            self._failures = {key: found for key, found in self._failures.items() if found.until > now}
        for key in keys:
            found = self._failures.get(key)
            if found is None or found.until <= now:
                found = self._failures[key] = _Counted(0, now, now)
            found.count += 1
            found.last = now
            found.until = now + forget_after

    async def failures(self, keys: Sequence[str]) -> list[Failures]:
        now = self.clock()
        found = [self._failures.get(key) for key in keys]
        return [
            NO_FAILURES if one is None or one.until <= now else Failures(one.count, now - one.last)
            for one in found
        ]

    async def forget_failures(self, key: str) -> None:
        self._failures.pop(key, None)

    async def close(self) -> None:
        pass


class RedisAdminStore:
    """Shared by the replicas; the memory store answers while Redis is unreachable."""

    backend = "redis"

    def __init__(self, url: str, prefix: str, retry_interval: float = 1.0) -> None:
        self.prefix = prefix
        self.client = connect(url)
        self.memory = MemoryAdminStore()
        self._failed = self.client.register_script(_FAILED)
        self._failures = self.client.register_script(_FAILURES)
        self.health = RedisHealth(logger, "Admin sign-in state", "kept in memory", retry_interval)

    @property
    def redis_reachable(self) -> bool:
        """Whether Redis answered the last time this process asked it."""
        return self.health.reachable

    async def end_session(self, session_id: str, seconds: float) -> None:
        await self.memory.end_session(session_id, seconds)
        key = f"{self.prefix}:ended:{session_id}"
        expiry = max(1, math.ceil(seconds))
        await self._call(lambda: self.client.set(key, 1, ex=expiry), _nothing)

    async def session_ended(self, session_id: str) -> bool:
        if await self.memory.session_ended(session_id):
            return True

        async def in_redis() -> bool:
            return bool(await self.client.exists(f"{self.prefix}:ended:{session_id}"))

        # The memory store said no already.
        return await self._call(in_redis, _no)

    async def add_failure(self, keys: Sequence[str], forget_after: float) -> None:
        redis_keys = [self._failures_key(key) for key in keys]
        args = [max(1, math.ceil(forget_after))]
        await self._call(
            lambda: self._failed(keys=redis_keys, args=args, client=self.client),
            lambda: self.memory.add_failure(keys, forget_after),
        )

    async def failures(self, keys: Sequence[str]) -> list[Failures]:
        async def from_redis() -> list[Failures]:
            found = await self._failures(keys=[self._failures_key(key) for key in keys], client=self.client)
            return [Failures(int(found[i]), float(found[i + 1])) for i in range(0, len(found), 2)]

        return await self._call(from_redis, lambda: self.memory.failures(keys))

    async def forget_failures(self, key: str) -> None:
        await self.memory.forget_failures(key)
        await self._call(lambda: self.client.delete(self._failures_key(key)), _nothing)

    async def close(self) -> None:
        await self.client.aclose()

    def _failures_key(self, key: str) -> str:
        return f"{self.prefix}:failures:{key}"

    async def _call(self, operation: Callable[[], Awaitable[T]], fallback: Callable[[], Awaitable[T]]) -> T:
        if not self.health.may_try():
            return await fallback()
        try:
            result = await operation()
        except (RedisError, OSError) as error:
            self.health.failed(error)
            return await fallback()
        self.health.answered()
        return result


async def _nothing() -> None:
    return None


async def _no() -> bool:
    return False

"""What every part of the app that shares state through Redis needs: a client that fails fast, and
a record of whether Redis answered, so that while it is away the part uses its in-process fallback
without waiting on Redis for every request, says so once, and says when Redis is back."""

from __future__ import annotations

import logging
import time

from redis.asyncio import Redis
from redis.backoff import NoBackoff
from redis.retry import Retry

# A request waits at most this long for Redis before it falls back.
CONNECT_TIMEOUT = 0.5
COMMAND_TIMEOUT = 1.0


def connect(url: str) -> Redis:
    """A client that fails fast: no retries, short timeouts."""
    return Redis.from_url(
        url,
        socket_connect_timeout=CONNECT_TIMEOUT,
        socket_timeout=COMMAND_TIMEOUT,
        retry=Retry(NoBackoff(), 0),
    )


class RedisHealth:
    """Whether Redis answered one part of the app the last time it asked; after a failure, Redis is
    not asked again for `retry_interval` seconds."""

    def __init__(self, logger: logging.Logger, part: str, fallback: str, retry_interval: float = 1.0) -> None:
        self.logger = logger
        self.part = part
        self.fallback = fallback
        self.retry_interval = retry_interval
        self.down = False
        self._retry_at = 0.0

    @property
    def reachable(self) -> bool:
        return not self.down

    def may_try(self) -> bool:
        return not self.down or time.monotonic() >= self._retry_at

    def failed(self, error: Exception) -> None:
        if not self.down:
            self.logger.warning(
                "%s: Redis unreachable (%s); %s until it is back", self.part, error, self.fallback
            )
        self.down = True
        self._retry_at = time.monotonic() + self.retry_interval

    def answered(self, note: str = "") -> None:
        if self.down:
            self.logger.warning("%s: Redis is reachable again%s", self.part, note)
            self.down = False

"""Token buckets: a bucket holds up to `burst` requests and refills at `per_minute`; a request
is let through while at least one is left."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Rate:
    per_minute: int
    burst: int

    @property
    def per_second(self) -> float:
        return self.per_minute / 60


@dataclass(frozen=True)
class Decision:
    allowed: bool
    # Seconds until the next request would be let through; 0 when this one was.
    retry_after: float = 0.0

    @property
    def retry_after_seconds(self) -> int:
        """For the Retry-After header: whole seconds, at least one."""
        return max(1, math.ceil(self.retry_after))


class Buckets(Protocol):
    async def take(self, key: str, rate: Rate, cost: int = 1) -> Decision:
        """Refills the bucket `key`; when one request is left, lets this one through and takes
        `cost` (0: only look)."""
        ...

    async def close(self) -> None: ...


def refilled(tokens: float, elapsed: float, rate: Rate) -> float:
    return min(float(rate.burst), tokens + max(0.0, elapsed) * rate.per_second)


def decide(tokens: float, rate: Rate) -> Decision:
    """The decision for a bucket holding `tokens` after its refill."""
    if tokens >= 1:
        return Decision(allowed=True)
    return Decision(allowed=False, retry_after=(1 - tokens) / rate.per_second)

"""Token buckets in this process's memory: for one replica, and while Redis is unreachable."""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable

from sern_graph.security.buckets import Decision, Rate, decide, refilled

# Beyond this many buckets the least recently used are forgotten (they were full, or nearly).
MAX_BUCKETS = 100_000


class MemoryBuckets:
    backend = "memory"

    def __init__(self, clock: Callable[[], float] = time.monotonic, max_buckets: int = MAX_BUCKETS) -> None:
        self.clock = clock
        self.max_buckets = max_buckets
        # key -> (tokens left, when they were counted)
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    async def take(self, key: str, rate: Rate, cost: int = 1) -> Decision:
        now = self.clock()
        tokens, counted_at = self._buckets.pop(key, (float(rate.burst), now))
        tokens = refilled(tokens, now - counted_at, rate)
        decision = decide(tokens, rate)
        if decision.allowed:
            tokens -= cost
        self._buckets[key] = (tokens, now)
        if len(self._buckets) > self.max_buckets:
            self._buckets.popitem(last=False)
        return decision

    async def close(self) -> None:
        self._buckets.clear()

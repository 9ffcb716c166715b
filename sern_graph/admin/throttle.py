"""Slows down password guessing: after repeated failed sign-ins, a username or a client address
is locked for a while that doubles with every further failure. Kept in this process's memory."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

FREE_FAILURES = 5
FIRST_LOCK_S = 30.0
LONGEST_LOCK_S = 15 * 60.0
# Failures older than this are forgotten.
WINDOW_S = 60 * 60.0
MAX_KEYS = 10_000


@dataclass
class _Failures:
    count: int
    last: float


class SignInThrottle:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._failures: dict[str, _Failures] = {}

    def locked_for(self, *keys: str) -> float:
        """Seconds until every one of `keys` may try again (0: now)."""
        now = self.clock()
        return max([0.0, *(self._lock_end(key) - now for key in keys)])

    def failed(self, *keys: str) -> None:
        now = self.clock()
        if len(self._failures) >= MAX_KEYS:
            self._forget_old(now)
        for key in keys:
            failures = self._failures.get(key)
            if failures is None or now - failures.last > WINDOW_S:
                failures = self._failures[key] = _Failures(0, now)
            failures.count += 1
            failures.last = now

    def succeeded(self, key: str) -> None:
        self._failures.pop(key, None)

    def _lock_end(self, key: str) -> float:
        failures = self._failures.get(key)
        if failures is None or failures.count < FREE_FAILURES:
            return 0.0
        lock = min(FIRST_LOCK_S * float(2 ** (failures.count - FREE_FAILURES)), LONGEST_LOCK_S)
        return failures.last + lock

    def _forget_old(self, now: float) -> None:
        self._failures = {
            key: failures for key, failures in self._failures.items() if now - failures.last <= WINDOW_S
        }

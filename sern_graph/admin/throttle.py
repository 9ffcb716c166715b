"""Slows down password guessing: after repeated failed sign-ins, a username or a client address
is locked for a while that doubles with every further failure. The failures are counted in the
admin store (shared_state.py): in Redis shared by the replicas when it is set and reachable,
otherwise in this process's memory."""

from __future__ import annotations

from sern_graph.admin.shared_state import AdminStore

FREE_FAILURES = 5
FIRST_LOCK_S = 30.0
LONGEST_LOCK_S = 15 * 60.0
# Failures older than this are forgotten (counted from the last one).
WINDOW_S = 60 * 60.0


class SignInThrottle:
    def __init__(self, store: AdminStore) -> None:
        self.store = store

    async def locked_for(self, *keys: str) -> float:
        """Seconds until every one of `keys` may try again (0: now)."""
        found = await self.store.failures(keys)
        return max([0.0, *(lock_s(failures.count) - failures.age for failures in found)])

    async def failed(self, *keys: str) -> None:
        await self.store.add_failure(keys, WINDOW_S)

    async def succeeded(self, key: str) -> None:
        await self.store.forget_failures(key)


def lock_s(failures: int) -> float:
    """How long `failures` failures in a row lock a key, counted from the last one."""
    if failures < FREE_FAILURES:
        return 0.0
    return min(FIRST_LOCK_S * float(2 ** min(failures - FREE_FAILURES, 32)), LONGEST_LOCK_S)

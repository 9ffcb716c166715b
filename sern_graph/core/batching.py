"""Breadth-first batch loading: a request's loaders run only when every resolver waits on one.

A plain DataLoader dispatches on the next event-loop tick, so how loads group into batches
depends on how fast earlier queries happened to return, and with it the number of SQL
statements. Here a per-request `RequestBatcher` counts the resolvers in progress and those
waiting on a loader; pending batches run together once the two counts agree and have stayed
so for a few ticks. The statements a query sends then follow its shape, not its data.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Sequence
from typing import Any, Generic, TypeVar

from strawberry.extensions import SchemaExtension

K = TypeVar("K")
V = TypeVar("V")

# Ticks the counters must stay unchanged before pending batches run: the graphql-core steps
# between a value resolving and its child resolvers starting take a few ticks each.
SETTLE_TICKS = 8


class RequestBatcher:
    """Counts one request's resolvers in progress and waiting; runs pending loaders when settled."""

    def __init__(self) -> None:
        self.active = 0
        self.waiting = 0
        self.pending: dict[int, BatchLoader[Any, Any]] = {}
        self.dispatching = False
        self._flush: asyncio.Task[None] | None = None

    def wake(self) -> None:
        if self.pending and self._flush is None and not self.dispatching:
            self._flush = asyncio.get_running_loop().create_task(self._flush_when_settled())

    async def _flush_when_settled(self) -> None:
        try:
            previous: tuple[int, int, int] | None = None
            quiet = 0
            while quiet < SETTLE_TICKS:
                await asyncio.sleep(0)
                if self.active > self.waiting:
                    return  # another resolver is still working; its end wakes us again
                state = (self.active, self.waiting, len(self.pending))
                quiet = quiet + 1 if state == previous else 0
                previous = state
        finally:
            self._flush = None
        loaders = list(self.pending.values())
        self.pending.clear()
        # One wave at a time: loads queued while a wave runs wait for the whole wave.
        self.dispatching = True
        try:
            await asyncio.gather(*(loader.dispatch() for loader in loaders))
        finally:
            self.dispatching = False
        self.wake()

    async def wait(self, awaitable: Awaitable[V]) -> V:
        self.waiting += 1
        self.wake()
        try:
            return await awaitable
        finally:
            self.waiting -= 1


class BatchLoader(Generic[K, V]):
    """A DataLoader whose batches the request's batcher dispatches; keys are de-duplicated per wave."""

    def __init__(
        self,
        batcher: RequestBatcher,
        batch: Callable[[Sequence[K]], Awaitable[Sequence[V]]],
        cache_key: Callable[[K], Hashable] | None = None,
    ) -> None:
        self.batcher = batcher
        self.batch = batch
        self.cache_key: Callable[[K], Hashable] = cache_key or _identity
        self.cache: dict[Hashable, asyncio.Future[V]] = {}
        self.queue: list[tuple[K, asyncio.Future[V]]] = []

    def _future(self, key: K) -> asyncio.Future[V]:
        cache_key = self.cache_key(key)
        future = self.cache.get(cache_key)
        if future is None:
            future = asyncio.get_running_loop().create_future()
            self.cache[cache_key] = future
            self.queue.append((key, future))
            self.batcher.pending[id(self)] = self
        return future

    async def load(self, key: K) -> V:
        return await self.batcher.wait(self._future(key))

    async def load_many(self, keys: Sequence[K]) -> list[V]:
        futures = [self._future(key) for key in keys]
        return list(await self.batcher.wait(asyncio.gather(*futures)))

    async def dispatch(self) -> None:
        # Keys are shared within a wave only: a later wave loads its keys again, so a query sends
        # one statement per loader and level whatever rows earlier levels happened to return.
        queue, self.queue = self.queue, []
        self.cache.clear()
        if not queue:
            return
        try:
            values = await self.batch([key for key, _ in queue])
        except Exception as error:  # noqa: BLE001 - handed to every waiting resolver, which re-raises it
            for _, future in queue:
                future.set_exception(error)
            return
        for (_, future), value in zip(queue, values, strict=True):
            future.set_result(value)


def _identity(key: Any) -> Hashable:
    return key  # type: ignore[no-any-return]


class BatchingExtension(SchemaExtension):
    """Tells the request's batcher when async resolvers start and finish."""

    def resolve(self, _next: Callable[..., Any], root: Any, info: Any, *args: Any, **kwargs: Any) -> Any:
        result = _next(root, info, *args, **kwargs)
        if not asyncio.iscoroutine(result) and not isinstance(result, asyncio.Future):
            return result
        return tracked(info.context.batcher, result)


async def tracked(batcher: RequestBatcher, awaitable: Awaitable[V]) -> V:
    """Awaits a resolver's result, counted as in progress for the batcher meanwhile."""
    batcher.active += 1
    try:
        return await awaitable
    finally:
        batcher.active -= 1
        batcher.wake()

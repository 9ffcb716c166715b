"""Bounds how many operations execute at once in one process.

Execution is CPU-bound Python: past a few operations at once, more concurrency adds no
throughput, only memory (every running whole-network query holds its rows and its result) and
latency for everyone. Operations beyond the bound wait for a slot before they execute; parsing,
validation and cache hits never wait.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

from strawberry.extensions import SchemaExtension


class ExecutionSlots(SchemaExtension):
    def __init__(self, slots: asyncio.Semaphore) -> None:
        self.slots = slots
        self._held = False

    def on_operation(self) -> Iterator[None]:
        # The planned executor runs inside a later extension's execution hook start; a cancellation
        # there (a time limit, a client gone) skips this extension's execution hook exit, never the
        # operation's: the slot is given back here then.
        try:
            yield
        finally:
            self._release()

    async def on_execute(self) -> AsyncIterator[None]:
        await self.slots.acquire()
        self._held = True
        try:
            yield
        finally:
            self._release()

    def _release(self) -> None:
        if self._held:
            self._held = False
            self.slots.release()

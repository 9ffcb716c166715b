"""Bounds how many operations execute at once in one process.

Execution is CPU-bound Python: past a few operations at once, more concurrency adds no
throughput, only memory (every running whole-network query holds its rows and its result) and
latency for everyone. Operations beyond the bound wait for a slot before they execute; parsing,
validation and cache hits never wait.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from strawberry.extensions import SchemaExtension


class ExecutionSlots(SchemaExtension):
    def __init__(self, slots: asyncio.Semaphore) -> None:
        self.slots = slots

    async def on_execute(self) -> AsyncIterator[None]:
        async with self.slots:
            yield

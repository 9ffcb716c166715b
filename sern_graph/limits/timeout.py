"""Stops an operation that executes for longer than the limit, on either execution path.

The deadline is set when execution starts (after the operation got an execution slot), but the
timeout wraps the whole operation: the planned executor runs inside an execution hook's start, where
a cancellation would skip the other hooks' exits, so only the operation's own exit is sure to see it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator

from strawberry.extensions import SchemaExtension

from sern_graph.limits.errors import LimitExceeded


class ExecutionTimeLimit(SchemaExtension):
    """Placed after the execution slots and before the planned executor among the extensions."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._timeout: asyncio.Timeout | None = None

    async def on_operation(self) -> AsyncIterator[None]:
        self._timeout = asyncio.timeout(None)
        try:
            async with self._timeout:
                yield
        except TimeoutError:
            raise LimitExceeded(
                f"The query ran longer than {self.seconds:g} seconds and was stopped.",
                code="TIMEOUT",
                limit=self.seconds,
            ) from None

    def on_execute(self) -> Iterator[None]:
        if self._timeout is not None:
            self._timeout.reschedule(asyncio.get_running_loop().time() + self.seconds)
        yield

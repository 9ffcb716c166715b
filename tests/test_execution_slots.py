"""Operations beyond the per-process bound wait for a slot; the garbage collector is tuned for serving."""

from __future__ import annotations

import asyncio
import gc

import strawberry

from sern_graph.core.admission import ExecutionSlots
from sern_graph.core.gc_tuning import tune_garbage_collector


async def test_no_more_operations_execute_at_once_than_there_are_slots() -> None:
    running = 0
    most = 0

    @strawberry.type
    class Query:
        @strawberry.field
        async def slow(self) -> int:
            nonlocal running, most
            running += 1
            most = max(most, running)
            await asyncio.sleep(0.01)
            running -= 1
            return most

    slots = asyncio.Semaphore(2)
    schema = strawberry.Schema(query=Query, extensions=[lambda: ExecutionSlots(slots)])
    results = await asyncio.gather(*(schema.execute("{ slow }") for _ in range(6)))

    assert all(result.errors is None for result in results)
    assert most == 2


def test_collector_threshold_is_raised_and_start_up_objects_are_frozen() -> None:
    before = gc.get_threshold()
    try:
        tune_garbage_collector(50_000)
        assert gc.get_threshold() == (50_000, before[1], before[2])
        assert gc.get_freeze_count() > 0
        tune_garbage_collector(0)
        assert gc.get_threshold()[0] == 50_000  # 0 keeps whatever is set
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)

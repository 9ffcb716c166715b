"""The in-process store keeps within its entry and byte budgets, evicting the least recently used."""

from __future__ import annotations

from sern_graph.response_cache.store import Entry, MemoryStore


async def test_memory_store_keeps_within_its_byte_budget() -> None:
    store = MemoryStore(max_entries=100, max_bytes=10)
    _, epoch = await store.lookup("a")
    assert await store.store("a", Entry(b"[1,2]", ("country",)), epoch)
    assert await store.store("b", Entry(b"[3,4]", ("country",)), epoch)
    assert (await store.lookup("a"))[0] is not None  # a is now the most recently used
    assert await store.store("c", Entry(b"[5,6]", ("region",)), epoch)

    assert (await store.lookup("b"))[0] is None
    assert (await store.lookup("a"))[0] == Entry(b"[1,2]", ("country",))
    assert store.size == 10
    assert not await store.store("big", Entry(b"[" + b"1," * 10 + b"1]", ()), epoch)
    assert await store.purge(["country"]) == 1
    assert store.size == 5

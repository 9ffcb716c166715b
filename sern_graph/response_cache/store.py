"""Where cached responses live: the protocol, and the in-process store (the default).

A store keeps entries by key, each with the tags it was built from, and an epoch that every
purge advances. A read notes the epoch before it starts and stores its answer only if no purge
happened since: an answer that might have been built from rows a write changed meanwhile is
dropped, never served."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Entry:
    """One cached response: the operation's `data`, JSON-encoded once when stored (a hit sends
    these bytes as they are), and the tags it read."""

    data: bytes
    tags: tuple[str, ...]


class StoreUnavailable(Exception):
    """The store cannot be reached; the request runs uncached."""


class ResponseStore(Protocol):
    """Raises StoreUnavailable from any method when it cannot answer."""

    backend: str

    async def lookup(self, key: str) -> tuple[Entry | None, int]:
        """The entry under `key` (or None) and the current epoch."""
        ...

    async def store(self, key: str, entry: Entry, epoch: int) -> bool:
        """Keeps `entry` unless a purge happened since `epoch`; whether it was kept."""
        ...

    async def purge(self, tags: list[str] | None) -> int:
        """Drops the entries tagged with any of `tags` (None: all) and advances the epoch; how many."""
        ...

    async def entries(self) -> int | None:
        """How many entries are kept (None when counting is not possible)."""
        ...

    async def close(self) -> None: ...


class MemoryStore:
    """At most `max_entries` entries and `max_bytes` of encoded data in this process, least
    recently used evicted first. No awaits inside its methods, so each is atomic on the event loop."""

    backend = "memory"

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        if max_entries < 1 or max_bytes < 1:
            raise ValueError("max_entries and max_bytes must be at least 1")
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.size = 0
        self.epoch = 0
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._keys_by_tag: dict[str, set[str]] = {}

    async def lookup(self, key: str) -> tuple[Entry | None, int]:
        entry = self._entries.get(key)
        if entry is not None:
            self._entries.move_to_end(key)
        return entry, self.epoch

    async def store(self, key: str, entry: Entry, epoch: int) -> bool:
        if epoch != self.epoch or len(entry.data) > self.max_bytes:
            return False
        self._forget(key)
        self._entries[key] = entry
        self.size += len(entry.data)
        for tag in entry.tags:
            self._keys_by_tag.setdefault(tag, set()).add(key)
        while len(self._entries) > self.max_entries or self.size > self.max_bytes:
            self._forget(next(iter(self._entries)))
        return True

    async def purge(self, tags: list[str] | None) -> int:
        self.epoch += 1
        if tags is None:
            count = len(self._entries)
            self._entries.clear()
            self._keys_by_tag.clear()
            self.size = 0
            return count
        keys = set().union(*(self._keys_by_tag.get(tag, ()) for tag in tags))
        for key in keys:
            self._forget(key)
        return len(keys)

    async def entries(self) -> int | None:
        return len(self._entries)

    async def close(self) -> None:
        return None

    def _forget(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is None:
            return
        self.size -= len(entry.data)
        for tag in entry.tags:
            keys = self._keys_by_tag.get(tag)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._keys_by_tag[tag]

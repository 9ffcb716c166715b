"""Helpers for batch functions: results in key order, one query per batch whatever the row count."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")
SpecT = TypeVar("SpecT")


def in_key_order(keys: Sequence[K], rows: Iterable[V], key_of: Callable[[V], K]) -> list[V | None]:
    by_key = {key_of(row): row for row in rows}
    return [by_key.get(key) for key in keys]


def grouped(keys: Sequence[K], rows: Iterable[V], key_of: Callable[[V], K]) -> list[list[V]]:
    groups: defaultdict[K, list[V]] = defaultdict(list)
    for row in rows:
        groups[key_of(row)].append(row)
    return [groups.get(key, []) for key in keys]


@dataclass(frozen=True)
class ChildKey(Generic[SpecT]):
    """A parent's id plus how its children are filtered and ordered (the same for a whole field)."""

    parent_id: int
    spec: SpecT


def child_cache_key(key: ChildKey[Any]) -> Hashable:
    # Filter inputs are mutable dataclasses; their repr is a stable, complete description.
    return (key.parent_id, repr(key.spec))


async def load_children(
    keys: Sequence[ChildKey[SpecT]],
    fetch: Callable[[list[int], SpecT], Awaitable[Iterable[tuple[int, V]]]],
) -> list[list[V]]:
    """Runs `fetch` once per distinct spec with all its parents' ids; `fetch` yields (parent, row)."""
    by_spec: dict[str, tuple[SpecT, list[int]]] = {}
    for key in keys:
        by_spec.setdefault(repr(key.spec), (key.spec, []))[1].append(key.parent_id)
    results: dict[tuple[int, str], list[V]] = defaultdict(list)
    for spec_repr, (spec, parent_ids) in by_spec.items():
        for parent_id, row in await fetch(sorted(set(parent_ids)), spec):
            results[(parent_id, spec_repr)].append(row)
    return [results.get((key.parent_id, repr(key.spec)), []) for key in keys]


def through_pairs(
    pairs: Iterable[tuple[int, int]], rows: Iterable[V], pk_of: Callable[[V], int]
) -> list[tuple[int, V]]:
    """Joins (parent id, child id) pairs to child rows, keeping the rows' order."""
    parents_of: defaultdict[int, list[int]] = defaultdict(list)
    for parent_id, child_id in pairs:
        parents_of[child_id].append(parent_id)
    return [(parent_id, row) for row in rows for parent_id in parents_of[pk_of(row)]]

"""The `responseCache` root field: what the response cache of this process did, for admins."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from sern_graph.accounts.permissions import Permission
from sern_graph.content.service import require
from sern_graph.context import Context
from sern_graph.response_cache.store import StoreUnavailable
from sern_graph.response_cache.view import current_cache


@strawberry.type(description="What the response cache of the answering process did since it started.")
class ResponseCacheStats:
    enabled: bool = strawberry.field(
        description="Whether responses are cached at all (`SERN_RESPONSE_CACHE`)."
    )
    backend: str | None = strawberry.field(
        description="Where entries live: `memory` (this process) or `redis` (shared by replicas)."
    )
    hits: int = strawberry.field(description="Requests answered from the cache.")
    misses: int = strawberry.field(description="Cacheable requests that were run, not found in the cache.")
    bypasses: int = strawberry.field(
        description="Requests run without the cache: mutations, previews, editors, or the store unreachable."
    )
    stores: int = strawberry.field(description="Answers put in the cache.")
    purges: int = strawberry.field(description="Content events that purged the cache.")
    purged_entries: int = strawberry.field(description="Entries those purges removed.")
    entries: int | None = strawberry.field(
        description="Entries in the cache now (shared by every replica with Redis); null when unknown."
    )


@strawberry.type
class ResponseCacheQuery:
    @strawberry.field(description="Hit and miss counts of the response cache (this process). Admins only.")
    async def response_cache(self, info: Info[Context, None]) -> ResponseCacheStats:
        require(info.context.actor, Permission.MANAGE_ACCOUNTS)
        cache = current_cache.get()
        if cache is None:
            return ResponseCacheStats(
                enabled=False,
                backend=None,
                hits=0,
                misses=0,
                bypasses=0,
                stores=0,
                purges=0,
                purged_entries=0,
                entries=None,
            )
        try:
            entries = await cache.store.entries()
        except StoreUnavailable:
            entries = None
        stats = cache.stats
        return ResponseCacheStats(
            enabled=True,
            backend=cache.store.backend,
            hits=stats.hits,
            misses=stats.misses,
            bypasses=stats.bypasses,
            stores=stats.stores,
            purges=stats.purges,
            purged_entries=stats.purged_entries,
            entries=entries,
        )

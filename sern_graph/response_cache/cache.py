"""The response cache: answers a public query operation from the store, or runs it, records what it
read and stores the answer; content events purge what read the changed rows.

Only answers that are the same for every caller of a class are shared, and only the public class
is cached: anonymous callers and tokens that may neither preview nor read personal data. Editors,
previews, mutations, answers with errors and answers about the caller run uncached.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
from graphql import OperationType
from starlette.responses import Response
from strawberry.http import GraphQLRequestData
from strawberry.types import ExecutionResult

from sern_graph.accounts.permissions import Permission
from sern_graph.content.events import ContentEvent
from sern_graph.content.preview_request import HEADER as PREVIEW_HEADER
from sern_graph.context import Context
from sern_graph.core.localization import negotiate
from sern_graph.response_cache.cdn import purge_cdn
from sern_graph.response_cache.dependencies import recording
from sern_graph.response_cache.engines import statements_observed
from sern_graph.response_cache.keys import Documents, cache_key
from sern_graph.response_cache.redis_store import RedisStore
from sern_graph.response_cache.stats import CacheStats
from sern_graph.response_cache.store import Entry, MemoryStore, ResponseStore, StoreUnavailable
from sern_graph.response_cache.tags import header_value, purge_tags, response_tags
from sern_graph.settings import Settings

logger = logging.getLogger(__name__)

HEADER = "SERN-Cache"
PUBLIC = "public"
# Permissions that change what a caller reads; their holders bypass the cache.
_PRIVATE_READS = (Permission.READ_PERSONAL_DATA, Permission.PREVIEW)

Run = Callable[[], Awaitable[ExecutionResult]]


class ResponseCache:
    def __init__(
        self, store: ResponseStore, settings: Settings, schema_version: str, cdn_purge_url: str | None = None
    ) -> None:
        self.store = store
        self.settings = settings
        self.schema_version = schema_version
        self.cdn_purge_url = cdn_purge_url
        self.stats = CacheStats()
        # Set by whoever subscribes the cache to content events; `close` calls it.
        self.stop_purging: Callable[[], None] | None = None
        self.documents = Documents(max_tokens=settings.max_tokens)

    @classmethod
    def from_settings(cls, settings: Settings, schema_sdl: str) -> ResponseCache | None:
        """The cache the settings ask for (None when it is off); opens no connection yet."""
        if not settings.response_cache:
            return None
        store: ResponseStore
        if settings.redis_url:
            store = RedisStore(
                settings.redis_url, settings.response_cache_prefix, settings.response_cache_ttl
            )
        else:
            store = MemoryStore(settings.response_cache_max_entries, settings.response_cache_max_bytes)
        # Replicas running another schema (a rolling deploy) must not share entries.
        schema_version = hashlib.sha256(schema_sdl.encode()).hexdigest()[:16]
        return cls(store, settings, schema_version, settings.cdn_purge_url)

    def key(self, request_data: GraphQLRequestData, context: Any) -> str | None:
        """The request's cache key, or None when it must run uncached."""
        if request_data.query is None or not isinstance(context, Context):
            return None
        if any(context.actor.can(permission) for permission in _PRIVATE_READS):
            return None
        request = context.request
        if request is not None and PREVIEW_HEADER in request.headers:
            return None
        document = self.documents.get(request_data.query)
        if document is None or document.mentions_preview:
            return None
        # A token's introspection answer must not reach anonymous callers who may not introspect.
        if document.introspects and not self.settings.anonymous_introspection:
            return None
        if document.operation_type(request_data.operation_name) != OperationType.QUERY:
            return None
        locale = negotiate(request.headers.get("accept-language")) if request is not None else None
        return cache_key(
            self.schema_version,
            document,
            request_data.operation_name,
            request_data.variables,
            locale,
            PUBLIC,
            context.today,
        )

    async def respond(
        self, request_data: GraphQLRequestData, context: Any, sub_response: Response, run: Run
    ) -> ExecutionResult:
        """The request's result: from the store, or run (and stored when it may be)."""
        key = self.key(request_data, context)
        if key is None:
            return await self._bypass(sub_response, run)
        try:
            entry, epoch = await self.store.lookup(key)
        except StoreUnavailable:
            return await self._bypass(sub_response, run)
        if entry is not None:
            self.stats.hits += 1
            _label(sub_response, "hit", entry.tags)
            # A fragment is embedded in the response as it is, without decoding and encoding again.
            return ExecutionResult(data=orjson.Fragment(entry.data), errors=None)  # type: ignore[arg-type]
        self.stats.misses += 1
        with recording() as dependencies:
            result = await run()
        data = result.data
        shareable = dependencies.shared and data is not None and not result.errors and not result.extensions
        tags = response_tags(dependencies) if shareable and statements_observed() else None
        _label(sub_response, "miss", tags)
        if tags is not None and data is not None:
            try:
                encoded = orjson.dumps(data)
            except orjson.JSONEncodeError:
                return result
            await self._store(key, Entry(encoded, tuple(tags)), epoch)
        return result

    async def _bypass(self, sub_response: Response, run: Run) -> ExecutionResult:
        self.stats.bypasses += 1
        _label(sub_response, "bypass", None)
        return await run()

    async def _store(self, key: str, entry: Entry, epoch: int) -> None:
        try:
            stored = await self.store.store(key, entry, epoch)
        except StoreUnavailable:
            return
        if stored:
            self.stats.stores += 1

    async def on_content_event(self, event: ContentEvent) -> None:
        """Purges every entry that read what `event` changed, then tells the CDN. An event from
        another replica purges only a store of this process: the writer purged the shared store
        (and the CDN) before its mutation returned."""
        if event.remote and self.store.backend == "redis":
            return
        tags = purge_tags(event)
        try:
            purged = await self.store.purge(tags)
        except StoreUnavailable:
            purged = 0
            logger.warning("Response cache purge for %s deferred: the store is unreachable", event)
        self.stats.purges += 1
        self.stats.purged_entries += purged
        logger.info(
            "Response cache purge after %s %s %s: tags %s, %d entries",
            event.action,
            event.content_type,
            event.object_id,
            tags if tags is not None else "(all)",
            purged,
        )
        if self.cdn_purge_url and not event.remote:
            await purge_cdn(self.cdn_purge_url, tags)

    async def close(self) -> None:
        if self.stop_purging is not None:
            self.stop_purging()
        await self.store.close()


def _label(response: Response, outcome: str, tags: tuple[str, ...] | list[str] | None) -> None:
    response.headers[HEADER] = outcome
    if tags:
        # Cloudflare reads comma-separated Cache-Tag, Fastly space-separated Surrogate-Key.
        response.headers["Cache-Tag"] = header_value(tags, ",")
        response.headers["Surrogate-Key"] = header_value(tags, " ")

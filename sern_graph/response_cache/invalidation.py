"""Connects a response cache to the content events of this process."""

from __future__ import annotations

from collections.abc import Callable

from sern_graph.content import events
from sern_graph.response_cache.cache import ResponseCache


def purge_on_content_events(cache: ResponseCache) -> Callable[[], None]:
    """Purges `cache` after every content event until the returned function is called or the
    cache is garbage."""
    return events.subscribe_while_alive(cache, ResponseCache.on_content_event)

"""Connects a response cache to the content events of this process."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from sern_graph.content import events
from sern_graph.content.events import ContentEvent
from sern_graph.response_cache.cache import ResponseCache


def purge_on_content_events(cache: ResponseCache) -> Callable[[], None]:
    """Purges `cache` after every content event until the returned function is called or the
    cache is garbage (apps made and dropped, as tests do, leave no subscriber behind)."""
    reference = weakref.ref(cache)
    subscribed = True

    async def on_event(event: ContentEvent) -> None:
        target = reference()
        if target is None:
            unsubscribe()
            return
        await target.on_content_event(event)

    remove = events.subscribe(on_event)

    def unsubscribe() -> None:
        nonlocal subscribed
        if subscribed:
            subscribed = False
            remove()

    return unsubscribe

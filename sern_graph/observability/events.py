"""Counts the content events this process handles, local and from other replicas."""

from __future__ import annotations

import weakref
from collections.abc import Callable

from sern_graph.content import events
from sern_graph.content.events import ContentEvent
from sern_graph.observability.metrics import Metrics


def count_content_events(metrics: Metrics) -> Callable[[], None]:
    """Counts every content event in `metrics` until the returned function is called or the
    metrics are garbage (apps made and dropped, as tests do, leave no subscriber behind)."""
    reference = weakref.ref(metrics)
    subscribed = True

    async def on_event(event: ContentEvent) -> None:
        target = reference()
        if target is None:
            unsubscribe()
            return
        target.observe_content_event(event.action, event.remote)

    remove = events.subscribe(on_event)

    def unsubscribe() -> None:
        nonlocal subscribed
        if subscribed:
            subscribed = False
            remove()

    return unsubscribe

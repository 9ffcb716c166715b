"""Content events: what changed, delivered to subscribers after the write has committed."""

from __future__ import annotations

import logging
import weakref
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ContentEvent:
    action: str
    content_type: str
    object_id: int
    version: int
    # True when the event happened on another replica and reached this one over Redis pub/sub.
    remote: bool = False


Subscriber = Callable[[ContentEvent], Awaitable[None]]
_subscribers: list[Subscriber] = []
Owner = TypeVar("Owner")


def subscribe(subscriber: Subscriber) -> Callable[[], None]:
    """Adds a subscriber (cache invalidation, webhooks, ...); returns a function that removes it."""
    _subscribers.append(subscriber)
    return lambda: _subscribers.remove(subscriber)


def subscribe_while_alive(
    owner: Owner, handle: Callable[[Owner, ContentEvent], Awaitable[None] | None]
) -> Callable[[], None]:
    """Calls `handle(owner, event)` for every event until the returned function is called or
    `owner` is garbage (apps made and dropped, as tests do, leave no subscriber behind)."""
    reference = weakref.ref(owner)
    subscribed = True

    async def on_event(event: ContentEvent) -> None:
        target = reference()
        if target is None:
            unsubscribe()
            return
        outcome = handle(target, event)
        if outcome is not None:
            await outcome

    remove = subscribe(on_event)

    def unsubscribe() -> None:
        nonlocal subscribed
        if subscribed:
            subscribed = False
            remove()

    return unsubscribe


async def emit(event: ContentEvent) -> None:
    """Calls every subscriber; one failing does not stop the others nor undo the write."""
    for subscriber in list(_subscribers):
        try:
            await subscriber(event)
        except Exception:
            logger.exception("Content event subscriber failed for %s", event)

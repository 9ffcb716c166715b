"""Content events: what changed, delivered to subscribers after the write has committed."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

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


def subscribe(subscriber: Subscriber) -> Callable[[], None]:
    """Adds a subscriber (cache invalidation, webhooks, ...); returns a function that removes it."""
    _subscribers.append(subscriber)
    return lambda: _subscribers.remove(subscriber)


async def emit(event: ContentEvent) -> None:
    """Calls every subscriber; one failing does not stop the others nor undo the write."""
    for subscriber in list(_subscribers):
        try:
            await subscriber(event)
        except Exception:
            logger.exception("Content event subscriber failed for %s", event)

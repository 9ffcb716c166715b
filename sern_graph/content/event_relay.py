"""Content events between replicas: each process publishes its own events on a Redis pub/sub channel
and hands the other replicas' events to its subscribers, marked `remote`.

Pub/sub delivers to whoever listens at that moment and keeps nothing, so it carries notifications
only. Whatever must never be stale is settled by the writer before its mutation returns (the shared
response cache in Redis is purged by the replica that wrote; see response_cache/cache.py). When Redis
cannot be reached, events stay local (logged once) and the listener reconnects by itself; events
published meanwhile are not delivered again.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import uuid
from collections.abc import Callable
from contextlib import suppress
from typing import Any

import orjson
from redis.asyncio import Redis
from redis.exceptions import RedisError

from sern_graph.content import events
from sern_graph.content.events import ContentEvent
from sern_graph.redis_link import RedisHealth, connect

logger = logging.getLogger(__name__)

# Seconds between reconnection attempts while Redis is away, doubling up to the maximum.
RETRY_FIRST = 0.5
RETRY_MAX = 5.0
# Seconds a write does not try to publish after publishing failed.
PUBLISH_RETRY_INTERVAL = 1.0


# Probe an idle connection after 10 s, every 5 s, and give up after 3 unanswered probes (Linux).
_KEEPALIVE = {
    option: value
    for option, value in (
        (getattr(socket, "TCP_KEEPIDLE", None), 10),
        (getattr(socket, "TCP_KEEPINTVL", None), 5),
        (getattr(socket, "TCP_KEEPCNT", None), 3),
    )
    if option is not None
}


class RedisEventRelay:
    def __init__(
        self, url: str, channel: str, publish_retry_interval: float = PUBLISH_RETRY_INTERVAL
    ) -> None:
        self.channel = channel
        # Tells this process's own messages apart when they come back from the channel.
        self.origin = uuid.uuid4().hex
        self.publisher = connect(url)
        # The listener blocks on reads: no socket timeout, unlike the fail-fast publisher. TCP
        # keepalive notices a Redis that vanished without closing the connection (a dead host or a
        # network partition), which a blocked read alone would wait on forever.
        self.listener_client = Redis.from_url(
            url,
            socket_connect_timeout=1.0,
            socket_keepalive=True,
            socket_keepalive_options=_KEEPALIVE,
        )
        self.publish_attempts = 0
        self.published = 0
        self.received = 0
        self.listening = asyncio.Event()
        self.publishing = RedisHealth(
            logger, "Content events", "other replicas miss them", publish_retry_interval
        )
        self._listener: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None

    @property
    def redis_reachable(self) -> bool:
        """Whether the last publication went through and the channel is being listened to."""
        return self.publishing.reachable and self.listening.is_set()

    async def start(self) -> None:
        """Publishes this process's events from now on and starts listening for the others'."""
        self._unsubscribe = events.subscribe(self._publish)
        self._listener = asyncio.create_task(self._listen(), name="sern-event-relay")

    async def close(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._listener is not None:
            self._listener.cancel()
            with suppress(asyncio.CancelledError):
                await self._listener
            self._listener = None
        await self.publisher.aclose()
        await self.listener_client.aclose()

    async def _publish(self, event: ContentEvent) -> None:
        # A write waits for its publication: while Redis is known to be away, it is not tried for
        # a second, so writes do not each wait for a connection attempt.
        if event.remote or not self.publishing.may_try():
            return
        message = orjson.dumps(
            {
                "origin": self.origin,
                "action": event.action,
                "contentType": event.content_type,
                "id": event.object_id,
                "version": event.version,
            }
        )
        self.publish_attempts += 1
        try:
            await self.publisher.publish(self.channel, message)
        except (RedisError, OSError) as error:
            self.publishing.failed(error)
            return
        self.published += 1
        self.publishing.answered()

    async def _listen(self) -> None:
        delay = RETRY_FIRST
        lost = False
        while True:
            try:
                async with self.listener_client.pubsub(ignore_subscribe_messages=True) as pubsub:
                    await pubsub.subscribe(self.channel)
                    self.listening.set()
                    if lost:
                        logger.warning("Content events: listening on Redis again")
                        lost = False
                    delay = RETRY_FIRST
                    async for message in pubsub.listen():
                        await self._deliver(message)
            except (RedisError, OSError) as error:
                self.listening.clear()
                if not lost:
                    logger.warning(
                        "Content events: lost the Redis channel (%s); other replicas' events are "
                        "missed until it is back",
                        error,
                    )
                lost = True
            await asyncio.sleep(delay)
            delay = min(delay * 2, RETRY_MAX)

    async def _deliver(self, message: dict[str, Any]) -> None:
        if message.get("type") != "message":
            return
        try:
            body = orjson.loads(message["data"])
            if body["origin"] == self.origin:
                return
            event = ContentEvent(
                action=str(body["action"]),
                content_type=str(body["contentType"]),
                object_id=int(body["id"]),
                version=int(body["version"]),
                remote=True,
            )
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            logger.warning("Content events: ignored a malformed message on %s", self.channel)
            return
        self.received += 1
        await events.emit(event)

"""Content events over Redis pub/sub (content/event_relay.py), against the Redis on this machine:
what a replica publishes, what it receives from the others, and how it rides out Redis going away."""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator, Callable
from typing import Any

import orjson
import pytest
from redis.asyncio import Redis

from sern_graph.content import events
from sern_graph.content.event_relay import RedisEventRelay
from sern_graph.content.events import ContentEvent
from tests.redis_support import REDIS_URL
from tests.tcp_proxy import TcpProxy

WAIT_S = 5.0


class Recorder:
    """A content-event subscriber that keeps what it hears."""

    def __init__(self) -> None:
        self.events: list[ContentEvent] = []
        self._changed = asyncio.Event()

    async def __call__(self, event: ContentEvent) -> None:
        self.events.append(event)
        self._changed.set()

    async def wait_for(self, predicate: Callable[[ContentEvent], bool]) -> ContentEvent:
        async def found() -> ContentEvent:
            while True:
                for event in self.events:
                    if predicate(event):
                        return event
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(found(), WAIT_S)


@pytest.fixture
def channel() -> str:
    return f"test-events-{uuid.uuid4().hex}"


@pytest.fixture
async def recorder() -> AsyncIterator[Recorder]:
    recorder = Recorder()
    unsubscribe = events.subscribe(recorder)
    yield recorder
    unsubscribe()


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    client = Redis.from_url(REDIS_URL)
    yield client
    await client.aclose()


async def started(url: str, channel: str, **options: float) -> RedisEventRelay:
    relay = RedisEventRelay(url, channel, **options)
    await relay.start()
    await asyncio.wait_for(relay.listening.wait(), WAIT_S)
    return relay


async def next_message(pubsub: Any) -> dict[str, Any] | None:
    """The next published message (get_message answers None for the subscription's own reply)."""

    async def wait() -> dict[str, Any]:
        while True:
            received = await pubsub.get_message(ignore_subscribe_messages=True, timeout=WAIT_S)
            if received is not None:
                return dict(received)

    return await asyncio.wait_for(wait(), WAIT_S)


def message(origin: str, object_id: int, **overrides: Any) -> bytes:
    body = {"origin": origin, "action": "update", "contentType": "organisation", "id": object_id}
    body["version"] = 2
    return orjson.dumps({**body, **overrides})


async def test_local_events_are_published_for_the_other_replicas(
    channel: str, redis: Redis, recorder: Recorder
) -> None:
    relay = await started(REDIS_URL, channel)
    try:
        async with redis.pubsub(ignore_subscribe_messages=True) as pubsub:
            await pubsub.subscribe(channel)
            await events.emit(ContentEvent("publish", "project", 7, 3))
            received = await next_message(pubsub)
        assert received is not None
        assert orjson.loads(received["data"]) == {
            "origin": relay.origin,
            "action": "publish",
            "contentType": "project",
            "id": 7,
            "version": 3,
        }
        assert relay.published == 1
    finally:
        await relay.close()


async def test_other_replicas_events_reach_the_local_subscribers_marked_remote(
    channel: str, redis: Redis, recorder: Recorder
) -> None:
    relay = await started(REDIS_URL, channel)
    try:
        await redis.publish(channel, message("another-replica", 42))
        event = await recorder.wait_for(lambda event: event.object_id == 42)
        assert event == ContentEvent("update", "organisation", 42, 2, remote=True)
        assert relay.received == 1
        # A remote event is not published again (no echo between replicas).
        assert relay.published == 0
    finally:
        await relay.close()


async def test_own_events_coming_back_and_malformed_messages_are_not_delivered(
    channel: str, redis: Redis, recorder: Recorder
) -> None:
    relay = await started(REDIS_URL, channel)
    try:
        await events.emit(ContentEvent("create", "theme", 5, 1))
        await redis.publish(channel, b"not json")
        await redis.publish(channel, orjson.dumps({"origin": "x", "action": "update"}))
        # Messages on one channel arrive in order: once this one is here, the others were handled.
        await redis.publish(channel, message("another-replica", 99))
        await recorder.wait_for(lambda event: event.object_id == 99)
        ours = [(event.object_id, event.remote) for event in recorder.events if event.object_id in {5, 99}]
        assert ours == [(5, False), (99, True)]
        assert relay.received == 1
    finally:
        await relay.close()


async def test_without_redis_events_stay_local_and_writes_do_not_fail(
    channel: str, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    relay = RedisEventRelay("redis://127.0.0.1:1/0", channel)
    await relay.start()
    try:
        with caplog.at_level(logging.WARNING, logger="sern_graph.content.event_relay"):
            await events.emit(ContentEvent("update", "person", 3, 4))
            attempts_after_failure = relay.publish_attempts
            await events.emit(ContentEvent("update", "person", 3, 5))
        assert [event.version for event in recorder.events if event.object_id == 3] == [4, 5]
        assert relay.published == 0
        # The second write did not wait for another connection attempt.
        assert relay.publish_attempts == attempts_after_failure == 1
        unreachable = [record for record in caplog.records if "other replicas miss them" in record.message]
        assert len(unreachable) == 1
    finally:
        await relay.close()


async def test_the_relay_reconnects_by_itself_when_redis_is_back(
    channel: str, redis: Redis, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    proxy = TcpProxy("127.0.0.1", 6379)
    await proxy.start()
    relay = await started(proxy.url, channel, publish_retry_interval=0)
    try:
        with caplog.at_level(logging.WARNING, logger="sern_graph.content.event_relay"):
            await proxy.cut()
            await asyncio.wait_for(_until(lambda: not relay.listening.is_set()), WAIT_S)
            await events.emit(ContentEvent("update", "event", 8, 2))
            await proxy.start()
            await asyncio.wait_for(relay.listening.wait(), WAIT_S)
        messages = [record.message for record in caplog.records]
        assert any("lost the Redis channel" in text for text in messages)
        assert any("listening on Redis again" in text for text in messages)

        await redis.publish(channel, message("another-replica", 77))
        await recorder.wait_for(lambda event: event.object_id == 77 and event.remote)
        async with redis.pubsub(ignore_subscribe_messages=True) as pubsub:
            await pubsub.subscribe(channel)
            await events.emit(ContentEvent("update", "event", 8, 3))
            received = await next_message(pubsub)
        assert received is not None
        assert orjson.loads(received["data"])["version"] == 3
    finally:
        await relay.close()
        await proxy.close()


async def _until(condition: Callable[[], bool]) -> None:
    # The relay has no event for "lost": poll its flag.
    while not condition():  # noqa: ASYNC110
        await asyncio.sleep(0.02)

"""The response cache in Redis: shared by app instances, purged for all, and optional when down;
the CDN purge request."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, ClassVar

import pytest

from sern_graph.accounts import services as accounts
from sern_graph.accounts.models import ApiToken, Role
from sern_graph.content.events import ContentEvent
from sern_graph.content.models import AuditEvent
from sern_graph.organisations.models import Organisation
from sern_graph.redis_link import connect
from sern_graph.response_cache.cache import ResponseCache
from sern_graph.response_cache.redis_store import RedisStore
from sern_graph.response_cache.store import Entry, MemoryStore, StoreUnavailable
from sern_graph.response_cache.tags import purge_tags
from sern_graph.settings import Settings
from tests.redis_support import REDIS_URL, UNREACHABLE_URL, delete_keys, unique_prefix
from tests.test_response_cache import (
    COUNTRIES,
    ORGANISATION,
    cache_of,
    mutate,
    open_api,
    published_organisation,
)


@pytest.fixture
async def prefix() -> AsyncIterator[str]:
    """A Redis key prefix of this test alone; its keys are deleted afterwards."""
    name = unique_prefix("rc")
    yield name
    await delete_keys(name)


@pytest.fixture
async def editor(settings: Settings) -> AsyncIterator[dict[str, str]]:
    _, secret = await accounts.create_token("test rc redis editor", Role.EDITOR)
    yield {"Authorization": f"Bearer {secret}"}
    await AuditEvent.filter(actor_name__contains="test rc redis").delete()
    await Organisation.filter(slug__startswith="test-rc-redis").delete()
    await ApiToken.filter(name__startswith="test rc redis").delete()


def redis_settings(settings: Settings, prefix: str, url: str = REDIS_URL, **extra: Any) -> Settings:
    return settings.model_copy(update={"redis_url": url, "response_cache_prefix": prefix, **extra})


async def test_two_instances_share_entries_and_purges(
    settings: Settings, prefix: str, editor: dict[str, str]
) -> None:
    async for first in open_api(redis_settings(settings, prefix)):
        async for second in open_api(redis_settings(settings, prefix)):
            # The second instance stands for another process: only the writer's events reach it.
            stop = cache_of(second.app).stop_purging
            assert stop is not None
            stop()
            organisation_id, version = await published_organisation(first, editor, "test-rc-redis-a")
            variables = {"id": organisation_id}
            assert await first.outcome(ORGANISATION, variables) == "miss"
            hit = await second.post(ORGANISATION, variables)
            assert hit.headers["sern-cache"] == "hit"
            assert hit.json()["data"]["organisation"]["name"] == "Test test-rc-redis-a"
            assert cache_of(second.app).store.backend == "redis"

            updated = await mutate(
                first,
                editor,
                "updateOrganisation",
                {"id": organisation_id, "version": version, "name": "Renamed"},
                "organisation { version }",
            )
            await mutate(
                first,
                editor,
                "publishOrganisation",
                {"id": organisation_id, "version": updated["organisation"]["version"]},
                "organisation { version }",
            )
            fresh = await second.post(ORGANISATION, variables)
            assert fresh.headers["sern-cache"] == "miss"
            assert fresh.json()["data"]["organisation"]["name"] == "Renamed"
            assert await first.outcome(ORGANISATION, variables) == "hit"


async def test_requests_and_writes_succeed_while_redis_is_unreachable(
    settings: Settings, editor: dict[str, str]
) -> None:
    async for api in open_api(redis_settings(settings, "sern-test-down", UNREACHABLE_URL)):
        for _ in range(2):
            response = await api.post(COUNTRIES)
            assert response.json()["data"]["countries"]
            assert response.headers["sern-cache"] == "bypass"
        organisation_id, _ = await published_organisation(api, editor, "test-rc-redis-down")
        assert (await api.data(ORGANISATION, {"id": organisation_id}))["organisation"]["name"]
        assert cache_of(api.app).stats.stores == 0


async def test_the_store_recovers_and_drops_what_a_lost_purge_left(prefix: str) -> None:
    store = RedisStore(REDIS_URL, prefix, ttl=60, retry_interval=0)
    try:
        _, epoch = await store.lookup("k")
        assert await store.store("k", Entry(b'{"a":1}', ("country",)), epoch)
        reachable, store.client = store.client, connect(UNREACHABLE_URL)
        with pytest.raises(StoreUnavailable):
            await store.purge(["country"])
        with pytest.raises(StoreUnavailable):
            await store.lookup("k")
        await store.client.aclose()
        store.client = reachable
        entry, _ = await store.lookup("k")
        assert entry is None  # the purge that could not be delivered is made up for
        _, epoch = await store.lookup("k")
        assert await store.store("k", Entry(b'{"a":2}', ("country",)), epoch)
        assert (await store.lookup("k"))[0] == Entry(b'{"a":2}', ("country",))
        assert await store.entries() == 1
    finally:
        await store.close()


async def test_a_purge_during_a_read_keeps_its_answer_out_of_redis(prefix: str) -> None:
    store = RedisStore(REDIS_URL, prefix, ttl=60)
    try:
        _, epoch = await store.lookup("k")
        assert await store.purge(["organisation:1"]) == 0
        assert not await store.store("k", Entry(b'{"a":1}', ("organisation",)), epoch)
        assert (await store.lookup("k"))[0] is None
    finally:
        await store.close()


class _Receiver(BaseHTTPRequestHandler):
    bodies: ClassVar[list[dict[str, Any]]] = []

    def do_POST(self) -> None:
        length = int(self.headers["Content-Length"])
        self.bodies.append(json.loads(self.rfile.read(length)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    bodies: ClassVar[list[dict[str, Any]]] = []
    _Receiver.bodies = bodies
    yield f"http://127.0.0.1:{server.server_port}/purge", bodies
    server.shutdown()
    server.server_close()


async def test_content_events_post_their_tags_to_the_cdn(
    settings: Settings, editor: dict[str, str], receiver: tuple[str, list[dict[str, Any]]]
) -> None:
    url, bodies = receiver
    async for api in open_api(settings.model_copy(update={"cdn_purge_url": url})):
        organisation_id, _ = await published_organisation(api, editor, "test-rc-redis-cdn")
        row = await Organisation.get(slug="test-rc-redis-cdn")
        # Create and publish: each write is purged before the mutation answers.
        assert len(bodies) == 2
        assert bodies[-1]["tags"][:2] == [f"organisation:{row.id}", "organisation"]
        assert "organisation_theme" in bodies[-1]["tags"]
        tagged = await api.post(ORGANISATION, {"id": organisation_id})
        assert f"organisation:{row.id}" in tagged.headers["surrogate-key"].split(" ")
    await asyncio.sleep(0)


@pytest.mark.parametrize("backend", ["memory", "redis"])
async def test_another_replicas_event_purges_a_process_store_but_leaves_the_shared_one_to_its_writer(
    settings: Settings, prefix: str, backend: str
) -> None:
    store: MemoryStore | RedisStore
    store = MemoryStore(100, 2**20) if backend == "memory" else RedisStore(REDIS_URL, prefix, ttl=60)
    cache = ResponseCache(store, settings, "test")
    remote = ContentEvent("update", "organisation", 42, 2, remote=True)
    entry = Entry(b'{"a":1}', tuple(purge_tags(remote) or ()))
    try:
        _, epoch = await store.lookup("k")
        assert await store.store("k", entry, epoch)
        await cache.on_content_event(remote)
        # The replica that wrote purged the shared store before its mutation returned.
        assert (await store.lookup("k"))[0] == (None if backend == "memory" else entry)
        await cache.on_content_event(ContentEvent("update", "organisation", 42, 2))
        assert (await store.lookup("k"))[0] is None
    finally:
        await cache.close()


async def test_a_replica_that_only_read_during_an_outage_drops_what_may_be_stale(prefix: str) -> None:
    """Another replica's purge may have been lost while Redis was away: this one cannot know."""
    store = RedisStore(REDIS_URL, prefix, ttl=60, retry_interval=0)
    try:
        _, epoch = await store.lookup("k")
        assert await store.store("k", Entry(b'{"a":1}', ("country",)), epoch)
        reachable, store.client = store.client, connect(UNREACHABLE_URL)
        with pytest.raises(StoreUnavailable):
            await store.lookup("k")
        await store.client.aclose()
        store.client = reachable
        assert (await store.lookup("k"))[0] is None
    finally:
        await store.close()


async def test_after_an_outage_the_store_clears_itself_without_waiting_for_a_request(prefix: str) -> None:
    store = RedisStore(REDIS_URL, prefix, ttl=60, retry_interval=0.05)
    observer = RedisStore(REDIS_URL, prefix, ttl=60)
    try:
        _, epoch = await store.lookup("k")
        assert await store.store("k", Entry(b'{"a":1}', ("country",)), epoch)
        reachable, store.client = store.client, connect(UNREACHABLE_URL)
        with pytest.raises(StoreUnavailable):
            await store.purge(["country"])
        await store.client.aclose()
        store.client = reachable
        for _ in range(100):
            if await observer.entries() == 0:
                break
            await asyncio.sleep(0.02)
        assert await observer.entries() == 0
    finally:
        await store.close()
        await observer.close()

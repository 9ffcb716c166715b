"""Persisted (APQ) documents shared by replicas through Redis, and what happens without it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from sern_graph.persisted.redis_store import RedisDocumentStore
from sern_graph.redis_link import connect
from tests.conftest import AppOpener
from tests.redis_support import REDIS_URL, UNREACHABLE_URL, delete_keys, unique_prefix
from tests.test_persisted_queries import QUERY, error_code, get, persisted, post, sha256


@pytest.fixture
async def prefix() -> AsyncIterator[str]:
    """A Redis key prefix of this test alone; its keys are deleted afterwards."""
    name = unique_prefix("apq")
    yield name
    await delete_keys(name)


@pytest.fixture
def open_replica(open_app: AppOpener) -> AppOpener:
    """App instances (replicas in one process) with the response cache off: every answer here must
    come from running the document."""

    async def opener(**update: Any) -> httpx.AsyncClient:
        return await open_app(response_cache=False, **update)

    return opener


async def test_a_document_registered_through_one_replica_runs_by_hash_through_another(
    open_replica: AppOpener, prefix: str
) -> None:
    a = await open_replica(redis_url=REDIS_URL, persisted_queries_prefix=prefix)
    b = await open_replica(redis_url=REDIS_URL, persisted_queries_prefix=prefix)
    registered = await post(a, {"query": QUERY, "extensions": persisted(QUERY)})
    assert registered.status_code == 200

    by_hash = await get(b, extensions=persisted(QUERY))
    assert by_hash.status_code == 200, by_hash.text
    assert by_hash.json() == registered.json()


async def test_without_redis_each_process_knows_only_its_own_documents(open_replica: AppOpener) -> None:
    a = await open_replica()
    b = await open_replica()
    await post(a, {"query": QUERY, "extensions": persisted(QUERY)})
    assert error_code(await get(b, extensions=persisted(QUERY))) == "PERSISTED_QUERY_NOT_FOUND"
    assert (await get(a, extensions=persisted(QUERY))).status_code == 200


async def test_with_redis_unreachable_a_process_still_serves_the_documents_it_was_sent(
    open_replica: AppOpener,
) -> None:
    a = await open_replica(redis_url=UNREACHABLE_URL)
    registered = await post(a, {"query": QUERY, "extensions": persisted(QUERY)})
    assert registered.status_code == 200
    by_hash = await get(a, extensions=persisted(QUERY))
    assert by_hash.json() == registered.json()


async def test_documents_once_read_are_served_from_the_process_without_redis(prefix: str) -> None:
    writer = RedisDocumentStore(REDIS_URL, prefix)
    reader = RedisDocumentStore(REDIS_URL, prefix)
    try:
        await writer.set(sha256(QUERY), QUERY)
        assert await reader.get(sha256(QUERY)) == QUERY
        reachable, reader.client = reader.client, connect(UNREACHABLE_URL)
        assert await reader.get(sha256(QUERY)) == QUERY
        assert await reader.get(sha256("{ other }")) is None
        await reader.client.aclose()
        reader.client = reachable
        ttl = await writer.client.ttl(f"{prefix}:{sha256(QUERY)}")
        assert 0 < ttl <= writer.ttl
    finally:
        await writer.close()
        await reader.close()

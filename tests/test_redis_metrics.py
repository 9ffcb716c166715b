"""`sern_redis_reachable{component}`: whether each part that shares state through Redis reached it
the last time it tried, so an alert can see the degraded mode that is only logged once."""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.conftest import AppOpener
from tests.redis_support import REDIS_URL, UNREACHABLE_URL, delete_keys, unique_prefix

QUERY = "query Themes { themes { slug } }"
QUERY_HASH = hashlib.sha256(QUERY.encode()).hexdigest()
PARTS = ("admin", "events", "persisted_queries", "rate_limits", "response_cache")


@pytest.fixture
async def open_instrumented(open_app: AppOpener) -> AsyncIterator[AppOpener]:
    """Apps whose Redis keys are this test's and that rate-limit loopback (exempt by default)."""
    prefix = unique_prefix("redis-metrics")

    async def opener(**update: Any) -> httpx.AsyncClient:
        return await open_app(
            rate_limit_exempt=(),
            response_cache_prefix=f"{prefix}:rc",
            rate_limit_prefix=f"{prefix}:rl",
            persisted_queries_prefix=f"{prefix}:apq",
            admin_state_prefix=f"{prefix}:admin",
            **update,
        )

    yield opener
    await delete_keys(prefix)


def reachable(metrics: str) -> dict[str, float]:
    values = {}
    for line in metrics.splitlines():
        if line.startswith("sern_redis_reachable{"):
            name = line.split('component="', 1)[1].split('"', 1)[0]
            values[name] = float(line.rsplit(" ", 1)[1])
    return values


async def use_everything(client: httpx.AsyncClient) -> None:
    """A cached query and an APQ registration (response cache, rate limits, persisted queries) and
    a failed admin sign-in (admin state)."""
    await client.post("/graphql", json={"query": QUERY})
    await client.post(
        "/graphql",
        json={"query": QUERY, "extensions": {"persistedQuery": {"version": 1, "sha256Hash": QUERY_HASH}}},
    )
    page = await client.get("/admin/signin")
    token = page.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
    await client.post("/admin/signin", data={"username": "nobody", "password": "x", "csrf_token": token})


async def test_every_part_reports_redis_reachable_when_it_is(open_instrumented: AppOpener) -> None:
    client = await open_instrumented(redis_url=REDIS_URL)
    await use_everything(client)
    values = reachable((await client.get("/metrics")).text)
    # The relay listens only once the app has started (lifespan), which these in-process apps skip.
    assert values == {**dict.fromkeys(PARTS, 1.0), "events": 0.0}


async def test_each_part_reports_redis_unreachable_once_it_has_tried(open_instrumented: AppOpener) -> None:
    client = await open_instrumented(redis_url=UNREACHABLE_URL)
    assert reachable((await client.get("/metrics")).text) == {**dict.fromkeys(PARTS, 1.0), "events": 0.0}
    await use_everything(client)
    assert reachable((await client.get("/metrics")).text) == dict.fromkeys(PARTS, 0.0)


async def test_without_redis_there_is_nothing_to_report(open_instrumented: AppOpener) -> None:
    client = await open_instrumented(redis_url=None)
    assert reachable((await client.get("/metrics")).text) == {}

"""Rate limits on /graphql: token buckets per client address and per API token, answered with 429
and Retry-After; in Redis shared by app instances, in memory when Redis is unreachable."""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from sern_graph.accounts import services
from sern_graph.accounts.models import ApiToken, Role, User
from sern_graph.content.models import AuditEvent
from sern_graph.security.buckets import Decision, Rate
from sern_graph.security.client_address import ClientAddress, parse_networks
from sern_graph.security.memory_buckets import MemoryBuckets
from sern_graph.security.redis_buckets import RedisBuckets
from sern_graph.settings import Settings
from tests.redis_support import REDIS_URL, UNREACHABLE_URL, delete_keys, unique_prefix

QUERY = {"query": "{ themes { slug } }"}
# Three requests at once, then one a second: a test never waits long enough for a refill to matter.
TIGHT = {"rate_limit_per_address": 60, "rate_limit_address_burst": 3, "rate_limit_exempt": ()}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def prefix() -> AsyncIterator[str]:
    """A Redis key prefix of this test alone; its keys are deleted afterwards."""
    name = unique_prefix("rl")
    yield name
    await delete_keys(name)


@pytest.fixture
async def tokens(settings: Settings) -> AsyncIterator[dict[str, dict[str, str]]]:
    _, slow = await services.create_token("test rl slow", Role.READER, rate_limit_per_minute=2)
    _, default = await services.create_token("test rl default", Role.READER)
    yield {"slow": bearer(slow), "default": bearer(default)}
    await ApiToken.filter(name__startswith="test rl").delete()


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def forwarded_for(address: str) -> dict[str, str]:
    return {"X-Forwarded-For": address}


def assert_rate_limited(response: httpx.Response) -> None:
    assert response.status_code == 429, response.text
    seconds = int(response.headers["retry-after"])
    assert seconds >= 1
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfter": seconds}
    assert "Too many requests" in error["message"]


async def statuses(client: httpx.AsyncClient, count: int, headers: dict[str, str] | None = None) -> list[int]:
    return [(await client.post("/graphql", json=QUERY, headers=headers)).status_code for _ in range(count)]


# The bucket itself, on a clock the test moves.


async def test_a_bucket_lets_a_burst_through_then_refuses() -> None:
    buckets = MemoryBuckets(clock=Clock())
    rate = Rate(per_minute=60, burst=3)
    decisions = [await buckets.take("k", rate) for _ in range(4)]
    assert [decision.allowed for decision in decisions] == [True, True, True, False]
    assert decisions[-1].retry_after == pytest.approx(1.0)


async def test_a_bucket_refills_at_its_rate_up_to_its_burst() -> None:
    clock = Clock()
    buckets = MemoryBuckets(clock=clock)
    rate = Rate(per_minute=30, burst=2)
    for _ in range(2):
        assert (await buckets.take("k", rate)).allowed
    refused = await buckets.take("k", rate)
    assert not refused.allowed
    assert refused.retry_after == pytest.approx(2.0)
    clock.now += 2
    assert (await buckets.take("k", rate)).allowed
    assert not (await buckets.take("k", rate)).allowed
    clock.now += 3600
    assert [(await buckets.take("k", rate)).allowed for _ in range(3)] == [True, True, False]


async def test_buckets_are_kept_apart_by_key() -> None:
    buckets = MemoryBuckets(clock=Clock())
    rate = Rate(per_minute=60, burst=1)
    assert (await buckets.take("a", rate)).allowed
    assert not (await buckets.take("a", rate)).allowed
    assert (await buckets.take("b", rate)).allowed


async def test_looking_at_a_bucket_takes_nothing() -> None:
    buckets = MemoryBuckets(clock=Clock())
    rate = Rate(per_minute=60, burst=1)
    assert (await buckets.take("k", rate, cost=0)).allowed
    assert (await buckets.take("k", rate)).allowed
    assert not (await buckets.take("k", rate, cost=0)).allowed


def test_retry_after_is_whole_seconds_and_at_least_one() -> None:
    assert Decision(allowed=False, retry_after=0.01).retry_after_seconds == 1
    assert Decision(allowed=False, retry_after=2.2).retry_after_seconds == 3


async def test_the_least_recently_used_buckets_are_forgotten_beyond_the_bound() -> None:
    buckets = MemoryBuckets(clock=Clock(), max_buckets=2)
    rate = Rate(per_minute=60, burst=1)
    for key in ("a", "b", "c"):
        await buckets.take(key, rate)
    # "a" was forgotten, so it starts full again; "c" was not.
    assert (await buckets.take("a", rate)).allowed
    assert not (await buckets.take("c", rate)).allowed


# The client address.


def scope(peer: str, forwarded: str | None = None) -> dict[str, Any]:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    return {"type": "http", "client": (peer, 5000), "headers": headers}


def test_forwarded_for_is_ignored_from_an_untrusted_peer() -> None:
    address = ClientAddress(parse_networks(["10.0.0.0/8"]))
    assert address(scope("203.0.113.9", "198.51.100.1")) == "203.0.113.9"
    assert ClientAddress(())(scope("10.0.0.2", "198.51.100.1")) == "10.0.0.2"


def test_behind_trusted_proxies_the_client_is_the_last_untrusted_hop() -> None:
    address = ClientAddress(parse_networks(["10.0.0.0/8"]))
    # The client could put anything on the left; only what our proxies appended counts.
    assert address(scope("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3")) == "198.51.100.7"
    assert address(scope("10.0.0.2", "not-an-address")) == "10.0.0.2"
    assert address(scope("10.0.0.2")) == "10.0.0.2"
    assert address(scope("10.0.0.2", "2001:db8::1")) == "2001:db8::1"


# Over HTTP.


async def test_an_address_over_its_limit_gets_429_with_retry_after(open_app: Any) -> None:
    client = await open_app(**TIGHT)
    assert await statuses(client, 3) == [200, 200, 200]
    refused = await client.post("/graphql", json=QUERY)
    assert_rate_limited(refused)
    assert refused.headers["x-content-type-options"] == "nosniff"
    # Only /graphql is limited.
    assert (await client.get("/healthz")).status_code == 200


async def test_addresses_behind_a_trusted_proxy_have_buckets_of_their_own(open_app: Any) -> None:
    client = await open_app(**TIGHT, trusted_proxies=("127.0.0.1",))
    assert await statuses(client, 3, forwarded_for("198.51.100.1")) == [200, 200, 200]
    assert_rate_limited(await client.post("/graphql", json=QUERY, headers=forwarded_for("198.51.100.1")))
    assert await statuses(client, 3, forwarded_for("198.51.100.2")) == [200, 200, 200]


async def test_exempt_addresses_and_disabled_limits_are_never_refused(open_app: Any) -> None:
    # The default exempts the host itself (the test client's 127.0.0.1): the suite, the bench.
    exempt = await open_app(rate_limit_address_burst=2)
    assert set(await statuses(exempt, 6)) == {200}
    disabled = await open_app(**TIGHT, rate_limit=False)
    assert set(await statuses(disabled, 6)) == {200}


async def test_a_token_over_its_own_limit_gets_429(open_app: Any, tokens: dict[str, dict[str, str]]) -> None:
    client = await open_app(**TIGHT)
    assert await statuses(client, 2, tokens["slow"]) == [200, 200]
    refused = await client.post("/graphql", json=QUERY, headers=tokens["slow"])
    assert_rate_limited(refused)
    assert "with this token" in refused.json()["errors"][0]["message"]
    assert int(refused.headers["retry-after"]) == 30
    # Another token, and anonymous callers from the same address, are not affected.
    assert await statuses(client, 1, tokens["default"]) == [200]
    assert await statuses(client, 3) == [200, 200, 200]


async def test_requests_with_a_valid_token_do_not_use_up_their_address(
    open_app: Any, tokens: dict[str, dict[str, str]]
) -> None:
    client = await open_app(**TIGHT)
    assert set(await statuses(client, 6, tokens["default"])) == {200}
    assert await statuses(client, 3) == [200, 200, 200]


async def test_the_default_limit_for_tokens_applies_without_a_token_limit(
    open_app: Any, tokens: dict[str, dict[str, str]]
) -> None:
    client = await open_app(**TIGHT, rate_limit_per_token=60, rate_limit_token_burst=4)
    assert await statuses(client, 4, tokens["default"]) == [200] * 4
    assert_rate_limited(await client.post("/graphql", json=QUERY, headers=tokens["default"]))


async def test_invalid_tokens_use_up_their_address_before_reaching_the_database(open_app: Any) -> None:
    client = await open_app(**TIGHT)
    made_up = bearer("sern_made-up-token")
    assert await statuses(client, 3, made_up) == [401, 401, 401]
    assert_rate_limited(await client.post("/graphql", json=QUERY, headers=made_up))
    assert_rate_limited(await client.post("/graphql", json=QUERY))


async def test_create_api_token_sets_a_rate_limit(gql: Any, settings: Settings) -> None:
    user = await services.create_user("test-rl-admin", "a long enough password", Role.ADMIN)
    _, admin = await services.create_token("test rl admin", Role.ADMIN, created_by=user)
    mutation = """mutation($input: CreateApiTokenInput!) {
      createApiToken(input: $input) { token { name rateLimitPerMinute } userErrors { field code } }
    }"""
    try:
        created = await gql.data(
            mutation, {"input": {"name": "test rl portal", "rateLimitPerMinute": 90}}, headers=bearer(admin)
        )
        assert created["createApiToken"]["token"] == {"name": "test rl portal", "rateLimitPerMinute": 90}
        assert (await ApiToken.get(name="test rl portal")).rate_limit_per_minute == 90
        refused = await gql.data(
            mutation, {"input": {"name": "test rl zero", "rateLimitPerMinute": 0}}, headers=bearer(admin)
        )
        assert refused["createApiToken"]["userErrors"] == [
            {"field": ["input", "rateLimitPerMinute"], "code": "INVALID"}
        ]
        assert not await ApiToken.exists(name="test rl zero")
    finally:
        await AuditEvent.filter(actor_name__contains="(test rl admin)").delete()
        await ApiToken.filter(name__startswith="test rl").delete()
        await User.filter(username="test-rl-admin").delete()


def test_cli_creates_a_token_with_a_rate_limit_and_origins(tmp_path: Path) -> None:
    database = tmp_path / "cli.db"
    environment = {**os.environ, "SERN_DATABASE_URL": f"sqlite://{database}"}
    created = subprocess.run(
        [
            *(sys.executable, "-m", "sern_graph", "create-token", "--name", "portal", "--rate-limit", "120"),
            *("--allowed-origin", "https://Kiruna.example/", "--allowed-origin", "https://sern.example"),
        ],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert created.returncode == 0, created.stderr
    with sqlite3.connect(database) as connection:
        row = connection.execute("SELECT rate_limit_per_minute, allowed_origins FROM api_token").fetchone()
    assert row[0] == 120
    assert json.loads(row[1]) == ["https://kiruna.example", "https://sern.example"]


# Across app instances, in Redis.


async def test_two_instances_share_an_address_bucket_in_redis(open_app: Any, prefix: str) -> None:
    shared = {**TIGHT, "redis_url": REDIS_URL, "rate_limit_prefix": prefix, "response_cache": False}
    first = await open_app(**shared)
    second = await open_app(**shared)
    assert await statuses(first, 2) == [200, 200]
    assert await statuses(second, 1) == [200]
    assert_rate_limited(await second.post("/graphql", json=QUERY))
    assert_rate_limited(await first.post("/graphql", json=QUERY))
    redis = Redis.from_url(REDIS_URL)
    try:
        assert [key async for key in redis.scan_iter(match=f"{prefix}:a:*")] == [
            f"{prefix}:a:127.0.0.1".encode()
        ]
    finally:
        await redis.aclose()


async def test_two_instances_share_a_token_bucket_in_redis(
    open_app: Any, prefix: str, tokens: dict[str, dict[str, str]]
) -> None:
    shared = {**TIGHT, "redis_url": REDIS_URL, "rate_limit_prefix": prefix, "response_cache": False}
    first = await open_app(**shared)
    second = await open_app(**shared)
    assert await statuses(first, 1, tokens["slow"]) == [200]
    assert await statuses(second, 1, tokens["slow"]) == [200]
    assert_rate_limited(await first.post("/graphql", json=QUERY, headers=tokens["slow"]))


async def test_with_redis_unreachable_buckets_are_kept_in_memory(
    open_app: Any, caplog: pytest.LogCaptureFixture
) -> None:
    client = await open_app(**TIGHT, redis_url=UNREACHABLE_URL, response_cache=False)
    with caplog.at_level(logging.WARNING, logger="sern_graph.security.redis_buckets"):
        assert await statuses(client, 3) == [200, 200, 200]
        assert_rate_limited(await client.post("/graphql", json=QUERY))
    unreachable = [record for record in caplog.records if "unreachable" in record.getMessage()]
    assert len(unreachable) == 1


async def test_redis_buckets_fall_back_and_recover_by_themselves(
    prefix: str, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    buckets = RedisBuckets(REDIS_URL, prefix, retry_interval=0)
    rate = Rate(per_minute=60, burst=5)
    working = buckets._take

    async def unreachable(**_: Any) -> Any:
        raise RedisConnectionError("connection refused")

    try:
        with caplog.at_level(logging.WARNING, logger="sern_graph.security.redis_buckets"):
            assert (await buckets.take("k", rate)).allowed
            monkeypatch.setattr(buckets, "_take", unreachable)
            assert (await buckets.take("k", rate)).allowed
            assert (await buckets.take("k", rate)).allowed
            monkeypatch.setattr(buckets, "_take", working)
            assert (await buckets.take("k", rate)).allowed
        messages = [record.getMessage() for record in caplog.records]
        assert sum("unreachable" in message for message in messages) == 1
        assert any("reachable again" in message for message in messages)
        # Back in Redis: the bucket there counted the two requests Redis saw.
        redis = Redis.from_url(REDIS_URL)
        try:
            left = float(await redis.hget(f"{prefix}:k", "tokens") or 0)
        finally:
            await redis.aclose()
        assert 3 <= left < 3.5
    finally:
        await buckets.close()

"""The admin's sign-in state with several replicas: ended sessions and lock-outs in Redis are seen
by every app instance; with Redis unreachable, each instance still signs in and locks out alone."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from starlette.applications import Starlette
from starlette.routing import Mount

from sern_graph.accounts.models import Role, User
from sern_graph.admin import close_admin
from sern_graph.admin.shared_state import MemoryAdminStore, RedisAdminStore
from sern_graph.admin.throttle import FREE_FAILURES, SignInThrottle, lock_s
from sern_graph.app import create_app
from sern_graph.settings import Settings
from tests.admin_support import csrf_of, make_user, sign_in
from tests.redis_support import REDIS_URL, UNREACHABLE_URL, delete_keys, unique_prefix

WRONG = "not the password at all"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def prefix() -> AsyncIterator[str]:
    """A Redis key prefix of this test alone; its keys are deleted afterwards."""
    name = unique_prefix("admin")
    yield name
    await delete_keys(name)


@pytest.fixture
async def open_app(settings: Settings) -> AsyncIterator[Any]:
    """Opens apps (replicas) with one secret key and the settings changed by `update`, called from
    `address`; closes them and their Redis clients after."""
    opened: list[tuple[Starlette, httpx.AsyncClient]] = []

    async def opener(address: str = "127.0.0.1", **update: Any) -> httpx.AsyncClient:
        # Without the response cache and rate limits: their Redis clients would outlive the test.
        changed = settings.model_copy(
            update={"admin_secret_key": "same-key", "rate_limit": False, "response_cache": False, **update}
        )
        app = create_app(changed, manage_database=False)
        transport = httpx.ASGITransport(app=app, client=(address, 123))
        client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        opened.append((app, client))
        return client

    yield opener
    for app, client in opened:
        await client.aclose()
        await app.state.security.close()
        await close_admin(mounted_admin(app))


@pytest.fixture
async def editor(settings: Settings) -> AsyncIterator[User]:
    yield await make_user("test-admin-shared-editor", Role.EDITOR)
    await User.filter(username__startswith="test-admin-shared-").delete()


def mounted_admin(app: Starlette) -> Starlette:
    found = next(route.app for route in app.routes if isinstance(route, Mount) and route.name == "admin")
    assert isinstance(found, Starlette)
    return found


async def sign_out(client: httpx.AsyncClient) -> None:
    dashboard = await client.get("/admin/")
    response = await client.post("/admin/signout", data={"csrf_token": csrf_of(dashboard.text)})
    assert response.status_code == 303


# Two replicas sharing Redis.


async def test_a_session_ended_on_one_replica_is_refused_by_another(
    open_app: Any, prefix: str, editor: User
) -> None:
    first = await open_app(redis_url=REDIS_URL, admin_state_prefix=prefix)
    second = await open_app(redis_url=REDIS_URL, admin_state_prefix=prefix)
    assert (await sign_in(first, editor.username)).status_code == 303
    cookie = first.cookies.get("sern_admin_session")
    assert cookie
    second.cookies.set("sern_admin_session", cookie, path="/admin")
    assert (await second.get("/admin/")).status_code == 200  # the same key signs for both
    await sign_out(first)
    assert (await second.get("/admin/")).status_code == 303
    redis = Redis.from_url(REDIS_URL)
    ended = [key async for key in redis.scan_iter(match=f"{prefix}:ended:*")]
    ttls = [await redis.ttl(key) for key in ended]
    await redis.aclose()
    assert len(ttls) == 1
    assert 8 * 3600 - 60 < ttls[0] <= 8 * 3600  # the rest of the session's lifetime


async def test_failures_on_several_replicas_lock_the_username_together(
    open_app: Any, prefix: str, editor: User
) -> None:
    # Each from its own address, so only the username's count can lock.
    replicas = [
        await open_app(f"203.0.113.{number}", redis_url=REDIS_URL, admin_state_prefix=prefix)
        for number in range(FREE_FAILURES + 2)
    ]
    for attempt in range(FREE_FAILURES):
        assert (await sign_in(replicas[attempt], editor.username, WRONG)).status_code == 401
    for replica in replicas[FREE_FAILURES:]:
        locked = await sign_in(replica, editor.username)  # the right password, while locked
        assert locked.status_code == 429
        assert "Too many failed attempts" in locked.text


async def test_a_successful_sign_in_clears_the_shared_count(open_app: Any, prefix: str, editor: User) -> None:
    # Three replicas, each called from its own address (an address's count is not cleared).
    first, second, third = [
        await open_app(f"203.0.113.{number}", redis_url=REDIS_URL, admin_state_prefix=prefix)
        for number in range(3)
    ]
    for _ in range(FREE_FAILURES - 1):
        assert (await sign_in(first, editor.username, WRONG)).status_code == 401
    assert (await sign_in(second, editor.username)).status_code == 303
    for _ in range(FREE_FAILURES - 1):  # counted from zero again
        assert (await sign_in(third, editor.username, WRONG)).status_code == 401
    assert (await sign_in(third, editor.username)).status_code == 303


# Redis unreachable: each replica on its own.


async def test_sign_in_and_lock_out_work_with_redis_unreachable(
    open_app: Any, editor: User, caplog: pytest.LogCaptureFixture
) -> None:
    client = await open_app(redis_url=UNREACHABLE_URL)
    with caplog.at_level(logging.WARNING, logger="sern_graph.admin.shared_state"):
        assert (await sign_in(client, editor.username)).status_code == 303
        cookie = client.cookies.get("sern_admin_session")
        assert (await client.get("/admin/")).status_code == 200
        await sign_out(client)
        client.cookies.set("sern_admin_session", cookie or "", path="/admin")
        assert (await client.get("/admin/")).status_code == 303  # ended here, remembered here
        for _ in range(FREE_FAILURES):
            assert (await sign_in(client, editor.username, WRONG)).status_code == 401
        assert (await sign_in(client, editor.username)).status_code == 429
    warnings = [record for record in caplog.records if "Redis unreachable" in record.getMessage()]
    assert len(warnings) == 1


async def test_the_redis_store_answers_from_memory_until_redis_is_back(prefix: str) -> None:
    store = RedisAdminStore(UNREACHABLE_URL, prefix, retry_interval=0.0)
    try:
        await store.add_failure(["user:x"], 60)
        assert (await store.failures(["user:x"]))[0].count == 1
        await store.end_session("s1", 60)
        assert await store.session_ended("s1")
    finally:
        await store.close()
    store = RedisAdminStore(REDIS_URL, prefix)
    try:
        await store.add_failure(["user:x", "address:y"], 60)
        await store.add_failure(["user:x"], 60)
        found = await store.failures(["user:x", "address:y", "user:z"])
        assert [one.count for one in found] == [2, 1, 0]
        assert all(0 <= one.age < 5 for one in found)
        await store.forget_failures("user:x")
        assert (await store.failures(["user:x"]))[0].count == 0
        assert not await store.session_ended("s2")
        await store.end_session("s2", 60)
        assert await store.session_ended("s2")
    finally:
        await store.close()


# The memory store and the lock-out policy, on a clock the test moves.


async def test_the_lock_doubles_and_failures_are_forgotten() -> None:
    clock = Clock()
    throttle = SignInThrottle(MemoryAdminStore(clock))
    for _ in range(FREE_FAILURES):
        await throttle.failed("user:x")
    assert await throttle.locked_for("user:x", "address:y") == pytest.approx(lock_s(FREE_FAILURES))
    clock.now += lock_s(FREE_FAILURES)
    assert await throttle.locked_for("user:x") == 0
    await throttle.failed("user:x")
    assert await throttle.locked_for("user:x") == pytest.approx(2 * lock_s(FREE_FAILURES))
    clock.now += 3601
    assert await throttle.locked_for("user:x") == 0
    await throttle.failed("user:x")
    assert await throttle.locked_for("user:x") == 0  # counted from one again
    assert lock_s(10_000) == 15 * 60


async def test_the_memory_store_forgets_ended_sessions_when_they_expire() -> None:
    clock = Clock()
    store = MemoryAdminStore(clock)
    await store.end_session("s", 10)
    assert await store.session_ended("s")
    clock.now += 10
    assert not await store.session_ended("s")

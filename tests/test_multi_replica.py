"""Two replicas on loopback, as docker-compose.yml deploys them: two `sern-graph serve` processes on one
PostgreSQL database and one Redis (shared response cache, rate limits, admin state, content events).

A write through one replica must be visible through the other in the very next request, although
that replica had the answer in the shared cache a moment before; with readers on one replica while
the other writes, no read that started after a write returned shows an older value; Redis going
away and coming back serves nothing stale; a restart of a replica loses nothing and lets its
in-flight request finish. The PostgreSQL run of the suite runs this; the SQLite run skips
it (one SQLite file is not a deployment with replicas).
"""

from __future__ import annotations

import bisect
import os
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import orjson
import pytest
from redis.asyncio import Redis

from tests.databases import backend, drop_database, empty_database
from tests.live_server import Server, live_server, sern_graph_command
from tests.redis_support import REDIS_URL
from tests.tcp_proxy import ThreadedTcpProxy

CYCLES = 20
CONCURRENT_WRITES = 30
READERS = 3
THEME_SLUG = "test-replicas"

THEME_PAGE = """
query ThemePage($slug: String!) { theme(slug: $slug) { name } }
"""
THEME_LIST = "query ThemeList { themes(locale: EN) { slug name } }"
UPDATE = """
mutation Rename($input: UpdateThemeInput!) {
  updateTheme(input: $input) { theme { id version } userErrors { code field message } }
}
"""
PUBLISH = """
mutation Publish($input: ContentActionInput!) {
  publishTheme(input: $input) { theme { id version } userErrors { code field message } }
}
"""
CREATE = """
mutation Create($input: CreateThemeInput!) {
  createTheme(input: $input) { theme { id version } userErrors { code field message } }
}
"""

pytestmark = pytest.mark.skipif(
    backend() != "postgres", reason="replicas share a PostgreSQL database: the PostgreSQL run covers it"
)


@dataclass
class Tally:
    writes: int = 0
    cross_reads: int = 0
    warm_hits: int = 0
    stale: int = 0


@dataclass(frozen=True)
class Deployment:
    env: dict[str, str]
    directory: Path
    editor: dict[str, str]
    # The replicas reach Redis through it, so the test can take Redis away from them and back.
    redis: ThreadedTcpProxy


@pytest.fixture
async def deployment(tmp_path: Path) -> AsyncIterator[Deployment]:
    """A migrated, seeded database of its own (as the compose migrate job leaves it), Redis key
    prefixes of its own, and an editor token."""
    url = await empty_database("sern_replicas", tmp_path)
    proxy = ThreadedTcpProxy("127.0.0.1", 6379)
    proxy.start()
    prefix = f"test-replicas-{uuid.uuid4().hex[:10]}"
    env = {
        **os.environ,
        "SERN_DATABASE_URL": url,
        "SERN_REDIS_URL": proxy.url,
        "SERN_RESPONSE_CACHE_PREFIX": f"{prefix}:rc",
        "SERN_RATE_LIMIT_PREFIX": f"{prefix}:rl",
        "SERN_ADMIN_STATE_PREFIX": f"{prefix}:admin",
        "SERN_EVENTS_CHANNEL": f"{prefix}:events",
        "SERN_ADMIN_SECRET_KEY": uuid.uuid4().hex,
        "SERN_MIGRATE_ON_START": "false",
        "SERN_SEED_ON_START": "false",
        "SERN_SCHEDULER_INTERVAL": "0",
        "SERN_LOG_FORMAT": "json",
    }
    run(env, "migrate", "--seed-if-empty")
    created = run(env, "create-token", "--name", "test replicas editor", "--role", "editor")
    secret = created.strip().splitlines()[-1]
    yield Deployment(env=env, directory=tmp_path, editor={"Authorization": f"Bearer {secret}"}, redis=proxy)
    proxy.close()
    await drop_database("sern_replicas")
    client = Redis.from_url(REDIS_URL)
    keys = [key async for key in client.scan_iter(match=f"{prefix}:*")]
    if keys:
        await client.delete(*keys)
    await client.aclose()


def run(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(sern_graph_command(*args), env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def replica(deployment: Deployment, stack: ExitStack, name: str) -> Server:
    directory = deployment.directory / name
    directory.mkdir(exist_ok=True)
    return stack.enter_context(live_server(directory, deployment.env))


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client(trust_env=False, timeout=30.0) as client:
        yield client


def post(
    http: httpx.Client, server: Server, query: str, variables: dict[str, Any], headers: dict[str, str]
) -> tuple[dict[str, Any], httpx.Response]:
    response = http.post(
        f"{server.base_url}/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    return body["data"], response


def mutate(
    http: httpx.Client, server: Server, query: str, variables: dict[str, Any], editor: dict[str, str]
) -> Any:
    data, _ = post(http, server, query, variables, editor)
    (payload,) = data.values()
    assert payload["userErrors"] == [], payload
    return payload["theme"]


def rename(
    http: httpx.Client, server: Server, theme: dict[str, Any], name: str, editor: dict[str, str]
) -> Any:
    """An edit of a published theme waits in a draft; publishing it makes it public: two writes."""
    edited = mutate(
        http,
        server,
        UPDATE,
        {"input": {"id": theme["id"], "version": theme["version"], "name": {"en": name}}},
        editor,
    )
    return mutate(
        http, server, PUBLISH, {"input": {"id": edited["id"], "version": edited["version"]}}, editor
    )


def public_name(http: httpx.Client, server: Server) -> tuple[str | None, str, str | None]:
    """The theme's public name on the theme page and in the list, and the page's cache outcome."""
    page, response = post(http, server, THEME_PAGE, {"slug": THEME_SLUG}, {})
    listed, _ = post(http, server, THEME_LIST, {}, {})
    names = [theme["name"] for theme in listed["themes"] if theme["slug"] == THEME_SLUG]
    return (page["theme"] or {}).get("name"), response.headers["sern-cache"], names[0] if names else None


def test_writes_on_one_replica_are_read_on_the_other_at_once_and_a_restart_loses_nothing(
    deployment: Deployment, http: httpx.Client
) -> None:
    editor = deployment.editor
    tally = Tally()
    with ExitStack() as stack:
        a = replica(deployment, stack, "a")
        b_stack = stack.enter_context(ExitStack())
        b = replica(deployment, b_stack, "b")

        theme = mutate(
            http,
            a,
            CREATE,
            {"input": {"slug": THEME_SLUG, "name": {"en": "Replicas 0", "sv": "Repliker 0"}}},
            editor,
        )
        theme = mutate(http, a, PUBLISH, {"input": {"id": theme["id"], "version": theme["version"]}}, editor)
        tally.writes += 2

        for cycle in range(1, CYCLES + 1):
            writer, reader = (a, b) if cycle % 2 else (b, a)
            # The reader has the current answer in the shared cache before the write...
            public_name(http, reader)
            _, outcome, _ = public_name(http, reader)
            tally.warm_hits += outcome == "hit"
            expected = f"Replicas {cycle}"
            theme = rename(http, writer, theme, expected, editor)
            tally.writes += 2
            # ...and the very next request after the write returned reads the new one.
            page_name, _, listed_name = public_name(http, reader)
            tally.cross_reads += 2
            tally.stale += (page_name != expected) + (listed_name != expected)

        assert tally.warm_hits == CYCLES, "the reads before each write must come from the cache"
        assert tally.stale == 0, tally

        # Readers on B while A writes: no read that starts after a write has returned sees an older name.
        theme, concurrent = _read_while_writing(http, a, b, theme, editor)
        tally.writes += 2 * CONCURRENT_WRITES
        tally.cross_reads += concurrent.reads
        tally.stale += concurrent.stale
        assert concurrent.hits > 0, "some of the concurrent reads must come from the cache"
        assert concurrent.stale == 0, concurrent
        print(f"\nconcurrent phase: {concurrent}")

        # Every replica hears every other's content events over Redis (after the fact, as pub/sub does).
        _wait_for_remote_events(http, b, at_least=CYCLES + 2)

        # Redis goes away: both replicas keep serving and writing, uncached, and recover by themselves
        # without serving what the writes during the outage made stale.
        deployment.redis.cut()
        current = f"Concurrent {CONCURRENT_WRITES}"
        assert public_name(http, b) == (current, "bypass", current)
        theme = rename(http, a, theme, "Replicas during outage", editor)
        tally.writes += 2
        tally.stale += _stale_reads(http, b, "Replicas during outage", tally)
        deployment.redis.start()
        deadline = time.monotonic() + 30
        outcome = "bypass"
        while outcome != "hit" and time.monotonic() < deadline:
            tally.stale += _stale_reads(http, b, "Replicas during outage", tally)
            _, outcome, _ = public_name(http, b)
            time.sleep(0.1)
        assert outcome == "hit", "the replica must use the shared cache again once Redis is back"
        theme = rename(http, a, theme, f"Replicas {CYCLES}", editor)
        tally.writes += 2
        tally.stale += _stale_reads(http, b, f"Replicas {CYCLES}", tally)
        _wait_for_remote_events(http, b, at_least=CYCLES + 2 + 2)

        # B stops while a request is in flight: it finishes that request, then exits cleanly.
        in_flight = _start_slow_request(b)
        b.process.send_signal(signal.SIGTERM)
        time.sleep(0.5)
        assert b.process.poll() is None, "B must wait for its in-flight request"
        status, body = _finish_slow_request(in_flight)
        assert status == 200
        assert orjson.loads(body)["data"]["theme"]["name"] == f"Replicas {CYCLES}"
        # uvicorn re-raises the signal once it has shut down, so the exit status is SIGTERM's.
        assert b.process.wait(timeout=30) in {0, -signal.SIGTERM}
        assert "Application shutdown complete" in b.log.read_text()
        b_stack.close()

        # A write while B is down, then B again: nothing is lost, nothing stale is served.
        theme = rename(http, a, theme, "Replicas after restart", editor)
        tally.writes += 2
        b = replica(deployment, stack, "b-again")
        page_name, _, listed_name = public_name(http, b)
        tally.cross_reads += 2
        tally.stale += (page_name != "Replicas after restart") + (listed_name != "Replicas after restart")
        revisions, _ = post(
            http,
            b,
            "query R($slug: String!) { theme(slug: $slug) { version revisions { version } } }",
            {"slug": THEME_SLUG},
            editor,
        )
        assert revisions["theme"]["version"] == theme["version"]
        assert len(revisions["theme"]["revisions"]) == tally.writes

        # The replica logs JSON lines; the request id a client sends comes back and is on its lines.
        traced = http.get(f"{b.base_url}/readyz", headers={"X-Request-ID": "trace-me-42"})
        assert traced.headers["x-request-id"] == "trace-me-42"
        access = _log_lines_of(b, "trace-me-42")
        assert [(line["logger"], line["path"], line["status"]) for line in access] == [
            ("sern_graph.access", "/readyz", 200)
        ]

    assert tally.stale == 0, tally
    print(
        f"\nmulti-replica: {tally.writes} writes, {tally.cross_reads} cross-replica reads, "
        f"{tally.stale} stale"
    )


@dataclass
class Concurrent:
    reads: int = 0
    hits: int = 0
    stale: int = 0


def _read_while_writing(
    http: httpx.Client, writer: Server, reader: Server, theme: dict[str, Any], editor: dict[str, str]
) -> tuple[dict[str, Any], Concurrent]:
    """Renames the theme CONCURRENT_WRITES times through `writer` while READERS threads read it
    through `reader`; a read is stale when it started after write k had returned but shows less."""
    returned_at: list[float] = []
    observations: list[tuple[float, int, str]] = []
    stop = threading.Event()

    def read() -> None:
        with httpx.Client(trust_env=False, timeout=30.0) as client:
            while not stop.is_set():
                started = time.monotonic()
                page, response = post(client, reader, THEME_PAGE, {"slug": THEME_SLUG}, {})
                name = page["theme"]["name"]
                seen = int(name.removeprefix("Concurrent ")) if name.startswith("Concurrent ") else 0
                observations.append((started, seen, response.headers["sern-cache"]))

    threads = [threading.Thread(target=read) for _ in range(READERS)]
    for thread in threads:
        thread.start()
    try:
        for number in range(1, CONCURRENT_WRITES + 1):
            theme = rename(http, writer, theme, f"Concurrent {number}", editor)
            returned_at.append(time.monotonic())
            time.sleep(0.05)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    result = Concurrent(reads=len(observations))
    for started, seen, outcome in observations:
        result.hits += outcome == "hit"
        result.stale += seen < bisect.bisect_right(returned_at, started)
    return theme, result


def _log_lines_of(server: Server, request_id: str) -> list[dict[str, Any]]:
    """The server's JSON log lines with `request_id` (the access line is written after the response)."""
    deadline = time.monotonic() + 5
    while True:
        text = server.log.read_text()
        lines = [orjson.loads(line) for line in text.splitlines() if line.startswith("{")]
        found = [line for line in lines if line.get("request_id") == request_id]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


def _stale_reads(http: httpx.Client, server: Server, expected: str, tally: Tally) -> int:
    page_name, _, listed_name = public_name(http, server)
    tally.cross_reads += 2
    return (page_name != expected) + (listed_name != expected)


def _wait_for_remote_events(http: httpx.Client, server: Server, at_least: int) -> None:
    deadline = time.monotonic() + 10
    received = 0.0
    while time.monotonic() < deadline:
        text = http.get(f"{server.base_url}/metrics").text
        received = sum(
            float(line.rsplit(" ", 1)[1])
            for line in text.splitlines()
            if line.startswith("sern_content_events_total{") and 'origin="remote"' in line
        )
        if received >= at_least:
            return
        time.sleep(0.1)
    pytest.fail(f"replica heard {received:.0f} of at least {at_least} remote content events")


def _start_slow_request(server: Server) -> tuple[socket.socket, bytes]:
    """A request whose body is only half sent: in flight until the rest arrives."""
    body = orjson.dumps({"query": THEME_PAGE, "variables": {"slug": THEME_SLUG}})
    host, port = server.base_url.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=30)
    head = (
        f"POST /graphql HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    half = len(body) // 2
    connection.sendall(head + body[:half])
    time.sleep(0.3)  # uvicorn has read the head: the request is in flight
    return connection, body[half:]


def _finish_slow_request(in_flight: tuple[socket.socket, bytes]) -> tuple[int, bytes]:
    connection, rest = in_flight
    with connection:
        connection.sendall(rest)
        received = b""
        while chunk := connection.recv(65536):
            received += chunk
    head, _, payload = received.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if b"transfer-encoding: chunked" in head.lower():
        payload = _unchunk(payload)
    return status, payload


def _unchunk(data: bytes) -> bytes:
    out = b""
    while data:
        size_line, _, data = data.partition(b"\r\n")
        size = int(size_line, 16)
        if size == 0:
            break
        out, data = out + data[:size], data[size + 2 :]
    return out

"""/healthz answers while the process runs; /readyz while the database answers and has had every
migration the package ships."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
from tortoise.context import TortoiseContext

from sern_graph import db
from sern_graph.app import create_app
from sern_graph.settings import Settings
from tests.databases import POSTGRES_SERVER, backend, drop_database, empty_database
from tests.migrations_support import migrate_first, migrate_rest
from tests.sql_counter import count_statements

READY = {"status": "ok", "database": "ok", "migrations": "ok"}


@asynccontextmanager
async def app_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A client of a new app (a readiness verdict of its own) on the current tortoise context."""
    transport = httpx.ASGITransport(app=create_app(settings, manage_database=False))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def assert_no_leak(response: httpx.Response) -> None:
    for secret in ("Traceback", "SELECT", "aerich", "sqlite", "postgres", "Error"):
        assert secret not in response.text, response.text


async def test_healthz_is_ok(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_ok_on_the_migrated_database(client: httpx.AsyncClient) -> None:
    response = await client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == READY


async def test_readyz_once_ready_sends_one_statement(settings: Settings) -> None:
    async with app_client(settings) as client:
        assert (await client.get("/readyz")).status_code == 200
        with count_statements() as statements:
            response = await client.get("/readyz")

    assert response.json() == READY
    # The log line is the statement and its parameters.
    assert [statement.split(":")[0] for statement in statements] == ["SELECT 1"]


async def test_readyz_lists_pending_migrations_until_they_are_applied(tmp_path: Path) -> None:
    shipped = db.shipped_migrations()
    settings = Settings(database_url=await empty_database("sern_graph_readiness", tmp_path))
    try:
        # A context of its own: the session database is never touched.
        async with TortoiseContext() as context, app_client(settings) as client:
            await context.init(config=db.tortoise_config(settings))
            empty = await client.get("/readyz")
            await migrate_first(settings, 2, tmp_path)
            partly = await client.get("/readyz")
            partly_again = await client.get("/readyz")
            await migrate_rest(settings)
            migrated = await client.get("/readyz")
    finally:
        await drop_database("sern_graph_readiness")

    assert len(shipped) > 2
    assert empty.status_code == 503
    assert empty.json() == {"status": "unavailable", "database": "ok", "migrations": {"pending": shipped}}
    assert partly.status_code == partly_again.status_code == 503
    assert partly.json() == partly_again.json()
    assert partly.json()["migrations"] == {"pending": shipped[2:]}
    assert_no_leak(partly)
    assert migrated.status_code == 200
    assert migrated.json() == READY


async def test_readyz_is_unavailable_when_the_database_is_unreachable(tmp_path: Path) -> None:
    if backend() == "sqlite":
        url = f"sqlite://{tmp_path}/no-such-directory/sern.db"
    else:
        url = f"{POSTGRES_SERVER}/sern_graph_no_such_database"
    settings = Settings(database_url=url)
    async with TortoiseContext() as context, app_client(settings) as client:
        await context.init(config=db.tortoise_config(settings))
        response = await client.get("/readyz")
        alive = await client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable"}
    assert_no_leak(response)
    assert alive.status_code == 200

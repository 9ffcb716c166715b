"""Pooled PostgreSQL connections go back to the pool without a session-reset round trip."""

from __future__ import annotations

import pytest
from tortoise import Tortoise

from sern_graph.settings import Settings


async def test_returning_a_connection_sends_no_reset_statements(settings: Settings) -> None:
    if not settings.database_url.startswith("postgres"):
        pytest.skip("asyncpg's pool (PostgreSQL) resets sessions; SQLite has no pool")
    client = Tortoise.get_connection("default")
    await client.execute_query("SELECT 1")
    pool = client._pool  # type: ignore[attr-defined]
    sent: list[str] = []
    connection = await pool.acquire()
    connection.add_query_logger(lambda record: sent.append(record.query))
    await connection.fetch("SELECT 2")
    await pool.release(connection)
    assert sent == ["SELECT 2"]
    assert pool._maxsize == settings.database_pool_max


async def test_a_transaction_left_open_is_still_rolled_back_on_release(settings: Settings) -> None:
    if not settings.database_url.startswith("postgres"):
        pytest.skip("PostgreSQL only")
    pool = Tortoise.get_connection("default")._pool  # type: ignore[attr-defined]
    connection = await pool.acquire()
    underlying = connection._con  # the proxy refuses calls once released
    await connection.execute("BEGIN")
    assert underlying.is_in_transaction()
    await pool.release(connection)
    assert not underlying.is_in_transaction()

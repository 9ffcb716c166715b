"""Database connections in use, read from the tortoise connection whenever /metrics is scraped."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from tortoise import Tortoise
from tortoise.backends.asyncpg.client import AsyncpgDBClient
from tortoise.backends.sqlite.client import SqliteClient
from tortoise.exceptions import ConfigurationError


class DatabasePoolCollector(Collector):
    """PostgreSQL: asyncpg's pool (open, idle and most connections). SQLite: its one connection,
    idle unless a statement or a transaction holds it."""

    def collect(self) -> Iterable[Metric]:
        sizes = _pool_sizes()
        if sizes is None:
            return
        size, idle, maximum = sizes
        yield GaugeMetricFamily("sern_db_pool_connections", "Database connections open.", value=size)
        yield GaugeMetricFamily(
            "sern_db_pool_idle_connections", "Open database connections not in use.", value=idle
        )
        yield GaugeMetricFamily(
            "sern_db_pool_max_connections", "Most database connections the pool opens.", value=maximum
        )


def _pool_sizes() -> tuple[int, int, int] | None:
    try:
        connection = Tortoise.get_connection("default")
    except (ConfigurationError, KeyError, RuntimeError):
        return None
    if isinstance(connection, AsyncpgDBClient):
        pool = getattr(connection, "_pool", None)
        if pool is None:
            return None
        return pool.get_size(), pool.get_idle_size(), pool.get_max_size()
    if isinstance(connection, SqliteClient):
        if connection._connection is None:
            return 0, 0, 1
        return 1, 0 if connection._lock.locked() else 1, 1
    return None

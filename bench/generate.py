"""The benchmark databases: generated once per scale through the models, then reused."""

from __future__ import annotations

import os
import time
from pathlib import Path

import asyncpg
from tortoise.context import TortoiseContext

from sern_graph import db
from sern_graph.seed.loader import seed
from sern_graph.seed.synthetic import SyntheticCounts, generate
from sern_graph.settings import Settings

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = BENCH_DIR / "data"
POSTGRES_SERVER = os.environ.get("SERN_BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
POSTGRES_DATABASE = "sern_bench"
# Bump when the generator's output changes, so stale benchmark databases are rebuilt.
GENERATOR_VERSION = 1


def marker(scale: float) -> str:
    return f"sern-bench generator={GENERATOR_VERSION} scale={scale:g}"


def sqlite_path(scale: float) -> Path:
    return DATA_DIR / f"sern_bench-scale{scale:g}.db"


def database_url(database: str, scale: float, *, name: str = POSTGRES_DATABASE) -> str:
    if database == "sqlite":
        return f"sqlite://{sqlite_path(scale)}"
    return f"{POSTGRES_SERVER}/{name}"


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


async def fill(url: str, scale: float) -> None:
    """Migrates an empty database, loads the SERN data and the synthetic network at `scale`."""
    settings = Settings(database_url=url)
    # A context of its own (like db.migrate, without the global fallback): safe inside a test run.
    async with TortoiseContext() as context:
        await context.init(config=db.tortoise_config(settings))
        command = db.migration_command(settings)
        await command.init()
        await command.upgrade(run_in_transaction=True)
        await seed()
        await generate(SyntheticCounts.at_scale(scale))


async def _postgres_marker(server: asyncpg.Connection, name: str) -> str | None:
    value = await server.fetchval(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1", name
    )
    return str(value) if value is not None else None


async def ensure(database: str, scale: float, *, name: str = POSTGRES_DATABASE) -> tuple[str, float]:
    """The URL of the database at `scale`, generated unless it is there already; seconds spent."""
    started = time.perf_counter()
    if database == "sqlite":
        path = sqlite_path(scale)
        if not path.exists():
            DATA_DIR.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(path.name + ".partial.db")
            _remove_sqlite(partial)
            await fill(f"sqlite://{partial}", scale)
            partial.rename(path)  # only a complete database gets the final name
        return database_url("sqlite", scale), time.perf_counter() - started
    server = await asyncpg.connect(f"{POSTGRES_SERVER}/postgres")
    try:
        if await _postgres_marker(server, name) != marker(scale):
            await server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await server.execute(f'CREATE DATABASE "{name}"')
            await fill(database_url("postgres", scale, name=name), scale)
            await server.execute(f"COMMENT ON DATABASE \"{name}\" IS '{marker(scale)}'")
            # Fresh statistics, so the planner sees the generated sizes.
            connection = await asyncpg.connect(database_url("postgres", scale, name=name))
            try:
                await connection.execute("ANALYZE")
            finally:
                await connection.close()
    finally:
        await server.close()
    return database_url("postgres", scale, name=name), time.perf_counter() - started

"""Tortoise configuration and connection lifecycle."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aerich import Command
from tortoise import Tortoise
from tortoise.exceptions import OperationalError

from sern_graph import sqlite_snapshot
from sern_graph.response_cache.engines import observed_connection
from sern_graph.settings import Settings

MODEL_MODULES = [
    "sern_graph.content.models",
    "sern_graph.geography.models",
    "sern_graph.themes.models",
    "sern_graph.organisations.models",
    "sern_graph.people.models",
    "sern_graph.projects.models",
    "sern_graph.events.models",
    "sern_graph.accounts.models",
    "sern_graph.persisted.models",
]


def tortoise_config(settings: Settings, *, with_migrations: bool = True) -> dict[str, Any]:
    """The tortoise config dict; aerich reads the same one, so its models list includes aerich's."""
    models = [*MODEL_MODULES, "aerich.models"] if with_migrations else list(MODEL_MODULES)
    return {
        "connections": {"default": settings.database_url},
        "apps": {"models": {"models": models, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


async def connect(settings: Settings) -> None:
    config = tortoise_config(settings)
    # Every statement passes the response cache's recorder, which notes what each response read.
    connection = observed_connection(settings.database_url)
    if connection["engine"].endswith(".asyncpg"):
        connection["credentials"].update(
            minsize=settings.database_pool_min, maxsize=settings.database_pool_max, reset=keep_session
        )
    config["connections"]["default"] = connection
    # The global fallback lets request tasks use the connections the lifespan task opened.
    await Tortoise.init(config=config, _enable_global_fallback=True)


async def keep_session(_: object) -> None:
    """asyncpg's pool resets a connection's session whenever it is returned (advisory locks,
    cursors, LISTEN, settings): one more round trip after every query tortoise sends. We use none of
    those; asyncpg still rolls back a transaction left open before it calls this."""


async def disconnect() -> None:
    await Tortoise.close_connections()


def dialect() -> str:
    """'sqlite' or 'postgres': the few SQL fragments that differ are chosen by it."""
    return str(Tortoise.get_connection("default").capabilities.dialect)


MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def migration_command(settings: Settings, location: Path = MIGRATIONS_DIR) -> Command:
    return Command(tortoise_config(settings), app="models", location=str(location))


def shipped_migrations(location: Path = MIGRATIONS_DIR) -> list[str]:
    """This package's migration files in the order aerich applies them, named as it records them."""
    names = [path.name for path in (location / "models").glob("*.py")]
    versions = [name for name in names if "_" in name and name.split("_", 1)[0].isdigit()]
    return sorted(versions, key=lambda name: int(name.split("_", 1)[0]))


async def pending_migrations(location: Path = MIGRATIONS_DIR) -> list[str]:
    """The shipped migrations the connected database has no record of in aerich's table, in order."""
    try:
        # "models": the app `migration_command` migrates.
        rows = await Tortoise.get_connection("default").execute_query_dict(
            """SELECT "version" FROM "aerich" WHERE "app" = 'models'"""
        )
    except OperationalError:  # No aerich table: the first migration, which creates it, has not run.
        rows = []
    applied = {row["version"] for row in rows}
    return [name for name in shipped_migrations(location) if name not in applied]


async def migrate(settings: Settings, location: Path = MIGRATIONS_DIR) -> list[str]:
    """Applies the migrations the database has not had yet; returns their file names. A failed
    migration leaves the database as it was (PostgreSQL's transaction; a copy for SQLite)."""
    database_file = sqlite_snapshot.sqlite_file(settings.database_url)
    snapshot = None
    failed = False
    # Not `async with Command(...)`: its enter and init would each set up tortoise once more.
    await connect(settings)
    try:
        command = migration_command(settings, location)
        if database_file is not None and await pending_migrations(location):
            snapshot = sqlite_snapshot.take(database_file)
        await command.init()
        return await command.upgrade(run_in_transaction=True)
    except BaseException:
        failed = True
        raise
    finally:
        await disconnect()
        if snapshot is not None and database_file is not None:
            if failed:
                sqlite_snapshot.restore(snapshot, database_file)
            else:
                snapshot.unlink()

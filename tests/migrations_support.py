"""Throwaway databases migrated part of the way: only the first migrations, later the rest."""

from __future__ import annotations

import shutil
from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from sern_graph import db
from sern_graph.settings import Settings


async def migrate_first(settings: Settings, count: int, directory: Path) -> list[str]:
    """Applies the first `count` shipped migrations only (aerich on a folder holding copies of
    them), in the current tortoise context; returns their names."""
    location = directory / "first_migrations"
    (location / "models").mkdir(parents=True)
    for name in db.shipped_migrations()[:count]:
        shutil.copy(db.MIGRATIONS_DIR / "models" / name, location / "models" / name)
    command = Command(db.tortoise_config(settings), app="models", location=str(location))
    await command.init()
    applied: list[str] = await command.upgrade(run_in_transaction=True)
    return applied


async def migrate_rest(settings: Settings) -> list[str]:
    """Applies every shipped migration not applied yet, in the current tortoise context."""
    command = db.migration_command(settings)
    await command.init()
    applied: list[str] = await command.upgrade(run_in_transaction=True)
    return applied


async def table_columns() -> dict[str, list[str]]:
    """Every table of the connected database (aerich's included) with its columns, in order."""
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect == "sqlite":
        rows = await connection.execute_query_dict(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        return {
            row["name"]: [
                column["name"]
                for column in await connection.execute_query_dict(f'PRAGMA table_info("{row["name"]}")')
            ]
            for row in rows
        }
    columns: dict[str, list[str]] = {}
    for row in await connection.execute_query_dict(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = 'public' ORDER BY table_name, ordinal_position"
    ):
        columns.setdefault(row["table_name"], []).append(row["column_name"])
    return columns

"""Which database the suite runs against (SERN_TEST_DATABASE=sqlite|postgres), made empty."""

from __future__ import annotations

import os
from pathlib import Path

import asyncpg

POSTGRES_SERVER = os.environ.get("SERN_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


def backend() -> str:
    name = os.environ.get("SERN_TEST_DATABASE", "sqlite")
    if name not in {"sqlite", "postgres"}:
        raise RuntimeError(f"SERN_TEST_DATABASE must be sqlite or postgres, not {name!r}")
    return name


def unique(name: str) -> str:
    """Per test run, so runs side by side on one server (developers, CI) never share a database."""
    return f"{name}_{os.getpid()}"


async def empty_database(name: str, directory: Path) -> str:
    """A URL of an empty database called `name` (made unique to this run) on the chosen backend."""
    name = unique(name)
    if backend() == "sqlite":
        path = directory / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        return f"sqlite://{path}"
    server = await asyncpg.connect(f"{POSTGRES_SERVER}/postgres")
    try:
        await server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await server.execute(f'CREATE DATABASE "{name}"')
    finally:
        await server.close()
    return f"{POSTGRES_SERVER}/{name}"


async def drop_database(name: str) -> None:
    """Removes a PostgreSQL database `empty_database` made (SQLite files go with the temp dir)."""
    if backend() != "postgres":
        return
    server = await asyncpg.connect(f"{POSTGRES_SERVER}/postgres")
    try:
        await server.execute(f'DROP DATABASE IF EXISTS "{unique(name)}" WITH (FORCE)')
    finally:
        await server.close()

"""A copy of an SQLite database taken before migrating it, put back if the migration fails.

SQLite runs most DDL in transactions, but tortoise hands a migration's script to `executescript`,
which commits whatever is open first and then runs the statements one by one: a migration that
fails half-way leaves its first statements applied and is not recorded, so running it again fails
too. PostgreSQL rolls a failed migration back whole; for SQLite this copy does the same. SQLite's
backup API copies a consistent state (WAL included) while other connections are open.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tortoise.backends.base.config_generator import expand_db_url


def sqlite_file(database_url: str) -> Path | None:
    """The database file of an SQLite URL; None for PostgreSQL and in-memory databases."""
    config = expand_db_url(database_url)
    if not config["engine"].endswith("sqlite"):
        return None
    path = str(config["credentials"]["file_path"])
    return None if path == ":memory:" else Path(path)


def take(database: Path) -> Path | None:
    """Copies `database` next to itself; None when there is no file yet (nothing to restore)."""
    if not database.exists():
        return None
    snapshot = database.with_name(database.name + ".before-migration")
    _copy(database, snapshot)
    return snapshot


def restore(snapshot: Path, database: Path) -> None:
    """Puts the copy back (no other connection may be open) and removes it."""
    _copy(snapshot, database)
    snapshot.unlink()


def _copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as reading, sqlite3.connect(target) as writing:
        reading.backup(writing)
    reading.close()
    writing.close()

"""A migration that fails half-way leaves the database as it was, on both databases: PostgreSQL
rolls its transaction back; on SQLite, whose migration scripts commit statement by statement,
`db.migrate` puts back the copy it took before (sern_graph/sqlite_snapshot.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tortoise import Tortoise
from tortoise.context import TortoiseContext

from sern_graph import db
from sern_graph.settings import Settings
from tests.databases import drop_database, empty_database
from tests.migrations_support import table_columns

# A first statement that works, then one that cannot: half a migration.
BROKEN = '''
from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "theme" ADD "half_done" INT;
        ALTER TABLE "no_such_table" ADD "never" INT;"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return ""
'''


async def database_state() -> tuple[dict[str, list[str]], list[str], int]:
    rows = await Tortoise.get_connection("default").execute_query_dict(
        """SELECT "version" FROM "aerich" ORDER BY "id\""""
    )
    (count,) = await Tortoise.get_connection("default").execute_query_dict(
        'SELECT COUNT(*) AS n FROM "theme"'
    )
    return await table_columns(), [row["version"] for row in rows], int(count["n"])


async def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    url = await empty_database("sern_failed_migration", tmp_path)
    settings = Settings(database_url=url)
    location = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR / "models", location / "models")
    try:
        async with TortoiseContext():
            await db.migrate(settings)
            await db.connect(settings)
            await Tortoise.get_connection("default").execute_query(
                """INSERT INTO "theme" ("slug", "name_en", "state", "version", "created_at",
                "updated_at", "sources")
                VALUES ('test-kept', 'Kept', 'draft', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '[]')"""
            )
            before = await database_state()
            await db.disconnect()

            (location / "models" / "99_20990101000000_broken.py").write_text(BROKEN, encoding="utf-8")
            with pytest.raises(Exception, match="no_such_table"):
                await db.migrate(settings, location)

            await db.connect(settings)
            after = await database_state()
            await db.disconnect()
        assert "half_done" not in after[0]["theme"]
        assert after == before
        assert before[2] == 1
        assert not list(tmp_path.glob("*.before-migration"))
    finally:
        await drop_database("sern_failed_migration")

"""A migration that fails half-way leaves the database as it was, on both databases: PostgreSQL
rolls its transaction back; on SQLite, whose migration scripts commit statement by statement,
`db.migrate` puts back the copy it took before (sern_graph/sqlite_snapshot.py).

`db.migrate` sets up tortoise's global context, which the suite's own connection holds: it runs in
a child process, as `sern-graph migrate` does."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from sern_graph import db
from tests.databases import drop_database, empty_database

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

# In the child: migrate with the migrations in argv[2] (or add a theme), then print the state.
CHILD = r"""
import asyncio, json, sys
from pathlib import Path
from tortoise import Tortoise
from sern_graph import db
from sern_graph.settings import Settings

async def main(url, location, action):
    settings = Settings(database_url=url)
    outcome = "ok"
    if action == "migrate":
        try:
            await db.migrate(settings, Path(location))
        except Exception as error:
            outcome = f"failed: {error}"
    await db.connect(settings)
    connection = Tortoise.get_connection("default")
    if action == "add-theme":
        await connection.execute_query(
            "INSERT INTO theme (slug, name_en, state, version, created_at, updated_at, sources) "
            "VALUES ('test-kept', 'Kept', 'draft', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '[]')"
        )
    if db.dialect() == "sqlite":
        columns = [row["name"] for row in await connection.execute_query_dict('PRAGMA table_info("theme")')]
    else:
        columns = [row["column_name"] for row in await connection.execute_query_dict(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'theme' "
            "ORDER BY ordinal_position")]
    versions = [row["version"] for row in await connection.execute_query_dict(
        'SELECT "version" FROM "aerich" ORDER BY "id"')]
    (count,) = await connection.execute_query_dict('SELECT COUNT(*) AS n FROM "theme"')
    await db.disconnect()
    state = {"outcome": outcome, "columns": columns, "versions": versions, "themes": int(count["n"])}
    print(json.dumps(state))

asyncio.run(main(*sys.argv[1:4]))
"""


def child(url: str, location: Path, action: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, url, str(location), action],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    state: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return state


async def test_a_failed_migration_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    url = await empty_database("sern_failed_migration", tmp_path)
    location = tmp_path / "migrations"
    shutil.copytree(db.MIGRATIONS_DIR / "models", location / "models")
    try:
        assert child(url, location, "migrate")["outcome"] == "ok"
        before = child(url, location, "add-theme")
        assert before["themes"] == 1

        (location / "models" / "99_20990101000000_broken.py").write_text(BROKEN, encoding="utf-8")
        after = child(url, location, "migrate")

        assert after["outcome"].startswith("failed")
        assert "no_such_table" in after["outcome"]
        assert "half_done" not in after["columns"]
        assert {**after, "outcome": "ok"} == {**before, "outcome": "ok"}
        assert not list(tmp_path.glob("*.before-migration"))
    finally:
        await drop_database("sern_failed_migration")

"""Writes a new aerich migration that carries SQL for both SQLite and PostgreSQL.

aerich writes a migration's SQL for the dialect it runs against. This script lets aerich diff the
models against the last migration twice, once per dialect, each in a scratch copy of the
migrations folder, and writes one file whose `upgrade`/`downgrade` pick the SQL by dialect.

Usage: .venv/bin/python scripts/make_migration.py NAME [--postgres postgres://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from aerich import Command
from tortoise import Tortoise

from sern_graph.db import MIGRATIONS_DIR, tortoise_config
from sern_graph.settings import Settings

FUNCTION = re.compile(
    r'async def (upgrade|downgrade)\(db: BaseDBAsyncClient\) -> str:\n    return """(.*?)"""', re.S
)


def generate(name: str, database_url: str, scratch: Path) -> str | None:
    """Runs aerich in a process of its own: its state is class-level and keeps the first dialect."""
    shutil.copytree(MIGRATIONS_DIR, scratch, dirs_exist_ok=True)
    before = set((scratch / "models").glob("*.py"))
    subprocess.run([sys.executable, __file__, "--aerich", database_url, str(scratch), name], check=True)
    created = set((scratch / "models").glob("*.py")) - before
    return created.pop().read_text(encoding="utf-8") if created else None


async def run_aerich(name: str, database_url: str, scratch: Path) -> None:
    config = tortoise_config(Settings(database_url=database_url))
    command = Command(config, app="models", location=str(scratch))
    await Tortoise.init(config=config, _enable_global_fallback=True)
    try:
        await command.init(offline=True)
        await command.migrate(name, no_input=True, offline=True)
    finally:
        await Tortoise.close_connections()


def bodies(text: str) -> dict[str, str]:
    return {match.group(1): match.group(2) for match in FUNCTION.finditer(text)}


def main() -> None:
    if sys.argv[1:2] == ["--aerich"]:
        database_url, scratch, name = sys.argv[2:5]
        asyncio.run(run_aerich(name, database_url, Path(scratch)))
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("name")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/test")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as sqlite_dir, tempfile.TemporaryDirectory() as postgres_dir:
        sqlite_text = generate(arguments.name, "sqlite://:memory:", Path(sqlite_dir))
        postgres_text = generate(arguments.name, arguments.postgres, Path(postgres_dir))
        created = sorted((Path(sqlite_dir) / "models").glob("*.py"))[-1].name if sqlite_text else None
    if sqlite_text is None or postgres_text is None or created is None:
        print("No changes: the models match the last migration.")
        return
    sqlite, postgres = bodies(sqlite_text), bodies(postgres_text)
    state = sqlite_text[sqlite_text.index("MODELS_STATE = (") :]
    text = f'''"""Migration `{arguments.name}` for SQLite and PostgreSQL, by scripts/make_migration.py."""

from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_UPGRADE if db.capabilities.dialect == "postgres" else SQLITE_UPGRADE


async def downgrade(db: BaseDBAsyncClient) -> str:
    return POSTGRES_DOWNGRADE if db.capabilities.dialect == "postgres" else SQLITE_DOWNGRADE


SQLITE_UPGRADE = r"""{sqlite["upgrade"]}"""

SQLITE_DOWNGRADE = r"""{sqlite["downgrade"]}"""

POSTGRES_UPGRADE = r"""{postgres["upgrade"]}"""

POSTGRES_DOWNGRADE = r"""{postgres["downgrade"]}"""

'''
    target = MIGRATIONS_DIR / "models" / created
    target.write_text(text + state, encoding="utf-8")
    print(f"Wrote {target}")


if __name__ == "__main__":
    main()

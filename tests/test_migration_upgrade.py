"""Upgrading keeps the data: a database that holds the SERN dataset at the first migration, brought
to the latest with `sern-graph migrate`, has every row and every value it had, and is served.

The dataset is loaded by the current seed loader into a scratch database of the current schema;
its rows go into the first migration's schema through SQL, restricted to the columns that schema
has. A later migration that renames or drops a column will make this test say which one: map it
here, as the migration maps the data.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import httpx
from tortoise import Tortoise
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from sern_graph import db
from sern_graph.app import create_app
from sern_graph.backup.tables import backup_tables
from sern_graph.organisations.models import Organisation
from sern_graph.people.models import Person
from sern_graph.seed.loader import seed
from sern_graph.settings import Settings
from tests.databases import drop_database, empty_database
from tests.migrations_support import migrate_first, migrate_rest, table_columns

Row = dict[str, Any]
# A table's rows by primary key (`id`); rows of link tables, which have none, by all their values.
Snapshot = dict[str, dict[object, Row]]

COUNTS = """{
  countries { code }
  organisations(first: 1) { totalCount }
  people(first: 1) { totalCount }
  projects(first: 1) { totalCount }
  events(first: 1) { totalCount }
}"""


class Dataset:
    """The seeded rows of every table of the current schema, in an order that keeps foreign keys
    valid, with the columns that point at their own table (filled in once all rows are in)."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.self_references: dict[str, list[str]] = {}
        self.rows: dict[str, list[Row]] = {}

    async def load(self, settings: Settings) -> None:
        async with TortoiseContext():
            await migrate_rest(settings)
            await seed()
            tables = backup_tables()
            self.order = [table.name for table in tables.models] + [link.name for link in tables.links]
            self.self_references = {table.name: table.self_references() for table in tables.models}
            connection = Tortoise.get_connection("default")
            for name in self.order:
                self.rows[name] = await connection.execute_query_dict(f'SELECT * FROM "{name}"')


async def insert_rows(dataset: Dataset, columns: dict[str, list[str]]) -> None:
    """Writes the dataset into the connected database, each table restricted to `columns`."""
    async with in_transaction() as connection:
        postgres = connection.capabilities.dialect == "postgres"
        for name in dataset.order:
            if name not in columns:
                continue
            names = columns[name]
            rows = dataset.rows[name]
            unknown = set(names) - set(rows[0]) if rows else set()
            assert not unknown, f"{name}: columns the current schema lacks: {sorted(unknown)}"
            later = [column for column in dataset.self_references.get(name, []) if column in names]
            marks = [f"${number}" if postgres else "?" for number in range(1, len(names) + 1)]
            quoted = ", ".join(f'"{column}"' for column in names)
            insert = f'INSERT INTO "{name}" ({quoted}) VALUES ({", ".join(marks)})'
            for row in rows:
                await connection.execute_query(
                    insert, [None if column in later else row[column] for column in names]
                )
            for column in later:
                update = f'UPDATE "{name}" SET "{column}" = {marks[0]} WHERE "id" = {marks[1]}'
                for row in rows:
                    if row[column] is not None:
                        await connection.execute_query(update, [row[column], row["id"]])


async def snapshot(columns: dict[str, list[str]]) -> Snapshot:
    connection = Tortoise.get_connection("default")
    tables: Snapshot = {}
    for name, names in columns.items():
        selected = ", ".join(f'"{column}"' for column in names)
        tables[name] = keyed(await connection.execute_query_dict(f'SELECT {selected} FROM "{name}"'), names)
    return tables


def keyed(rows: list[Row], names: list[str]) -> dict[object, Row]:
    """`rows` restricted to the columns `names`, by primary key (link tables: by all their values)."""
    restricted = [{column: row[column] for column in names} for row in rows]
    return {row["id"] if "id" in row else tuple(row.values()): row for row in restricted}


async def sern_graph_migrate(url: str) -> str:
    """`sern-graph migrate` on `url`, as the deployment's migrate job runs it; returns its output."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "sern_graph",
        "migrate",
        env={**os.environ, "SERN_DATABASE_URL": url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode == 0, stderr.decode()
    return stdout.decode()


def published(rows: dict[object, Row]) -> list[Row]:
    return [row for row in rows.values() if row["state"] == "published"]


async def test_upgrade_from_the_first_migration_keeps_every_row(tmp_path: Path) -> None:
    shipped = db.shipped_migrations()
    scratch = Settings(database_url=await empty_database("sern_graph_upgrade_seed", tmp_path))
    old = Settings(database_url=await empty_database("sern_graph_upgrade", tmp_path))
    try:
        dataset = Dataset()
        await dataset.load(scratch)
        # Contexts of their own: the session's database is never touched.
        async with TortoiseContext():
            assert await migrate_first(old, 1, tmp_path) == shipped[:1]
            columns = await table_columns()
            del columns["aerich"]
            await insert_rows(dataset, columns)
            before = await snapshot(columns)

        output = await sern_graph_migrate(old.database_url)

        async with TortoiseContext() as context:
            await context.init(config=db.tortoise_config(old))
            after = await snapshot(columns)
            recorded = await Tortoise.get_connection("default").execute_query_dict(
                """SELECT "version" FROM "aerich" WHERE "app" = 'models' ORDER BY "id\""""
            )
            pending = await db.pending_migrations()
            orm_counts = (await Organisation.all().count(), await Person.all().count())
            transport = httpx.ASGITransport(app=create_app(old, manage_database=False))
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                ready = await client.get("/readyz")
                served = await client.post("/graphql", json={"query": COUNTS})
    finally:
        await drop_database("sern_graph_upgrade_seed")
        await drop_database("sern_graph_upgrade")

    assert f"Applied {len(shipped) - 1} migration(s)" in output
    # Every table of the first migration held the dataset's rows, and kept every one with every value.
    assert set(columns) <= set(dataset.order)
    assert all(before[name] for name in columns), [name for name in columns if not before[name]]
    assert before == {name: keyed(dataset.rows[name], names) for name, names in columns.items()}
    for name in columns:
        assert len(after[name]) == len(before[name]), name
        assert after[name].keys() == before[name].keys(), name
        changed = [key for key, row in before[name].items() if after[name][key] != row]
        assert not changed, f"{name}: rows changed by the migrations: {changed[:5]}"
    assert [row["version"] for row in recorded] == shipped
    assert pending == []
    assert orm_counts == (len(before["organisation"]), len(before["person"]))
    assert ready.status_code == 200, ready.text
    data = served.json()["data"]
    assert sorted(country["code"] for country in data["countries"]) == sorted(
        row["code"] for row in published(before["country"])
    )
    for field, table in [
        ("organisations", "organisation"),
        ("people", "person"),
        ("projects", "project"),
        ("events", "event"),
    ]:
        assert data[field]["totalCount"] == len(published(before[table])), field

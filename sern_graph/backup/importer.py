"""Loading a backup into an empty database: all of it in one transaction, or nothing."""

from __future__ import annotations

import json
from collections.abc import Awaitable
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from pypika_tortoise.queries import Table
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import BaseORMException
from tortoise.transactions import in_transaction

from sern_graph.backup.tables import (
    FORMAT_NAME,
    FORMAT_VERSION,
    BackupError,
    LinkTable,
    ModelTable,
    Tables,
    backup_tables,
    check_columns,
    decode,
    missing_value,
)

NOT_EMPTY = "The database already holds content; import only into an empty database"
ACCOUNTS_NOT_EMPTY = (
    "The database already holds user accounts or API tokens and this backup brings its own; "
    "import it only into a database without any"
)


@dataclass(frozen=True)
class Backup:
    """A parsed backup file: its header and its rows per table, not yet checked against the models."""

    header: dict[str, Any]
    tables: dict[str, list[dict[str, Any]]]

    @property
    def accounts_included(self) -> bool:
        return bool(self.header.get("accounts_included"))


@dataclass
class ImportReport:
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def parse_backup(text: str) -> Backup:
    """Reads a backup file's text; raises BackupError when it is not a backup this version reads."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise BackupError(f"The file is not valid JSON ({error}); nothing was imported") from None
    header = data.get("header") if isinstance(data, dict) else None
    if not isinstance(header, dict) or header.get("format") != FORMAT_NAME:
        raise BackupError("The file is not a sern-graph backup (no sern-graph-backup header)")
    version = header.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise BackupError(
            f"Unknown backup format version {version!r}: this sern-graph reads version {FORMAT_VERSION}"
        )
    tables = data.get("tables")
    if not isinstance(tables, dict) or not all(
        isinstance(rows, list) and all(isinstance(row, dict) for row in rows) for rows in tables.values()
    ):
        raise BackupError("The backup's 'tables' must map each table name to a list of rows (objects)")
    return Backup(header, tables)


async def import_backup(backup: Backup) -> ImportReport:
    """Loads `backup` into the (migrated, empty) database in one transaction.

    Raises BackupError, having changed nothing, when the database is not empty, the backup does
    not fit the models, or a row breaks a constraint."""
    every = backup_tables()
    accounts = {table.name for table in every.models if table.accounts}
    accounts |= {link.name for link in every.links if link.accounts}
    tables = every.selected(include_accounts=backup.accounts_included or bool(accounts & set(backup.tables)))
    unknown = sorted(set(backup.tables) - set(tables.names))
    if unknown:
        raise BackupError(f"The backup has table(s) this database does not know: {', '.join(unknown)}")
    prepared = {
        table.name: _prepare_model_rows(table, backup.tables.get(table.name, [])) for table in tables.models
    }
    links = {link.name: _prepare_link_rows(link, backup.tables.get(link.name, [])) for link in tables.links}
    report = ImportReport()
    async with in_transaction() as connection:
        await _require_empty(tables, connection)
        for table in tables.models:
            await _guarded(table.name, _insert_model_rows(table, prepared[table.name], connection))
            report.rows[table.name] = len(prepared[table.name])
        for link in tables.links:
            await _guarded(link.name, _insert_link_rows(link, links[link.name], connection))
            report.rows[link.name] = len(links[link.name])
        if connection.capabilities.dialect == "postgres":
            await _reset_sequences(tables, connection)
    return report


async def _guarded(table: str, work: Awaitable[None]) -> None:
    try:
        await work
    except BaseORMException as error:
        raise BackupError(
            f"Table {table}: a row does not fit the database, so the import was rolled back and "
            f"nothing changed: {error}"
        ) from None


def _prepare_model_rows(table: ModelTable, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each row as column -> Python value; a missing column gets its default (older backups)."""
    fields = table.fields
    known = set(fields)
    prepared: list[dict[str, Any]] = []
    for position, row in enumerate(rows):
        check_columns(table.name, row, known)
        where = f"Table {table.name}, row {row.get(table.pk_column, f'#{position + 1}')}"
        values: dict[str, Any] = {}
        for column, model_field in fields.items():
            if column not in row:
                values[column] = missing_value(model_field)
                continue
            try:
                values[column] = decode(model_field, row[column])
            except BackupError as error:
                raise BackupError(f"{where}, column {column}: {error}") from None
        prepared.append(values)
    return prepared


def _prepare_link_rows(link: LinkTable, rows: list[dict[str, Any]]) -> list[tuple[int, int]]:
    prepared: list[tuple[int, int]] = []
    first, second = link.columns
    for row in rows:
        check_columns(link.name, row, set(link.columns))
        left, right = row.get(first), row.get(second)
        if not (_is_id(left) and _is_id(right)):
            raise BackupError(f"Table {link.name}: a row needs integer {first} and {second}, not {row!r}")
        prepared.append((left, right))
    return prepared


def _is_id(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


async def _require_empty(tables: Tables, connection: BaseDBAsyncClient) -> None:
    """Content first: that is the usual mistake. Accounts only count when the backup brings its own
    (then `tables` has them); a content-only backup may go into a database with users already."""
    for table in sorted(tables.models, key=lambda table: table.accounts):
        if await table.model.all().using_db(connection).exists():
            raise BackupError(ACCOUNTS_NOT_EMPTY if table.accounts else NOT_EMPTY)
    for link in tables.links:
        query = connection.query_class.from_(Table(link.name)).select(link.columns[0]).limit(1)
        if await connection.execute_query_dict(query.get_sql()):
            raise BackupError(NOT_EMPTY)


async def _insert_model_rows(
    table: ModelTable, rows: list[dict[str, Any]], connection: BaseDBAsyncClient
) -> None:
    """One multi-row insert statement, ids included; values converted by the models' own fields.

    Not `bulk_create`: it would stamp `auto_now` timestamps (updated_at) with the current time."""
    if not rows:
        return
    model = table.model
    fields = table.fields
    later = table.self_references()
    columns = list(fields)
    executor = connection.executor_class(model=model, db=connection)
    query = (
        connection.query_class.into(model._meta.basetable)
        .columns(*columns)
        .insert(*[executor.parameter(position) for position in range(len(columns))])
    )
    # Converting with the model class, not an instance, leaves auto_now fields as they are.
    values = [
        [None if column in later else fields[column].to_db_value(row[column], model) for column in columns]
        for row in rows
    ]
    await connection.execute_many(query.get_sql(), values)
    for column in later:
        update = (
            connection.query_class.update(model._meta.basetable)
            .set(column, executor.parameter(0))
            .where(model._meta.basetable[table.pk_column] == executor.parameter(1))
        )
        pairs = [
            [
                fields[column].to_db_value(row[column], model),
                fields[table.pk_column].to_db_value(row[table.pk_column], model),
            ]
            for row in rows
            if row[column] is not None
        ]
        if pairs:
            await connection.execute_many(update.get_sql(), pairs)


async def _insert_link_rows(
    link: LinkTable, rows: list[tuple[int, int]], connection: BaseDBAsyncClient
) -> None:
    if not rows:
        return
    executor = connection.executor_class(model=link.sides[0].model, db=connection)
    query = (
        connection.query_class.into(Table(link.name))
        .columns(*link.columns)
        .insert(executor.parameter(0), executor.parameter(1))
    )
    await connection.execute_many(query.get_sql(), [list(row) for row in rows])


async def _reset_sequences(tables: Tables, connection: BaseDBAsyncClient) -> None:
    """PostgreSQL does not move a serial's sequence on inserts with explicit ids: set each to the
    highest id (or back to 1 for an empty table), so new rows do not collide with imported ones."""
    for table in tables.models:
        if not table.model._meta.pk.generated:
            continue
        name, pk = table.name, table.pk_column
        await connection.execute_query(
            f"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{pk}'), "
            f'COALESCE(MAX("{pk}"), 1), MAX("{pk}") IS NOT NULL) FROM "{name}"'
        )

"""Writing a backup: every row of every selected table, read in one transaction."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from pypika_tortoise.queries import Table
from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.transactions import in_transaction

from sern_graph.backup.tables import (
    FORMAT_NAME,
    FORMAT_VERSION,
    WITH_ACCOUNTS_NOTICE,
    WITHOUT_ACCOUNTS_NOTICE,
    LinkTable,
    ModelTable,
    Row,
    backup_tables,
    model_row,
)

BackupData = dict[str, Any]


async def export_backup(*, include_accounts: bool = False) -> BackupData:
    """The backup as a JSON-ready dict: a header and, per table, its rows ordered by id.

    Users (their password hashes) and API tokens are only in it with `include_accounts`."""
    tables = backup_tables().selected(include_accounts=include_accounts)
    async with in_transaction() as connection:
        if connection.capabilities.dialect == "postgres":
            # One snapshot for every table, even while the server keeps writing.
            await connection.execute_script("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        rows: dict[str, list[Row]] = {}
        for table in tables.models:
            rows[table.name] = await _model_rows(table, connection)
        for link in tables.links:
            rows[link.name] = await _link_rows(link, connection)
    return {
        "header": {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "exported_at": datetime.now(UTC).isoformat(),
            "accounts_included": include_accounts,
            "security": WITH_ACCOUNTS_NOTICE if include_accounts else WITHOUT_ACCOUNTS_NOTICE,
        },
        "tables": rows,
    }


def dumps(backup: BackupData) -> str:
    """The backup as text: keys sorted, so the same database always gives the same file."""
    return json.dumps(backup, sort_keys=True, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


async def _model_rows(table: ModelTable, connection: BaseDBAsyncClient) -> list[Row]:
    instances = await table.model.all().using_db(connection).order_by(table.model._meta.pk_attr)
    return [model_row(table, instance) for instance in instances]


async def _link_rows(link: LinkTable, connection: BaseDBAsyncClient) -> list[Row]:
    through = Table(link.name)
    first, second = link.columns
    query = (
        connection.query_class.from_(through)
        .select(through[first], through[second])
        .orderby(through[first])
        .orderby(through[second])
    )
    result = await connection.execute_query_dict(query.get_sql())
    return [{first: int(row[first]), second: int(row[second])} for row in result]

"""What a backup holds: its tables and columns, found from the models, and how values become JSON.

The tables come from the registered models (every model of `db.MODEL_MODULES`) and their
many-to-many fields, so a model added later is backed up without a change here.
"""

from __future__ import annotations

import graphlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from tortoise import fields
from tortoise.context import require_context
from tortoise.fields.base import Field
from tortoise.fields.relational import ForeignKeyFieldInstance, ManyToManyFieldInstance
from tortoise.models import Model

from sern_graph.db import MODEL_MODULES

FORMAT_NAME = "sern-graph-backup"
FORMAT_VERSION = 1
# Models of this module (users with their password hashes, API tokens) are left out by default.
ACCOUNTS_MODULE = "sern_graph.accounts.models"

WITHOUT_ACCOUNTS_NOTICE = (
    "User accounts (with their password hashes) and API tokens are NOT in this file; "
    "export with --include-accounts to add them. The file holds personal data (people's "
    "e-mail addresses and phone numbers): keep it private."
)
WITH_ACCOUNTS_NOTICE = (
    "This file holds users' password hashes and API token hashes, and personal data: "
    "keep it as secret as the database itself."
)

JSONValue = Any
Row = dict[str, JSONValue]


class BackupError(Exception):
    """A backup that cannot be read or loaded; the message says why, for the command line."""


@dataclass(frozen=True)
class ModelTable:
    """The table of one model: its rows are written with every column, keyed by column name."""

    model: type[Model]

    @property
    def name(self) -> str:
        return self.model._meta.db_table

    @property
    def accounts(self) -> bool:
        return self.model.__module__ == ACCOUNTS_MODULE

    @property
    def pk_column(self) -> str:
        return self.model._meta.db_pk_column

    @property
    def fields(self) -> dict[str, Field[Any]]:
        """Column name -> field, in the model's field order."""
        meta = self.model._meta
        return {column: meta.fields_map[name] for name, column in meta.fields_db_projection.items()}

    def foreign_keys(self) -> list[ForeignKeyFieldInstance[Any]]:
        meta = self.model._meta
        found: list[ForeignKeyFieldInstance[Any]] = []
        for name in sorted(meta.fk_fields | meta.o2o_fields):
            field = meta.fields_map[name]
            assert isinstance(field, ForeignKeyFieldInstance)
            found.append(field)
        return found

    def depends_on(self) -> set[str]:
        """The other tables this one's foreign keys point at: their rows must be in first."""
        return {
            key.related_model._meta.db_table for key in self.foreign_keys() if key.related_model != self.model
        }

    def self_references(self) -> list[str]:
        """Columns of nullable foreign keys to the same table (a region's parent region): they are
        filled in after all the table's rows are in, since a parent may have the higher id."""
        meta = self.model._meta
        return [
            meta.fields_db_projection[key.source_field]
            for key in self.foreign_keys()
            if key.related_model == self.model and key.null and key.source_field
        ]


@dataclass(frozen=True)
class LinkTable:
    """A many-to-many through table: two id columns, one per side."""

    name: str
    columns: tuple[str, str]
    sides: tuple[ModelTable, ModelTable]

    @property
    def accounts(self) -> bool:
        return any(side.accounts for side in self.sides)


@dataclass(frozen=True)
class Tables:
    """Every table a backup can hold, model tables in an order that keeps foreign keys valid."""

    models: list[ModelTable]
    links: list[LinkTable]

    def selected(self, *, include_accounts: bool) -> Tables:
        return Tables(
            [table for table in self.models if include_accounts or not table.accounts],
            [table for table in self.links if include_accounts or not table.accounts],
        )

    @property
    def names(self) -> list[str]:
        return [table.name for table in self.models] + [table.name for table in self.links]


def backup_tables() -> Tables:
    """The tables of the registered models (those of MODEL_MODULES; not aerich's own)."""
    apps = require_context().apps
    if apps is None:
        raise RuntimeError("Tortoise is not initialised")
    registered = [model for model in apps.get_models_iterable() if model.__module__ in MODEL_MODULES]
    by_name = {model._meta.db_table: ModelTable(model) for model in registered}
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for name, table in by_name.items():
        sorter.add(name, *(dependency for dependency in table.depends_on() if dependency in by_name))
    ordered: list[ModelTable] = []
    sorter.prepare()
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        ordered.extend(by_name[name] for name in ready)
        sorter.done(*ready)
    links: dict[str, LinkTable] = {}
    for table in ordered:
        meta = table.model._meta
        for name in sorted(meta.m2m_fields):
            field = meta.fields_map[name]
            assert isinstance(field, ManyToManyFieldInstance)
            if field._generated or field.through in links:
                continue
            other = by_name[field.related_model._meta.db_table]
            links[field.through] = LinkTable(
                field.through, (field.backward_key, field.forward_key), (table, other)
            )
    return Tables(ordered, sorted(links.values(), key=lambda link: link.name))


def encode(field: Field[Any], value: Any) -> JSONValue:
    """A column's value as JSON that `decode` turns back into exactly the same value."""
    if value is None or isinstance(field, fields.JSONField):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise BackupError(f"{field.model_field_name}: a datetime without a time zone ({value})")
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


class _BadValue(Exception):
    pass


def decode(field: Field[Any], value: JSONValue) -> Any:
    """The Python value of a column's JSON value; raises BackupError on a value of the wrong type."""
    try:
        return _decode(field, value)
    except (_BadValue, ValueError, TypeError, InvalidOperation) as error:
        detail = "" if isinstance(error, InvalidOperation) or not str(error) else f": {error}"
        raise BackupError(f"{type(field).__name__} cannot hold {value!r}{detail}") from None


def _decode(field: Field[Any], value: JSONValue) -> Any:
    if value is None or isinstance(field, fields.JSONField):
        return value
    enum_type = getattr(field, "enum_type", None)
    if isinstance(enum_type, type) and issubclass(enum_type, Enum):
        return enum_type(value)
    if isinstance(field, fields.DatetimeField):
        parsed = datetime.fromisoformat(_text(value))
        if parsed.tzinfo is None:
            raise _BadValue("a datetime needs a time zone")
        return parsed
    if isinstance(field, fields.DateField):
        return date.fromisoformat(_text(value))
    if isinstance(field, fields.DecimalField):
        return Decimal(_text(value))
    if isinstance(field, fields.BooleanField):
        if not isinstance(value, bool):
            raise _BadValue()
        return value
    if isinstance(field, (fields.IntField, fields.SmallIntField, fields.BigIntField)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _BadValue()
        return value
    if isinstance(field, fields.FloatField):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise _BadValue()
        return float(value)
    if isinstance(field, (fields.CharField, fields.TextField)):
        return _text(value)
    return value


def _text(value: JSONValue) -> str:
    if not isinstance(value, str):
        raise _BadValue()
    return value


def missing_value(field: Field[Any]) -> Any:
    """What a column the backup does not have gets (a backup made before the column existed)."""
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return datetime.now(UTC)
    default = field.default
    return default() if callable(default) else default


def model_row(table: ModelTable, instance: Model) -> Row:
    return {
        column: encode(field, getattr(instance, field.model_field_name))
        for column, field in table.fields.items()
    }


def check_columns(table: str, row: Mapping[str, Any], known: set[str]) -> None:
    unknown = sorted(set(row) - known)
    if unknown:
        raise BackupError(
            f"Table {table} has column(s) this database does not know: {', '.join(unknown)}; "
            "was the backup made by a newer sern-graph?"
        )

"""`sern-graph export FILE | import FILE`: backups of the whole content as one JSON file."""

from __future__ import annotations

import os
from pathlib import Path

import click

from sern_graph.accounts.cli import run_with_database
from sern_graph.backup.export import dumps, export_backup
from sern_graph.backup.importer import ImportReport, import_backup, parse_backup
from sern_graph.backup.tables import BackupError


@click.command(
    "export",
    help=(
        "Write all content to FILE as JSON: every content table with all its columns (editorial "
        "state, versions, timestamps, translations, sources, drafts), the many-to-many links, "
        "revisions and audit events, ids kept. For security, users' password hashes and API "
        "tokens are NOT included unless --include-accounts is given. The file holds personal "
        "data; it is created readable by its owner only."
    ),
)
@click.argument("file", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option(
    "--include-accounts",
    is_flag=True,
    help="Also write users (with their password hashes) and API tokens (their hashes; never secrets).",
)
def export_command(file: Path, include_accounts: bool) -> None:
    backup = run_with_database(lambda: export_backup(include_accounts=include_accounts))
    try:
        _write_privately(file, dumps(backup))
    except OSError as error:
        raise click.ClickException(f"Cannot write {file}: {error.strerror or error}") from None
    tables: dict[str, list[object]] = backup["tables"]
    rows = sum(len(table) for table in tables.values())
    accounts = "with" if include_accounts else "without"
    click.echo(f"Wrote {file}: {rows} rows in {len(tables)} tables, {accounts} user accounts and tokens.")


@click.command(
    "import",
    help=(
        "Load a backup FILE written by `export` into an empty database (migrated first), in one "
        "transaction: on any problem (the database holds content already, an unknown format "
        "version, a row that breaks a constraint) nothing is changed. Run it before `serve`, "
        "which seeds an empty database."
    ),
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_command(file: Path) -> None:
    try:
        text = file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise click.ClickException(f"{file} is not a UTF-8 text file; nothing was imported") from None
    try:
        backup = parse_backup(text)
        report: ImportReport = run_with_database(lambda: import_backup(backup))
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    accounts = "with" if backup.accounts_included else "without"
    click.echo(
        f"Imported {report.total} rows into {len(report.rows)} tables, "
        f"{accounts} user accounts and tokens, from the backup of {backup.header.get('exported_at')}."
    )


def _write_privately(path: Path, text: str) -> None:
    """Writes the whole file or nothing (a temporary file renamed over it), mode 0600."""
    temporary = path.with_name(f".{path.name}.partial")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


COMMANDS = [export_command, import_command]

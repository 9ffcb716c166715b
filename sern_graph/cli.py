"""The `sern-graph` command: serve, migrate, seed, export-schema."""

from __future__ import annotations

import asyncio
from pathlib import Path

import click
import uvicorn

from sern_graph import db
from sern_graph.accounts.cli import COMMANDS as ACCOUNT_COMMANDS
from sern_graph.backup.cli import COMMANDS as BACKUP_COMMANDS
from sern_graph.observability.logs import configure_logging
from sern_graph.persisted.cli import COMMANDS as PERSISTED_COMMANDS
from sern_graph.seed.loader import SeedReport, seed
from sern_graph.settings import Settings, get_settings

DEFAULT_SCHEMA_PATH = Path("schema/schema.graphql")


async def _seed(settings: Settings, *, only_if_empty: bool) -> SeedReport | None:
    from sern_graph.geography.models import Country

    await db.connect(settings)
    try:
        if only_if_empty and await Country.exists():
            return None
        return await seed()
    finally:
        await db.disconnect()


async def prepare_database(settings: Settings) -> None:
    """Migrates, and seeds an empty database: what `serve` does before it listens (each step
    unless its setting turns it off)."""
    if settings.migrate_on_start:
        await db.migrate(settings)
    if settings.seed_on_start:
        await _seed(settings, only_if_empty=True)


@click.group(help="sern-graph: the SERN network graph as a headless CMS with a GraphQL API.")
def main() -> None:
    configure_logging(get_settings())


@main.command(help="Serve the API (GraphiQL at /graphql); migrates and seeds an empty database first.")
@click.option("--host", default=None, help="Interface to listen on (default: SERN_HOST or 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port to listen on (default: SERN_PORT or 8000).")
def serve(host: str | None, port: int | None) -> None:
    from sern_graph.app import create_app

    settings = get_settings()
    asyncio.run(prepare_database(settings))
    # On SIGTERM uvicorn stops accepting, lets in-flight requests finish (up to the timeout), then
    # runs the app's lifespan shutdown.
    uvicorn.run(
        create_app(settings),
        host=host or settings.host,
        port=port or settings.port,
        timeout_graceful_shutdown=settings.shutdown_timeout,
        # X-Forwarded-Proto (https behind a TLS proxy: Secure admin cookies) and X-Forwarded-For are
        # believed from these proxies only; unset, uvicorn's default, loopback.
        forwarded_allow_ips=list(settings.trusted_proxies) or None,
        # Our access log and log configuration (observability/) replace uvicorn's.
        access_log=False,
        log_config=None,
    )


@main.command(help="Apply the database migrations that have not run yet.")
@click.option(
    "--seed-if-empty",
    is_flag=True,
    help="Then load the SERN dataset into a database that holds no content yet (a deployment's first start).",
)
def migrate(seed_if_empty: bool) -> None:
    settings = get_settings()
    applied = asyncio.run(db.migrate(settings))
    click.echo(f"Applied {len(applied)} migration(s): {', '.join(applied)}" if applied else "Up to date.")
    if seed_if_empty:
        report = asyncio.run(_seed(settings, only_if_empty=True))
        click.echo("Seeded the empty database." if report is not None else "Not seeded: content exists.")


@main.command(help="Load the SERN dataset; entries that exist already are kept as they are.")
def seed_command() -> None:
    settings = get_settings()
    asyncio.run(db.migrate(settings))
    report = asyncio.run(_seed(settings, only_if_empty=False))
    if report is not None and report.total:
        click.echo("Created " + ", ".join(f"{count} {kind}" for kind, count in report.created.items()))
    else:
        click.echo("Nothing to do: every dataset entry is in the database already.")


seed_command.name = "seed"


@main.command("export-schema", help="Write the GraphQL SDL (default: schema/schema.graphql).")
@click.option("--output", type=click.Path(path_type=Path), default=DEFAULT_SCHEMA_PATH, show_default=True)
def export_schema(output: Path) -> None:
    from sern_graph.schema import schema

    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(schema.as_str() + "\n", encoding="utf-8")
    click.echo(f"Wrote {output}")


for command in ACCOUNT_COMMANDS:
    main.add_command(command)

for command in BACKUP_COMMANDS:
    main.add_command(command)

for command in PERSISTED_COMMANDS:
    main.add_command(command)

"""`sern-graph register-documents | list-documents | unregister-document`."""

from __future__ import annotations

from pathlib import Path

import click

from sern_graph.accounts.cli import run_with_database
from sern_graph.persisted import registry
from sern_graph.persisted.hashes import is_sha256_hex
from sern_graph.persisted.models import TrustedDocument
from sern_graph.persisted.sources import DocumentSource, SourceError, read_sources


@click.command(
    "register-documents",
    help="Register trusted documents from .graphql files (one document each) and JSON manifests "
    "(Apollo's persisted query manifest, or Relay's map of ids to documents). Every document is "
    "validated against the schema; if any file fails, nothing is registered.",
)
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def register_documents(files: tuple[Path, ...]) -> None:
    from sern_graph.schema import schema

    try:
        sources: list[DocumentSource] = [source for path in files for source in read_sources(path)]
        # strawberry keeps the graphql-core schema, which validation needs, as `_schema`.
        documents = registry.check_documents(sources, schema._schema)
    except SourceError as error:
        raise click.ClickException(f"{error}\nNothing was registered.") from None
    except registry.DocumentsRefused as refused:
        raise click.ClickException("\n".join([*refused.problems, "Nothing was registered."])) from None

    registrations = run_with_database(lambda: registry.register_documents(documents))
    for registration in registrations:
        document = registration.document
        state = "registered" if registration.created else "already registered"
        click.echo(f"{state}\t{document.sha256}\t{_names(document.operation_names)}\t{document.source}")
    created = sum(registration.created for registration in registrations)
    click.echo(f"{created} new, {len(registrations) - created} already registered.")


@click.command("list-documents", help="List the registered (trusted) documents and their hashes.")
def list_documents() -> None:
    documents: list[TrustedDocument] = run_with_database(registry.registered_documents)
    for document in documents:
        registered = document.created_at.date().isoformat()
        click.echo(f"{document.sha256}\t{_names(document.operation_names)}\t{registered}\t{document.source}")


@click.command("unregister-document", help="Remove a registered document by its SHA-256 hash.")
@click.argument("sha256")
def unregister_document(sha256: str) -> None:
    sha256 = sha256.removeprefix("sha256:").lower()
    if not is_sha256_hex(sha256):
        raise click.ClickException("Give the document's SHA-256 hash: 64 hex digits.")
    if not run_with_database(lambda: registry.unregister_document(sha256)):
        raise click.ClickException(f"No registered document {sha256}.")
    click.echo(f"Unregistered {sha256}. Running servers stop accepting it within a minute.")


def _names(operation_names: list[str]) -> str:
    return ", ".join(name or "(anonymous)" for name in operation_names)


COMMANDS = [register_documents, list_documents, unregister_document]

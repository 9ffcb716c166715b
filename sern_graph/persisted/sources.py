"""Reading documents to register: `.graphql` files (one document each, any number of operations)
and the JSON manifests a frontend build writes (Apollo's persisted query manifest, Relay's map of
id to text)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

APOLLO_MANIFEST_FORMAT = "apollo-persisted-query-manifest"
GRAPHQL_SUFFIXES = (".graphql", ".gql")
# The longest `source` a trusted document keeps (the column's size).
MAX_SOURCE_LENGTH = 500


class SourceError(Exception):
    """A file that cannot be read as documents; the message names the file and says why."""


@dataclass(frozen=True)
class DocumentSource:
    """One document as read, before it is checked."""

    body: str
    # Where it came from, e.g. `queries/themes.graphql` or `manifest.json#Themes`.
    source: str
    # The id a manifest gives the document: it must be the SHA-256 of `body`.
    claimed_hash: str | None = None


def read_sources(path: Path) -> list[DocumentSource]:
    """The documents in one file. Raises SourceError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SourceError(f"{path}: cannot be read ({error})") from None
    if path.suffix == ".json":
        return _read_manifest(path, text)
    if path.suffix in GRAPHQL_SUFFIXES:
        return [DocumentSource(body=text, source=_label(str(path)))]
    raise SourceError(f"{path}: expected a .graphql or .gql document or a .json manifest")


def _read_manifest(path: Path, text: str) -> list[DocumentSource]:
    try:
        manifest: Any = json.loads(text)
    except json.JSONDecodeError as error:
        raise SourceError(f"{path}: not JSON ({error})") from None
    if isinstance(manifest, dict) and "format" in manifest:
        return _read_apollo_manifest(path, manifest)
    if isinstance(manifest, dict) and all(isinstance(value, str) for value in manifest.values()):
        return [
            DocumentSource(body=body, source=_label(f"{path}#{key}"), claimed_hash=_hash_from_id(key))
            for key, body in manifest.items()
        ]
    raise SourceError(
        f"{path}: expected an Apollo persisted query manifest "
        f'({{"format": "{APOLLO_MANIFEST_FORMAT}", "version": 1, "operations": [...]}}) '
        "or a Relay map of ids to documents"
    )


def _read_apollo_manifest(path: Path, manifest: dict[str, Any]) -> list[DocumentSource]:
    if manifest.get("format") != APOLLO_MANIFEST_FORMAT or manifest.get("version") != 1:
        raise SourceError(f'{path}: only "format": "{APOLLO_MANIFEST_FORMAT}", "version": 1 is supported')
    operations = manifest.get("operations")
    if not isinstance(operations, list):
        raise SourceError(f'{path}: "operations" must be a list')
    sources = []
    for position, operation in enumerate(operations):
        if not (
            isinstance(operation, dict)
            and isinstance(operation.get("id"), str)
            and isinstance(operation.get("body"), str)
        ):
            raise SourceError(f'{path}: operation {position + 1} needs an "id" and a "body" (strings)')
        name = operation.get("name") if isinstance(operation.get("name"), str) else operation["id"]
        sources.append(
            DocumentSource(
                body=operation["body"],
                source=_label(f"{path}#{name}"),
                claimed_hash=_hash_from_id(operation["id"]),
            )
        )
    return sources


def _hash_from_id(document_id: str) -> str:
    """A manifest id without a `sha256:` prefix, lowercase."""
    return document_id.removeprefix("sha256:").lower()


def _label(source: str) -> str:
    return source if len(source) <= MAX_SOURCE_LENGTH else "…" + source[-(MAX_SOURCE_LENGTH - 1) :]

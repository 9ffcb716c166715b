"""Backups: the whole content of the database as one JSON file, and back.

`sern-graph export FILE` writes every content table (all columns: editorial state, version,
timestamps, translations, sources, drafts), the many-to-many link tables, revisions and audit
events; ids are kept so links survive. User accounts and API tokens are left out unless asked for.
`sern-graph import FILE` loads such a file into an empty database in one transaction.
"""

from __future__ import annotations

from sern_graph.backup.export import dumps, export_backup
from sern_graph.backup.importer import ImportReport, import_backup, parse_backup
from sern_graph.backup.tables import FORMAT_NAME, FORMAT_VERSION, BackupError

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "BackupError",
    "ImportReport",
    "dumps",
    "export_backup",
    "import_backup",
    "parse_backup",
]

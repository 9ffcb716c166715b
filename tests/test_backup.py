"""Backups: `export` writes every table, `import` loads it into an empty database, all or nothing."""

from __future__ import annotations

import asyncio
import copy
import json
import os
import stat
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from tortoise import Tortoise
from tortoise.context import TortoiseContext

from sern_graph.accounts.models import ApiToken, Role, User
from sern_graph.backup import (
    FORMAT_VERSION,
    BackupError,
    dumps,
    export_backup,
    import_backup,
    parse_backup,
)
from sern_graph.backup.cli import COMMANDS, export_command
from sern_graph.backup.importer import ACCOUNTS_NOT_EMPTY, NOT_EMPTY
from sern_graph.backup.tables import backup_tables
from sern_graph.content.models import AuditEvent, EditorialState, Revision, RevisionAction
from sern_graph.db import migration_command
from sern_graph.events.models import Event
from sern_graph.geography.models import Country, Region
from sern_graph.organisations.models import Organisation, OrganisationKind
from sern_graph.persisted.models import TrustedDocument
from sern_graph.projects.models import Project
from sern_graph.seed.loader import seed
from sern_graph.settings import Settings
from sern_graph.themes.models import Theme
from tests.databases import empty_database

PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"
TOKEN_HASH = "f0" * 32
LINK_TABLES = {"organisation_theme", "project_theme", "event_project", "event_participant"}


@asynccontextmanager
async def database(url: str) -> AsyncIterator[None]:
    """A context of its own on `url`, migrated with the real migrations; the session database's
    connection is left alone (no global fallback, unlike `db.connect`)."""
    async with TortoiseContext():
        command = migration_command(Settings(database_url=url))
        await command.init()
        await command.upgrade(run_in_transaction=True)
        yield


async def database_tables() -> dict[str, set[str]]:
    """Every table of the connected database (aerich's left out) with its columns."""
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect == "sqlite":
        names = [
            row["name"]
            for row in await connection.execute_query_dict(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        tables = {
            name: {row["name"] for row in await connection.execute_query_dict(f'PRAGMA table_info("{name}")')}
            for name in names
        }
    else:
        rows = await connection.execute_query_dict(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'"
        )
        tables = {}
        for row in rows:
            tables.setdefault(row["table_name"], set()).add(row["column_name"])
    tables.pop("aerich", None)
    return tables


async def add_editorial_history() -> None:
    """What the seed lacks: a published entry with a pending draft, a plain draft, links, a region
    whose parent has the higher id, exact floats and decimals, a revision, an audit event, accounts."""
    user = await User.create(
        username="backup-editor", email="editor@example.org", password_hash=PASSWORD_HASH, role=Role.EDITOR
    )
    token = await ApiToken.create(
        name="Backup test",
        prefix="sern_backup",
        token_hash=TOKEN_HASH,
        role=Role.EDITOR,
        created_by=user,
        expires_at=datetime(2030, 1, 2, 3, 4, 5, 678901, tzinfo=UTC),
    )
    country = await Country.get(code="SE")
    pending = await Theme.create(
        slug="backup-pending",
        name_en="Published name",
        name_sv="Publicerat namn",
        name_it="Nome pubblicato",
        state=EditorialState.PUBLISHED,
        published_at=datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=UTC),
        version=3,
        sources=[{"url": "https://example.org/källa", "title": "Källa ✓"}],
        note="year uncertain 🙂",
        draft={"name_en": "Pending name", "sources": [], "nested": {"n": [1, 2.5, None, True]}},
        publish_at=datetime(2031, 1, 1, tzinfo=UTC),
        unpublish_at=datetime(2032, 12, 31, 23, 59, 59, 999999, tzinfo=UTC),
    )
    draft = await Organisation.create(
        slug="backup-draft",
        name="Åre kommun (utkast)",
        kind=OrganisationKind.MUNICIPALITY,
        country=country,
        latitude=0.1 + 0.2,
        longitude=-17.000000000000004,
        state=EditorialState.DRAFT,
    )
    await draft.themes.add(pending)
    project = await Project.create(
        slug="backup-budget",
        budget=Decimal("1234567.89"),
        eu_contribution=Decimal("0.10"),
        start_date=date(2020, 2, 29),
        dates_approximate=True,
        state=EditorialState.ARCHIVED,
    )
    await project.themes.add(pending)
    event = await Event.first()
    assert event is not None
    await event.projects.add(project)
    await event.participants.add(draft)
    child = await Region.create(code="SE999", level=3, country=country, name_en="Child")
    parent = await Region.create(code="SE99", level=2, country=country, name_en="Parent")
    child.parent = parent
    await child.save()
    await Revision.create(
        content_type="theme",
        object_id=pending.id,
        version=3,
        action=RevisionAction.UPDATE,
        state=EditorialState.PUBLISHED,
        snapshot={"name_en": "Pending name", "sources": []},
        changed_fields=["name_en"],
        actor_name="backup-editor",
        user_id=user.id,
        token_id=token.id,
    )
    await AuditEvent.create(
        action="update",
        content_type="theme",
        object_id=pending.id,
        actor_name="backup-editor",
        user_id=user.id,
        token_id=token.id,
        request_id="req-backup-1",
        details={"changed": ["name_en"], "version": 3},
    )
    await TrustedDocument.create(
        sha256="0" * 64, body="query Backup { themes { slug } }", operation_names=["Backup"], source="tests"
    )


@dataclass
class Source:
    url: str
    with_accounts: dict[str, Any]
    without_accounts: dict[str, Any]
    tables: dict[str, set[str]]


@pytest.fixture(scope="module")
async def source(tmp_path_factory: pytest.TempPathFactory) -> Source:
    """A seeded database with editorial history, and its exports."""
    url = await empty_database("sern_graph_backup_source", tmp_path_factory.mktemp("backup_source"))
    async with database(url):
        await seed()
        await add_editorial_history()
        with_accounts = await export_backup(include_accounts=True)
        without_accounts = await export_backup()
        tables = await database_tables()
    return Source(url, with_accounts, without_accounts, tables)


def without_time(backup: dict[str, Any]) -> dict[str, Any]:
    """The backup's JSON text, parsed back, minus the only field that may differ: the export time."""
    parsed: dict[str, Any] = json.loads(dumps(backup))
    del parsed["header"]["exported_at"]
    return parsed


async def test_export_holds_every_table_and_every_column(source: Source) -> None:
    exported = source.with_accounts["tables"]
    assert set(exported) == set(source.tables)
    assert set(exported) >= LINK_TABLES
    for name, rows in exported.items():
        assert rows, f"{name} has no rows to check"
        for row in rows:
            assert set(row) == source.tables[name], name


async def test_export_keeps_editorial_state_drafts_history_and_exact_values(source: Source) -> None:
    tables = source.with_accounts["tables"]
    header = source.with_accounts["header"]
    assert header["format_version"] == FORMAT_VERSION
    assert datetime.fromisoformat(header["exported_at"]).tzinfo is not None
    (theme,) = [row for row in tables["theme"] if row["slug"] == "backup-pending"]
    assert theme["state"] == "published"
    assert theme["version"] == 3
    assert theme["name_sv"] == "Publicerat namn"
    assert theme["draft"] == {"name_en": "Pending name", "sources": [], "nested": {"n": [1, 2.5, None, True]}}
    assert theme["sources"] == [{"url": "https://example.org/källa", "title": "Källa ✓"}]
    assert theme["published_at"] == "2024-05-06T07:08:09.123456+00:00"
    assert theme["unpublish_at"] == "2032-12-31T23:59:59.999999+00:00"
    assert datetime.fromisoformat(theme["updated_at"]).tzinfo is not None
    (organisation,) = [row for row in tables["organisation"] if row["slug"] == "backup-draft"]
    assert organisation["state"] == "draft"
    assert organisation["latitude"] == 0.1 + 0.2
    (project,) = [row for row in tables["project"] if row["slug"] == "backup-budget"]
    assert Decimal(project["budget"]) == Decimal("1234567.89")
    assert project["start_date"] == "2020-02-29"
    assert {"organisation_id": organisation["id"], "theme_id": theme["id"]} in tables["organisation_theme"]
    assert any(row["object_id"] == theme["id"] for row in tables["revision"])
    assert any(row["request_id"] == "req-backup-1" for row in tables["audit_event"])
    ids = [row["id"] for row in tables["organisation"]]
    assert ids == sorted(ids)


async def test_accounts_are_left_out_unless_asked_for(source: Source) -> None:
    header = source.without_accounts["header"]
    assert header["accounts_included"] is False
    assert "NOT in this file" in header["security"]
    assert "user_account" not in source.without_accounts["tables"]
    assert "api_token" not in source.without_accounts["tables"]
    text = dumps(source.without_accounts)
    assert PASSWORD_HASH not in text
    assert TOKEN_HASH not in text
    assert "password_hash" not in text
    # Content history stays, with the ids of who did it.
    assert source.without_accounts["tables"]["revision"] == source.with_accounts["tables"]["revision"]
    with_accounts = source.with_accounts
    assert with_accounts["header"]["accounts_included"] is True
    assert [row["password_hash"] for row in with_accounts["tables"]["user_account"]] == [PASSWORD_HASH]
    assert [row["token_hash"] for row in with_accounts["tables"]["api_token"]] == [TOKEN_HASH]


@pytest.mark.parametrize("include_accounts", [True, False], ids=["with-accounts", "content-only"])
async def test_round_trip_reproduces_the_database_exactly(
    source: Source, tmp_path_factory: pytest.TempPathFactory, include_accounts: bool
) -> None:
    original = source.with_accounts if include_accounts else source.without_accounts
    name = f"sern_graph_backup_copy_{'accounts' if include_accounts else 'content'}"
    url = await empty_database(name, tmp_path_factory.mktemp(name))
    async with database(url):
        if not include_accounts:
            # Users of the new installation do not stop a content-only import; they do stop one
            # that brings accounts of its own.
            await User.create(username="admin", password_hash="x", role=Role.ADMIN)
            with pytest.raises(BackupError, match=ACCOUNTS_NOT_EMPTY):
                await import_backup(parse_backup(dumps(source.with_accounts)))
        report = await import_backup(parse_backup(dumps(original)))
        again = await export_backup(include_accounts=include_accounts)
        assert report.total == sum(len(rows) for rows in original["tables"].values())
        assert without_time(again) == without_time(original)
        # New rows get fresh ids (PostgreSQL's sequences were moved past the imported ids).
        highest = max(row["id"] for row in original["tables"]["theme"])
        created = await Theme.create(slug="after-import")
        assert created.id == highest + 1
        revision = await Revision.create(
            content_type="theme",
            object_id=created.id,
            version=1,
            action=RevisionAction.CREATE,
            state=EditorialState.DRAFT,
            snapshot={},
            actor_name="test",
        )
        assert revision.id == max(row["id"] for row in original["tables"]["revision"]) + 1
        if include_accounts:
            user = await User.create(username="after-import", password_hash="x", role=Role.READER)
            assert user.id > max(row["id"] for row in original["tables"]["user_account"])


async def test_import_refuses_a_database_that_holds_content(source: Source) -> None:
    async with database(source.url):
        before = await export_backup(include_accounts=True)
        with pytest.raises(BackupError, match=NOT_EMPTY):
            await import_backup(parse_backup(dumps(source.without_accounts)))
        after = await export_backup(include_accounts=True)
    assert without_time(after) == without_time(before)


async def test_a_row_that_breaks_a_constraint_rolls_the_whole_import_back(
    source: Source, tmp_path_factory: pytest.TempPathFactory
) -> None:
    broken = copy.deepcopy(source.with_accounts)
    # Link tables go in last, so thousands of rows are in when the duplicate link fails.
    links = broken["tables"]["project_theme"]
    links.append(dict(links[0]))
    url = await empty_database("sern_graph_backup_broken", tmp_path_factory.mktemp("broken"))
    async with database(url):
        with pytest.raises(BackupError, match=r"project_theme: .* rolled back and nothing changed"):
            await import_backup(parse_backup(dumps(broken)))
        left = await export_backup(include_accounts=True)
        assert all(rows == [] for rows in left["tables"].values()), {
            name: len(rows) for name, rows in left["tables"].items() if rows
        }
        # The database is as empty as before: the intact backup goes in afterwards.
        await import_backup(parse_backup(dumps(source.with_accounts)))
        assert without_time(await export_backup(include_accounts=True)) == without_time(source.with_accounts)


async def test_a_value_of_the_wrong_type_is_refused_before_anything_is_written(
    source: Source, tmp_path_factory: pytest.TempPathFactory
) -> None:
    broken = copy.deepcopy(source.without_accounts)
    broken["tables"]["theme"][0]["created_at"] = "2024-01-01T00:00:00"  # no time zone
    url = await empty_database("sern_graph_backup_types", tmp_path_factory.mktemp("types"))
    async with database(url):
        with pytest.raises(BackupError, match=r"Table theme, row \d+, column created_at: .*time zone"):
            await import_backup(parse_backup(dumps(broken)))
        broken["tables"]["theme"][0]["created_at"] = source.without_accounts["tables"]["theme"][0][
            "created_at"
        ]
        broken["tables"]["project"][0]["budget"] = "a lot"
        with pytest.raises(BackupError, match=r"Table project, row \d+, column budget: DecimalField cannot"):
            await import_backup(parse_backup(dumps(broken)))
        broken["tables"]["project"][0]["budget"] = None
        broken["tables"]["event"][0]["kind"] = "party"
        with pytest.raises(BackupError, match=r"Table event, row \d+, column kind: .*'party'"):
            await import_backup(parse_backup(dumps(broken)))
        broken["tables"]["event"][0]["kind"] = "other"
        broken["tables"]["theme"][0]["colour"] = "red"
        with pytest.raises(BackupError, match=r"Table theme has column.*colour"):
            await import_backup(parse_backup(dumps(broken)))
        broken["tables"]["unicorn"] = []
        with pytest.raises(BackupError, match="unicorn"):
            await import_backup(parse_backup(dumps(broken)))
        assert not await Theme.exists()
        # A backup made before a column existed: the column gets its default.
        del broken["tables"]["unicorn"]
        del broken["tables"]["theme"][0]["colour"]
        for row in broken["tables"]["theme"]:
            del row["note"], row["sources"]
        await import_backup(parse_backup(dumps(broken)))
        theme = await Theme.get(id=broken["tables"]["theme"][0]["id"])
        assert theme.note is None
        assert theme.sources == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "not a sern-graph backup"),
        ('{"header": {"format": "something-else", "format_version": 1}, "tables": {}}', "not a sern-graph"),
        (
            '{"header": {"format": "sern-graph-backup", "format_version": 99}, "tables": {}}',
            "Unknown backup format version 99",
        ),
        ('{"header": {"format": "sern-graph-backup", "format_version": 1}, "tables": []}', "'tables'"),
        (
            '{"header": {"format": "sern-graph-backup", "format_version": 1}, "tables": {"theme": [1]}}',
            "rows",
        ),
    ],
)
def test_files_that_are_not_backups_of_this_version_are_refused(text: str, message: str) -> None:
    with pytest.raises(BackupError, match=message):
        parse_backup(text)


async def test_the_table_order_keeps_foreign_keys_valid(source: Source) -> None:
    async with database(source.url):
        tables = backup_tables()
    order = [table.name for table in tables.models]
    for position, table in enumerate(tables.models):
        assert table.depends_on() <= set(order[:position]), table.name
    assert {link.name for link in tables.links} == LINK_TABLES
    assert {table.name for table in tables.models if table.accounts} == {"user_account", "api_token"}
    assert [table.name for table in tables.models if table.self_references()] == ["region", "organisation"]


async def run_cli(url: str, *arguments: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "sern_graph",
        *arguments,
        env={**os.environ, "SERN_DATABASE_URL": url},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=120)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


async def test_cli_export_and_import(source: Source, tmp_path: Path) -> None:
    backup = tmp_path / "backup.json"
    backup.write_text(dumps(source.with_accounts), encoding="utf-8")
    broken_file = tmp_path / "broken.json"
    broken = copy.deepcopy(source.with_accounts)
    broken["tables"]["event_participant"].append(dict(broken["tables"]["event_participant"][0]))
    broken_file.write_text(dumps(broken), encoding="utf-8")
    url = await empty_database("sern_graph_backup_cli", tmp_path)

    code, _, stderr = await run_cli(url, "import", str(broken_file))
    assert code == 1
    assert "event_participant" in stderr
    assert "rolled back and nothing changed" in stderr
    assert "Traceback" not in stderr

    code, stdout, stderr = await run_cli(url, "import", str(backup))
    assert code == 0, stderr
    assert "Imported" in stdout

    code, _, stderr = await run_cli(url, "import", str(backup))
    assert code == 1
    assert "The database already holds content; import only into an empty database" in stderr

    again = tmp_path / "again.json"
    code, stdout, stderr = await run_cli(url, "export", str(again), "--include-accounts")
    assert code == 0, stderr
    assert "with user accounts" in stdout
    assert stat.S_IMODE(again.stat().st_mode) == 0o600
    assert without_time(json.loads(again.read_text(encoding="utf-8"))) == without_time(source.with_accounts)

    content_only = tmp_path / "content.json"
    code, stdout, stderr = await run_cli(url, "export", str(content_only))
    assert code == 0, stderr
    assert "without user accounts" in stdout
    text = content_only.read_text(encoding="utf-8")
    assert PASSWORD_HASH not in text
    assert without_time(json.loads(text)) == without_time(source.without_accounts)


async def test_cli_refuses_bad_files_without_touching_the_database(tmp_path: Path) -> None:
    url = f"sqlite://{tmp_path / 'untouched.db'}"
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "future.json").write_text(
        json.dumps({"header": {"format": "sern-graph-backup", "format_version": 2}, "tables": {}}),
        encoding="utf-8",
    )
    code, _, stderr = await run_cli(url, "import", str(tmp_path / "bad.json"))
    assert code == 1
    assert "not valid JSON" in stderr
    code, _, stderr = await run_cli(url, "import", str(tmp_path / "future.json"))
    assert code == 1
    assert "Unknown backup format version 2" in stderr
    assert not (tmp_path / "untouched.db").exists()


def test_export_help_says_what_is_left_out() -> None:
    assert export_command.help is not None
    assert "password hashes and API tokens are NOT included unless --include-accounts" in " ".join(
        export_command.help.split()
    )
    assert [parameter.name for parameter in export_command.params] == ["file", "include_accounts"]
    assert [command.name for command in COMMANDS] == ["export", "import"]

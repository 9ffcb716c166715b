"""Helpers shared by the API behaviour tests: global IDs, error codes, the seed dataset."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any

import pytest
from tortoise.queryset import QuerySet

from sern_graph.content.models import EditorialState
from sern_graph.events.models import Event
from sern_graph.organisations.models import Organisation
from sern_graph.people.models import Person
from sern_graph.projects.models import Project
from sern_graph.themes.models import Theme
from tests.conftest import GraphQLClient

PUBLISHED = EditorialState.PUBLISHED

# What must never reach a caller: stack traces, SQL, paths of source files.
LEAK_PATTERNS = (
    re.compile(r"Traceback"),
    re.compile(r"\bSELECT\b"),
    re.compile(r"File \""),
    re.compile(r"site-packages"),
    re.compile(r"[\w/\\.-]+\.py\b"),
)


async def column(queryset: QuerySet[Any], field: str) -> list[Any]:
    """One field of every row of a queryset (tortoise types flat value lists as tuples)."""
    values: list[Any] = list(await queryset.values_list(field, flat=True))
    return values


async def delete_test_rows(prefix: str) -> None:
    """Deletes the rows a test created, by slug; the links hanging on them go too (ON DELETE CASCADE)."""
    assert prefix.startswith("test-"), prefix
    for model in (Event, Person, Project, Organisation, Theme):
        await model.filter(slug__startswith=prefix).delete()


def global_id(type_name: str, pk: int | str) -> str:
    """A Relay global ID built independently of the service: base64url of `Type:pk`, unpadded."""
    return base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode().rstrip("=")


def error_codes(body: dict[str, Any]) -> list[str | None]:
    return [(error.get("extensions") or {}).get("code") for error in body.get("errors", [])]


def assert_no_leak(text: str) -> None:
    for pattern in LEAK_PATTERNS:
        assert not pattern.search(text), f"{pattern.pattern!r} found in response: {text[:500]}"


@pytest.fixture(scope="session")
def seed_data(repo_root: Path) -> dict[str, Any]:
    """The SERN dataset the session database was seeded from."""
    data: dict[str, Any] = json.loads((repo_root / "sern_graph/seed/sern.json").read_text(encoding="utf-8"))
    return data


async def all_edges(
    gql: GraphQLClient, field: str, selection: str, arguments: str = "", page_size: int = 100
) -> list[dict[str, Any]]:
    """Every edge of a root connection, walking its pages with `after`."""
    edges: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        args = ", ".join(
            part
            for part in (f"first: {page_size}", f"after: {json.dumps(after)}" if after else "", arguments)
            if part
        )
        data = await gql.data(
            f"{{ {field}({args}) {{ pageInfo {{ hasNextPage endCursor }} edges {{ {selection} }} }} }}"
        )
        connection = data[field]
        edges.extend(connection["edges"])
        if not connection["pageInfo"]["hasNextPage"]:
            return edges
        after = connection["pageInfo"]["endCursor"]

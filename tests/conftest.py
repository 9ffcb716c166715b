"""Fixtures: one migrated, seeded database per run (SQLite or PostgreSQL) and an API client."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from sern_graph import db
from sern_graph.app import create_app
from sern_graph.seed.loader import seed
from sern_graph.settings import Settings
from tests.databases import drop_database, empty_database


@pytest.fixture(scope="session")
async def settings(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Settings]:
    """The seeded test database, built with the real migrations; connected for the whole run."""
    url = await empty_database("sern_graph_test", tmp_path_factory.mktemp("db"))
    settings = Settings(database_url=url)
    await db.migrate(settings)
    await db.connect(settings)
    await seed()
    yield settings
    await db.disconnect()
    await drop_database("sern_graph_test")


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, manage_database=False)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


class GraphQLClient:
    """Posts GraphQL documents and returns the decoded response."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def __call__(
        self, query: str, variables: dict[str, Any] | None = None, headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=headers or {}
        )
        assert response.status_code in {200, 400}, response.text
        body: dict[str, Any] = response.json()
        assert "Traceback" not in response.text
        return body

    async def data(
        self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any
    ) -> dict[str, Any]:
        """The `data` of a response that must have no errors."""
        body = await self(query, variables, **kwargs)
        assert "errors" not in body, body["errors"]
        result: dict[str, Any] = body["data"]
        return result


AppOpener = Callable[..., Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def open_app(settings: Settings) -> AsyncIterator[AppOpener]:
    """Opens apps with the settings changed by `update` (without their lifespan, like `client`);
    closes them and their Redis clients after."""
    opened: list[tuple[Starlette, httpx.AsyncClient]] = []

    async def opener(**update: Any) -> httpx.AsyncClient:
        app = create_app(settings.model_copy(update=update), manage_database=False)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        opened.append((app, client))
        return client

    yield opener
    for app, client in opened:
        await client.aclose()
        await app.state.close_clients()


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GraphQLClient:
    return GraphQLClient(client)


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return Path(__file__).resolve().parent.parent

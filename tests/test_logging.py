"""Structured logs: JSON lines or text, each with the request id; one access-log line per request."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket

from sern_graph import cli
from sern_graph.app import SernGraphQL, create_app
from sern_graph.context import Context
from sern_graph.core.request_id import current_request_id
from sern_graph.observability.logs import JsonFormatter, TextFormatter, configure_logging
from sern_graph.settings import Settings

QUERY = "query Themes { themes { slug } }"


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


@pytest.fixture
def log_output(settings: Settings, restore_logging: None) -> io.StringIO:
    """Every log line, as JSON, in the returned buffer (until `restore_logging` puts pytest's back)."""
    output = io.StringIO()
    configure_logging(settings.model_copy(update={"log_format": "json"}), output, force=True)
    return output


@pytest.fixture
async def client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings.model_copy(update={"response_cache": False}), manage_database=False)
    transport = httpx.ASGITransport(app=app, client=("203.0.113.7", 4711))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield client


def lines(output: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.getvalue().splitlines()]


def access_lines(output: io.StringIO) -> list[dict[str, Any]]:
    return [line for line in lines(output) if line["logger"] == "sern_graph.access"]


async def test_lines_written_during_a_request_carry_its_id(
    client: httpx.AsyncClient, log_output: io.StringIO, monkeypatch: pytest.MonkeyPatch
) -> None:
    get_context = SernGraphQL.get_context

    async def logging_get_context(
        self: SernGraphQL, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        logging.getLogger("sern_graph.test").info("building the context", extra={"step": "context"})
        return await get_context(self, request, response)

    monkeypatch.setattr(SernGraphQL, "get_context", logging_get_context)
    response = await client.post("/graphql", json={"query": QUERY})
    request_id = response.headers["x-request-id"]
    [during] = [line for line in lines(log_output) if line["logger"] == "sern_graph.test"]
    assert during["request_id"] == request_id
    assert during["step"] == "context"
    [access] = access_lines(log_output)
    assert access["request_id"] == request_id


async def test_access_log_line_has_the_request_fields(
    client: httpx.AsyncClient, log_output: io.StringIO
) -> None:
    response = await client.post("/graphql", json={"query": QUERY}, headers={"X-Request-ID": "given-id-1"})
    [line] = access_lines(log_output)
    assert response.headers["x-request-id"] == "given-id-1"
    assert line["request_id"] == "given-id-1"
    assert {key: line[key] for key in ("level", "method", "path", "status", "client", "operation")} == {
        "level": "INFO",
        "method": "POST",
        "path": "/graphql",
        "status": 200,
        "client": "203.0.113.7",
        "operation": "Themes",
    }
    assert isinstance(line["duration_ms"], int | float)
    assert line["duration_ms"] >= 0
    assert datetime.fromisoformat(line["time"]).utcoffset() is not None


async def test_access_log_leaves_out_the_query_string(
    client: httpx.AsyncClient, log_output: io.StringIO
) -> None:
    await client.get("/graphql", params={"query": "{ themes { slug secretMarker: name } }"})
    await client.get("/healthz?token=hunter2")
    # (httpx, the test's client, logs the whole URL it asked for.)
    written = json.dumps(access_lines(log_output))
    assert "secretMarker" not in written
    assert "hunter2" not in written
    assert [(line["path"], line["status"], line["operation"]) for line in access_lines(log_output)] == [
        ("/graphql", 200, "anonymous"),
        ("/healthz", 200, None),
    ]


async def test_refused_requests_are_logged_too(client: httpx.AsyncClient, log_output: io.StringIO) -> None:
    await client.post("/graphql", content=b"not json", headers={"Content-Type": "application/json"})
    await client.get("/no/such/page")
    assert [(line["path"], line["status"]) for line in access_lines(log_output)] == [
        ("/graphql", 400),
        ("/no/such/page", 404),
    ]


def test_json_lines_have_time_level_logger_message_exception_and_extras() -> None:
    logger = logging.getLogger("sern_graph.test")
    try:
        raise ValueError("broken")
    except ValueError:
        record = logger.makeRecord(
            logger.name, logging.ERROR, __file__, 1, "failed %s", ("twice",), _exc_info(), extra={"count": 2}
        )
    token = current_request_id.set("abc-123")
    try:
        line = json.loads(JsonFormatter().format(record))
    finally:
        current_request_id.reset(token)
    assert line["level"] == "ERROR"
    assert line["logger"] == "sern_graph.test"
    assert line["message"] == "failed twice"
    assert line["request_id"] == "abc-123"
    assert line["count"] == 2
    assert "ValueError: broken" in line["exception"]
    assert line["time"].endswith("+00:00")


def _exc_info() -> Any:
    import sys

    return sys.exc_info()


def test_json_lines_outside_a_request_have_no_request_id() -> None:
    record = logging.makeLogRecord({"name": "sern_graph", "levelname": "INFO", "msg": "starting"})
    line = json.loads(JsonFormatter().format(record))
    assert "request_id" not in line
    assert line["message"] == "starting"


def test_text_lines_keep_their_shape_and_add_the_request_id() -> None:
    record = logging.makeLogRecord({"name": "sern_graph", "levelname": "INFO", "msg": "hello"})
    assert TextFormatter().format(record).endswith(" INFO sern_graph: hello")
    token = current_request_id.set("abc-123")
    try:
        assert TextFormatter().format(record).endswith(" INFO sern_graph: hello [request abc-123]")
    finally:
        current_request_id.reset(token)


def test_configure_logging_applies_format_and_level(settings: Settings, restore_logging: None) -> None:
    output = io.StringIO()
    configure_logging(settings.model_copy(update={"log_level": "WARNING"}), output, force=True)
    logging.getLogger("sern_graph.test").info("not written")
    logging.getLogger("sern_graph.test").warning("written")
    assert output.getvalue().strip().endswith("WARNING sern_graph.test: written")
    assert "not written" not in output.getvalue()
    configure_logging(settings.model_copy(update={"log_format": "json"}), output, force=True)
    assert len(logging.getLogger().handlers) == 1


def test_configure_logging_leaves_a_configured_root_alone(settings: Settings, restore_logging: None) -> None:
    root = logging.getLogger()
    handlers = list(root.handlers)
    assert handlers  # pytest's
    configure_logging(settings)
    assert root.handlers == handlers


def test_serve_replaces_uvicorns_access_log_and_logging(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict[str, Any]] = []

    async def prepared(_: Settings) -> None:
        return None

    monkeypatch.setattr(cli, "prepare_database", prepared)
    monkeypatch.setattr(cli.uvicorn, "run", lambda app, **kwargs: calls.append(kwargs))
    result = CliRunner().invoke(cli.main, ["serve"])
    assert result.exit_code == 0, result.output
    [kwargs] = calls
    assert kwargs["access_log"] is False
    assert kwargs["log_config"] is None

"""/metrics: operations, errors, cache outcomes, SQL statements, the database pool and content
events, in Prometheus' text format, with bounded labels and an optional bearer token."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette

from sern_graph.app import create_app
from sern_graph.content import events
from sern_graph.content.events import ContentEvent
from sern_graph.observability.labels import BoundedNames
from sern_graph.observability.metrics import Metrics
from sern_graph.settings import Settings
from tests.sql_counter import count_statements

NAMED = "query Themes { themes { slug } }"
UNNAMED = "{ themes { slug name } }"
Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]
Opener = Callable[..., Awaitable[tuple[Starlette, httpx.AsyncClient]]]


@pytest.fixture
async def open_app(settings: Settings) -> AsyncIterator[Opener]:
    """Opens fresh apps (so every count starts at zero) with settings changed by `update`."""
    clients: list[httpx.AsyncClient] = []

    async def opener(**update: Any) -> tuple[Starlette, httpx.AsyncClient]:
        app = create_app(settings.model_copy(update=update), manage_database=False)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        clients.append(client)
        return app, client

    yield opener
    for client in clients:
        await client.aclose()


async def scrape(client: httpx.AsyncClient, **headers: str) -> Samples:
    response = await client.get("/metrics", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def value(samples: Samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


async def post(client: httpx.AsyncClient, query: str, **body: Any) -> httpx.Response:
    response = await client.post("/graphql", json={"query": query, **body})
    assert response.status_code == 200, response.text
    return response


async def test_operations_are_counted_by_name_and_type_cache_hits_included(open_app: Opener) -> None:
    _, client = await open_app()
    outcomes = [(await post(client, NAMED)).headers["sern-cache"] for _ in range(2)]
    await post(client, UNNAMED)
    samples = await scrape(client)
    assert outcomes == ["miss", "hit"]
    assert value(samples, "sern_graphql_operations_total", operation="Themes", type="query") == 2
    assert value(samples, "sern_graphql_operations_total", operation="anonymous", type="query") == 1
    assert value(samples, "sern_graphql_operation_duration_seconds_count", operation="Themes") == 2
    assert value(samples, "sern_http_requests_total", route="/graphql", method="POST", status="200") == 3
    assert value(samples, "sern_http_request_duration_seconds_count", route="/graphql", method="POST") == 3


@pytest.mark.parametrize("planned", [True, False])
async def test_operations_are_counted_on_both_read_paths(open_app: Opener, planned: bool) -> None:
    _, client = await open_app(planned_execution=planned, response_cache=False)
    await post(client, NAMED)
    await post(client, "query Many($n: Int) { organisations(first: $n) { totalCount } }", variables={"n": 3})
    samples = await scrape(client)
    assert value(samples, "sern_graphql_operations_total", operation="Themes", type="query") == 1
    assert value(samples, "sern_graphql_operations_total", operation="Many", type="query") == 1


async def test_operation_type_and_name_given_in_the_request(open_app: Opener) -> None:
    _, client = await open_app()
    document = "query One { themes { slug } } mutation Two { __typename }"
    await post(client, document, operationName="One")
    await post(client, document, operationName="Two")
    samples = await scrape(client)
    assert value(samples, "sern_graphql_operations_total", operation="One", type="query") == 1
    assert value(samples, "sern_graphql_operations_total", operation="Two", type="mutation") == 1


async def test_errors_are_counted_by_code(open_app: Opener) -> None:
    _, client = await open_app()
    bodies = [
        (await post(client, query)).json()
        for query in [
            'query BadId { organisation(id: "!!") { name } }',
            "{ noSuchField }",
            'mutation Anonymous { publishOrganisation(input: {id: "x"}) { userErrors { code } } }',
        ]
    ]
    codes = Counter(error["extensions"]["code"] for body in bodies for error in body["errors"])
    assert {"BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"} <= set(codes)
    samples = await scrape(client)
    for code, count in codes.items():
        assert value(samples, "sern_graphql_errors_total", code=code) == count
    assert value(samples, "sern_graphql_operations_total", operation="BadId", type="query") == 1


async def test_cache_outcomes_follow_the_sern_cache_header(open_app: Opener) -> None:
    _, client = await open_app()
    outcomes = Counter(
        [
            (await post(client, query)).headers["sern-cache"]
            for query in [NAMED, NAMED, UNNAMED, NAMED, "mutation { __typename }"]
        ]
    )
    assert outcomes == {"hit": 2, "miss": 2, "bypass": 1}
    samples = await scrape(client)
    for outcome in ("hit", "miss", "bypass"):
        assert value(samples, "sern_response_cache_requests_total", outcome=outcome) == outcomes[outcome]
    assert value(samples, "sern_response_cache_stores_total") == 2


async def test_sql_statements_per_request_counts_every_statement_sent(open_app: Opener) -> None:
    _, client = await open_app(response_cache=False)
    sent = []
    for query in [
        NAMED,
        "{ organisations(first: 5) { totalCount edges { node { name country { code } } } } }",
    ]:
        with count_statements() as statements:
            await post(client, query)
        sent.append(len(statements))
    assert all(sent)
    samples = await scrape(client)
    assert value(samples, "sern_sql_statements_per_request_count") == 2
    assert value(samples, "sern_sql_statements_per_request_sum") == sum(sent)


async def test_cache_hits_send_no_statements(open_app: Opener) -> None:
    _, client = await open_app()
    await post(client, NAMED)
    before = await scrape(client)
    assert (await post(client, NAMED)).headers["sern-cache"] == "hit"
    after = await scrape(client)
    assert value(after, "sern_sql_statements_per_request_count") == 2
    assert value(after, "sern_sql_statements_per_request_sum") == value(
        before, "sern_sql_statements_per_request_sum"
    )


async def test_operation_names_are_bounded(open_app: Opener) -> None:
    app, client = await open_app(response_cache=False)
    app.state.metrics.operation_names.limit = 2
    for name in ["First", "Second", "Third", "Fourth", "First"]:
        await post(client, f"query {name} {{ themes {{ slug }} }}")
    await post(client, f"query {'Long' * 20} {{ themes {{ slug }} }}")
    samples = await scrape(client)
    operations = {
        dict(labels)["operation"]: count
        for (name, labels), count in samples.items()
        if name == "sern_graphql_operations_total"
    }
    assert operations == {"First": 2, "Second": 1, "other": 2, "invalid": 1}


def test_bounded_names_keep_the_first_and_refuse_what_is_not_a_name() -> None:
    names = BoundedNames(limit=1)
    assert [names(name) for name in ["A", None, "", "B", "A", "1x", "a b", "x" * 65]] == [
        "A",
        "anonymous",
        "anonymous",
        "other",
        "A",
        "invalid",
        "invalid",
        "invalid",
    ]


async def test_pool_gauges_describe_the_database(open_app: Opener, settings: Settings) -> None:
    _, client = await open_app()
    await post(client, NAMED)
    samples = await scrape(client)
    size = value(samples, "sern_db_pool_connections")
    idle = value(samples, "sern_db_pool_idle_connections")
    maximum = value(samples, "sern_db_pool_max_connections")
    if settings.database_url.startswith("sqlite"):
        assert (size, idle, maximum) == (1, 1, 1)
    else:
        assert maximum == settings.database_pool_max
        assert 0 <= idle <= size <= maximum
        assert size >= 1


async def test_http_routes_are_templates_never_raw_paths(open_app: Opener) -> None:
    _, client = await open_app()
    assert (await client.get("/healthz")).status_code == 200
    assert (await client.get("/no/such/page-123")).status_code == 404
    assert (await client.post("/healthz")).status_code == 405
    await client.get("/admin/login")
    samples = await scrape(client)
    assert value(samples, "sern_http_requests_total", route="/healthz", method="GET", status="200") == 1
    assert value(samples, "sern_http_requests_total", route="other", method="GET", status="404") == 1
    assert value(samples, "sern_http_requests_total", route="/healthz", method="POST", status="405") == 1
    routes = {dict(labels)["route"] for (name, labels) in samples if name == "sern_http_requests_total"}
    assert routes <= {"/healthz", "other", "/admin", "/graphql", "/metrics"}
    assert "/admin" in routes


async def test_content_events_are_counted_by_action_and_origin(open_app: Opener) -> None:
    _, client = await open_app(response_cache=False)
    await events.emit(ContentEvent("published", "Theme", 1, 2))
    await events.emit(ContentEvent("published", "Theme", 1, 3, remote=True))
    await events.emit(ContentEvent("updated", "Theme", 1, 4, remote=True))
    samples = await scrape(client)
    assert value(samples, "sern_content_events_total", action="published", origin="local") == 1
    assert value(samples, "sern_content_events_total", action="published", origin="remote") == 1
    assert value(samples, "sern_content_events_total", action="updated", origin="remote") == 1


async def test_content_event_subscription_ends_with_the_metrics() -> None:
    from sern_graph.observability.events import count_content_events

    metrics = Metrics()
    stop = count_content_events(metrics)
    subscribers = len(events._subscribers)
    stop()
    stop()
    assert len(events._subscribers) == subscribers - 1


async def test_metrics_token_is_required_when_set(open_app: Opener) -> None:
    _, client = await open_app(metrics_token="s3cret-metrics")
    assert (await client.get("/metrics")).status_code == 401
    refused = await client.get("/metrics", headers={"Authorization": "Bearer wrong"})
    assert refused.status_code == 401
    assert refused.headers["www-authenticate"] == "Bearer"
    samples = await scrape(client, Authorization="Bearer s3cret-metrics")
    assert value(samples, "sern_http_requests_total", route="/metrics", method="GET", status="401") == 2
    assert (
        await client.post("/metrics", headers={"Authorization": "Bearer s3cret-metrics"})
    ).status_code == 405


async def test_metrics_are_open_without_a_token(open_app: Opener) -> None:
    _, client = await open_app()
    assert (await client.get("/metrics")).status_code == 200
    # An API token is not needed; a wrong one is not looked up (the scraper's own header).
    assert (await client.get("/metrics", headers={"Authorization": "Bearer any"})).status_code == 200


async def test_metrics_are_not_rate_limited_nor_graphql_operations(open_app: Opener) -> None:
    _, client = await open_app(rate_limit_per_address=60, rate_limit_address_burst=2, rate_limit_exempt=())
    for _ in range(5):
        samples = await scrape(client)
    assert not any(name == "sern_graphql_operations_total" for name, _ in samples)
    statuses = [(await client.post("/graphql", json={"query": NAMED})).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    samples = await scrape(client)
    assert value(samples, "sern_http_requests_total", route="/graphql", method="POST", status="429") == 1


async def test_process_metrics_are_exposed(open_app: Opener) -> None:
    _, client = await open_app()
    samples = await scrape(client)
    names = {name for name, _ in samples}
    assert "python_info" in names
    assert "python_gc_collections_total" in names


async def test_each_app_has_its_own_registry(open_app: Opener) -> None:
    _, first = await open_app(response_cache=False)
    _, second = await open_app(response_cache=False)
    await post(first, NAMED)
    assert value(await scrape(first), "sern_graphql_operations_total", operation="Themes", type="query") == 1
    assert value(await scrape(second), "sern_graphql_operations_total", operation="Themes", type="query") == 0

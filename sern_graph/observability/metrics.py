"""The app's metrics: one registry per app (tests build many apps in one process), never the
global one."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client import CollectorRegistry, Counter, Histogram
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from sern_graph.observability.labels import BoundedNames
from sern_graph.observability.pool import DatabasePoolCollector
from sern_graph.observability.request_record import RequestRecord

# Distinct operation names counted before the rest become "other"; a frontend sends tens.
MAX_OPERATION_NAMES = 200
# Error codes and content event actions are our own closed vocabularies; the cap is a safety net.
MAX_CODES = 50
STATEMENT_BUCKETS = (0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233)
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
GRAPHQL_ROUTE = "/graphql"


class Metrics:
    def __init__(self) -> None:
        self.registry = registry = CollectorRegistry()
        self.operations = Counter(
            "sern_graphql_operations",
            "GraphQL operations answered (cache hits included), by operation name and type.",
            ["operation", "type"],
            registry=registry,
        )
        self.operation_duration = Histogram(
            "sern_graphql_operation_duration_seconds",
            "Time to answer a GraphQL operation (cache lookup, parsing, validation, execution).",
            ["operation"],
            registry=registry,
        )
        self.errors = Counter(
            "sern_graphql_errors",
            "Errors in GraphQL responses, by extensions.code.",
            ["code"],
            registry=registry,
        )
        self.http_requests = Counter(
            "sern_http_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=registry,
        )
        self.http_duration = Histogram(
            "sern_http_request_duration_seconds",
            "Time to answer an HTTP request, by route template and method.",
            ["route", "method"],
            registry=registry,
        )
        self.statements = Histogram(
            "sern_sql_statements_per_request",
            "SQL statements (inserts and transactions aside) of one /graphql request that ran an operation.",
            buckets=STATEMENT_BUCKETS,
            registry=registry,
        )
        self.content_events = Counter(
            "sern_content_events",
            "Content events handled by this process: from here (local) or another replica (remote).",
            ["action", "origin"],
            registry=registry,
        )
        self.operation_names = BoundedNames(MAX_OPERATION_NAMES)
        self.codes = BoundedNames(MAX_CODES)
        self.actions = BoundedNames(MAX_CODES)
        ProcessCollector(registry=registry)
        PlatformCollector(registry=registry)
        GCCollector(registry=registry)
        registry.register(DatabasePoolCollector())

    def observe_operation(
        self, name: str | None, operation_type: str, seconds: float, codes: Iterable[str | None]
    ) -> None:
        operation = self.operation_names(name)
        self.operations.labels(operation, operation_type).inc()
        self.operation_duration.labels(operation).observe(seconds)
        self.observe_errors(codes)

    def observe_errors(self, codes: Iterable[str | None]) -> None:
        for code in codes:
            self.errors.labels(self.codes(code or "UNKNOWN")).inc()

    def observe_request(
        self, route: str, method: str, status: int, seconds: float, record: RequestRecord
    ) -> None:
        method = method if method in _METHODS else "other"
        self.http_requests.labels(route, method, str(status)).inc()
        self.http_duration.labels(route, method).observe(seconds)
        if route == GRAPHQL_ROUTE and record.operations:
            self.statements.observe(record.statements)

    def observe_content_event(self, action: str, remote: bool) -> None:
        self.content_events.labels(self.actions(action), "remote" if remote else "local").inc()

"""The app's observability, built from the settings: its metrics and the middleware that logs and
measures every request and answers /metrics."""

from __future__ import annotations

from typing import Any

from starlette.middleware import Middleware

from sern_graph.observability.access_log import RequestObserver
from sern_graph.observability.cache_metrics import ResponseCacheCollector
from sern_graph.observability.events import count_content_events
from sern_graph.observability.metrics import Metrics
from sern_graph.observability.metrics_view import MetricsEndpoint
from sern_graph.observability.operations import ObservedGraphQL
from sern_graph.observability.redis_metrics import Parts, RedisCollector
from sern_graph.security.client_address import ClientAddress, parse_networks
from sern_graph.settings import Settings


class Observability:
    def __init__(self, settings: Settings) -> None:
        """Raises ValueError for a malformed network in `trusted_proxies`."""
        self.metrics = Metrics()
        self.stop_counting_events = count_content_events(self.metrics)
        # Outermost first: /metrics is logged and counted like any request.
        self.middleware = [
            Middleware(
                RequestObserver, ClientAddress(parse_networks(settings.trusted_proxies)), self.metrics
            ),
            Middleware(MetricsEndpoint, self.metrics, settings.metrics_token),
        ]

    def observe_redis(self, parts: Parts) -> None:
        """Reports whether each of `parts` (name -> how to find it) reaches Redis."""
        self.metrics.registry.register(RedisCollector(parts))

    def observe(self, view: ObservedGraphQL[Any, Any]) -> None:
        """Counts the operations `view` answers, and its response cache's work."""
        view.metrics = self.metrics
        if view.response_cache is not None:
            self.metrics.registry.register(ResponseCacheCollector(view.response_cache))

"""The response cache's counts (`CacheStats`), read whenever /metrics is scraped."""

from __future__ import annotations

from collections.abc import Iterable

from prometheus_client.core import CounterMetricFamily, Metric
from prometheus_client.registry import Collector

from sern_graph.response_cache.cache import ResponseCache


class ResponseCacheCollector(Collector):
    def __init__(self, cache: ResponseCache) -> None:
        self.cache = cache

    def collect(self) -> Iterable[Metric]:
        stats = self.cache.stats
        requests = CounterMetricFamily(
            "sern_response_cache_requests",
            "GraphQL operations the response cache answered (hit), ran and offered to the store (miss) "
            "or let run uncached (bypass).",
            labels=["outcome"],
        )
        requests.add_metric(["hit"], stats.hits)
        requests.add_metric(["miss"], stats.misses)
        requests.add_metric(["bypass"], stats.bypasses)
        yield requests
        yield CounterMetricFamily(
            "sern_response_cache_stores", "Answers stored in the response cache.", value=stats.stores
        )
        yield CounterMetricFamily(
            "sern_response_cache_purges", "Content events the response cache purged for.", value=stats.purges
        )
        yield CounterMetricFamily(
            "sern_response_cache_purged_entries",
            "Response cache entries removed by purges.",
            value=stats.purged_entries,
        )

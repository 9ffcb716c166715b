"""Whether each part of the app that shares state through Redis reached it the last time it tried,
read whenever /metrics is scraped: the degraded mode of a Redis outage is logged once, so this is
what an alert watches."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

# A part's name and how to find it at scrape time (some exist only once the app has started).
Parts = dict[str, Callable[[], object]]


class RedisCollector(Collector):
    def __init__(self, parts: Parts) -> None:
        self.parts = parts

    def collect(self) -> Iterable[Metric]:
        gauge = GaugeMetricFamily(
            "sern_redis_reachable",
            "1 when this part of the app reached Redis the last time it tried, 0 while it works "
            "without it (degraded: in-process fallbacks).",
            labels=["component"],
        )
        for name, find in self.parts.items():
            part = find()
            reachable = getattr(part, "redis_reachable", None)
            if isinstance(reachable, bool):
                gauge.add_metric([name], 1.0 if reachable else 0.0)
        yield gauge

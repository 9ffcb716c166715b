"""Counts the content events this process handles, local and from other replicas."""

from __future__ import annotations

from collections.abc import Callable

from sern_graph.content import events
from sern_graph.observability.metrics import Metrics


def count_content_events(metrics: Metrics) -> Callable[[], None]:
    """Counts every content event in `metrics` while they are in use; returns the unsubscribe."""
    return events.subscribe_while_alive(
        metrics, lambda target, event: target.observe_content_event(event.action, event.remote)
    )

"""The route label of a request: the path template of the app's route it matches, never the raw
path (which callers choose, and with it the number of time series)."""

from __future__ import annotations

from starlette.routing import Match, Mount, Route
from starlette.types import Scope

from sern_graph.observability.labels import OTHER

# Answered by `metrics_view.MetricsEndpoint`, ahead of the router.
METRICS_PATH = "/metrics"


def route_label(scope: Scope) -> str:
    """Worked out before the request runs, so refusals by middleware (429, 413) are labelled too."""
    if scope["path"] == METRICS_PATH:
        return METRICS_PATH
    router = getattr(scope.get("app"), "router", None)
    partial: str | None = None
    for route in getattr(router, "routes", ()):
        if not isinstance(route, Route | Mount):
            continue
        match, _ = route.matches(scope)
        if match == Match.FULL:
            return route.path
        if match == Match.PARTIAL and partial is None:
            partial = route.path
    return partial or OTHER

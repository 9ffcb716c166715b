"""/metrics: the app's metrics in Prometheus' text format, behind a bearer token when one is set.

Served by a middleware ahead of the app's others rather than by a route: the API's token
authentication would refuse the metrics token as an unknown API token, and the rate limits, CORS
and body limits are not for a scraper."""

from __future__ import annotations

import hmac

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Receive, Scope, Send

from sern_graph.observability.metrics import Metrics
from sern_graph.observability.routes import METRICS_PATH


class MetricsEndpoint:
    def __init__(self, app: ASGIApp, metrics: Metrics, token: str | None) -> None:
        self.app = app
        self.metrics = metrics
        self.expected = f"Bearer {token}".encode() if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != METRICS_PATH:
            await self.app(scope, receive, send)
            return
        response = self.respond(Request(scope))
        await response(scope, receive, send)

    def respond(self, request: Request) -> Response:
        if request.method not in {"GET", "HEAD"}:
            return Response(status_code=405, headers={"Allow": "GET, HEAD"})
        if self.expected is not None:
            given = request.headers.get("authorization", "").encode("latin-1")
            if not hmac.compare_digest(given, self.expected):
                return Response(status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return Response(
            generate_latest(self.metrics.registry),
            media_type=CONTENT_TYPE_LATEST,
            headers={"Cache-Control": "no-store"},
        )

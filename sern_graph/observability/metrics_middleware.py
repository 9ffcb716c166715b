"""Counts and times every HTTP request, by route template, method and status."""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sern_graph.observability.metrics import Metrics
from sern_graph.observability.request_record import recording_request
from sern_graph.observability.routes import route_label


class HttpMetrics:
    """Pure ASGI middleware; a request that fails without a response counts as a 500."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        route = route_label(scope)
        status = 500

        async def send_noting_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        started = time.perf_counter()
        with recording_request() as record:
            try:
                await self.app(scope, receive, send_noting_status)
            finally:
                seconds = time.perf_counter() - started
                self.metrics.observe_request(route, scope["method"], status, seconds, record)

"""Every HTTP request, once it is answered: one access-log line (logger `sern_graph.access`) and the
request metrics (by route template, method and status). The path is logged without its query
string, which can hold a GraphQL document and its variables."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sern_graph.observability.metrics import Metrics
from sern_graph.observability.request_record import recording_request
from sern_graph.observability.routes import route_label
from sern_graph.security.client_address import ClientAddress

logger = logging.getLogger("sern_graph.access")
MAX_PATH = 512


class RequestObserver:
    """Pure ASGI middleware, inside RequestIdMiddleware so each line carries the request id; a
    request that fails without a response counts as a 500."""

    def __init__(self, app: ASGIApp, client_address: ClientAddress, metrics: Metrics) -> None:
        self.app = app
        self.client_address = client_address
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
                duration_ms = round(seconds * 1000, 1)
                method, path, client = scope["method"], _printable(scope["path"]), self.client_address(scope)
                operation = ",".join(record.operations) or None
                logger.info(
                    "%s %s %d %.1fms client=%s%s",
                    method,
                    path,
                    status,
                    duration_ms,
                    client,
                    f" operation={operation}" if operation else "",
                    extra={
                        "method": method,
                        "path": path,
                        "status": status,
                        "duration_ms": duration_ms,
                        "client": client,
                        "operation": operation,
                    },
                )


def _printable(path: str) -> str:
    """The path as one safe line: control characters (a decoded %0A) escaped, and at most MAX_PATH long."""
    if not path.isprintable():
        path = path.encode("unicode_escape").decode("ascii")
    return path[:MAX_PATH]

"""The access log: one line per HTTP request (logger `sern_graph.access`), written when the
response has gone. The path is logged without its query string, which can hold a GraphQL document
and its variables."""

from __future__ import annotations

import logging
import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sern_graph.observability.request_record import recording_request
from sern_graph.security.client_address import ClientAddress

logger = logging.getLogger("sern_graph.access")
MAX_PATH = 512


class AccessLog:
    """Pure ASGI middleware, inside RequestIdMiddleware so each line carries the request id."""

    def __init__(self, app: ASGIApp, client_address: ClientAddress) -> None:
        self.app = app
        self.client_address = client_address

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
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
                duration_ms = round((time.perf_counter() - started) * 1000, 1)
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

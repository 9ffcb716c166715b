"""CORS for /graphql: preflight requests answered, and responses to allowed origins marked so the
page may read them. No credentials mode: the API authenticates by `Authorization` header, never
by cookie."""

from __future__ import annotations

import re

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sern_graph.accounts.actor import Actor
from sern_graph.security.origins import GrantedOrigins, OriginPolicy, cross_origin
from sern_graph.security.refusal import send_refusal

CODE = "ORIGIN_NOT_ALLOWED"
METHODS = b"GET, POST"
EXPOSED = b"Retry-After, X-Request-ID, ETag, SERN-Cache"
PREFLIGHT_MAX_AGE = b"600"
_HEADER_NAMES = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+(\s*,\s*[A-Za-z0-9!#$%&'*+.^_`|~-]+)*$")


def allow_origin_headers(origin: str) -> list[tuple[bytes, bytes]]:
    return [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]


class Cors:
    def __init__(self, app: ASGIApp, policy: OriginPolicy, granted: GrantedOrigins, path: str) -> None:
        self.app = app
        self.policy = policy
        self.granted = granted
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = cross_origin(headers)
        if origin is not None and scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            await self.preflight(origin, headers, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": self.response_headers(origin, scope, message)}
            await send(message)

        await self.app(scope, receive, send_with_cors)

    async def preflight(self, origin: str, headers: Headers, send: Send) -> None:
        method = headers["access-control-request-method"].upper()
        allowed = self.policy.allows(origin, None) or await self.granted.include(origin)
        if not allowed or method not in {"GET", "POST"}:
            message = (
                f"Requests from {origin} are not allowed." if not allowed else f"{method} is not allowed."
            )
            await send_refusal(send, 403, CODE, message, headers=[(b"vary", b"Origin")])
            return
        answer = [
            *allow_origin_headers(origin),
            (b"access-control-allow-methods", METHODS),
            (b"access-control-max-age", PREFLIGHT_MAX_AGE),
        ]
        requested = headers.get("access-control-request-headers", "").strip()
        if requested and _HEADER_NAMES.match(requested):
            answer.append((b"access-control-allow-headers", requested.encode("latin-1")))
        await send({"type": "http.response.start", "status": 204, "headers": answer})
        await send({"type": "http.response.body", "body": b""})

    def response_headers(
        self, origin: str | None, scope: Scope, message: Message
    ) -> list[tuple[bytes, bytes]]:
        # Vary: Origin always, so a shared cache never hands one origin's answer to another.
        headers = _with_vary_origin(list(message.get("headers", [])))
        if origin is None or any(name == b"access-control-allow-origin" for name, _ in headers):
            return headers
        actor = scope.get("user")
        if not self.policy.allows(origin, actor if isinstance(actor, Actor) else None):
            return headers
        return [
            *headers,
            (b"access-control-allow-origin", origin.encode("latin-1")),
            (b"access-control-expose-headers", EXPOSED),
        ]


def _with_vary_origin(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    for index, (name, value) in enumerate(headers):
        if name.lower() == b"vary":
            names = {part.strip().lower() for part in value.split(b",")}
            if b"origin" not in names and b"*" not in names:
                headers[index] = (name, value + b", Origin")
            return headers
    return [*headers, (b"vary", b"Origin")]

"""POSTs to /graphql must be JSON. A browser sends a form or `text/plain` from any site without
asking (a "simple" request), but JSON only after a CORS preflight we answer; so refusing every
other type before anything runs means a cross-site form cannot make us execute anything."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from sern_graph.security.refusal import send_refusal

ACCEPTED = "application/json"
CODE = "UNSUPPORTED_MEDIA_TYPE"


def media_type(scope: Scope) -> str:
    value: bytes = dict(scope["headers"]).get(b"content-type", b"")
    return value.decode("latin-1").split(";", 1)[0].strip().lower()


class JsonPostsOnly:
    def __init__(self, app: ASGIApp, path: str) -> None:
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        sent = media_type(scope)
        if sent == ACCEPTED:
            await self.app(scope, receive, send)
            return
        message = f"POST {self.path} needs Content-Type: {ACCEPTED}" + (f", not {sent}." if sent else ".")
        await send_refusal(send, 415, CODE, message, headers=[(b"accept-post", ACCEPTED.encode())])

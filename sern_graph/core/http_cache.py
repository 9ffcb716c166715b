"""HTTP caching for GraphQL reads over GET: a strong `ETag`, `304 Not Modified` for a matching
`If-None-Match`, `Cache-Control` and `Vary`. POST responses are marked `no-store`.

Pure ASGI middleware: only GET `/graphql` responses that carry a query (or `extensions` or
`documentId`, for persisted queries) are buffered, and only when they are JSON; everything else
streams untouched.

Not here: `Cache-Tag` / `Surrogate-Key` headers, which need the response cache's dependency
tracking (which rows a response was built from)."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sern_graph.content.preview_request import HEADER as PREVIEW_HEADER

MAX_AGE = 60
PUBLIC = f"public, max-age={MAX_AGE}"
PRIVATE = "private, no-store"
NO_STORE = "no-store"
VARY = ("Accept", "Accept-Language", "Authorization", "SERN-Preview")

_JSON_TYPES = ("application/json", "application/graphql-response+json")
_ENTITY_TAG = re.compile(r'\s*(?:W/)?("[^"]*")\s*(?:,|$)')
# Representation metadata that a 304 must not carry (it describes a body that is not sent).
_NOT_ON_304 = {b"content-length", b"content-type", b"content-encoding", b"content-language"}

Headers = list[tuple[bytes, bytes]]


def etag_for(body: bytes) -> str:
    """A strong validator: the quoted first 32 hex digits of the body's SHA-256."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def if_none_match_matches(values: Iterable[str], etag: str) -> bool:
    """Whether an `If-None-Match` field (one or more header lines) matches `etag`, by the weak
    comparison RFC 9110 §13.1.2 asks for: `*` matches any representation, `W/` is ignored. A
    malformed field matches nothing."""
    for value in values:
        value = value.strip()
        if value == "*":
            return True
        position = 0
        while position < len(value):
            if value[position] in " \t,":
                position += 1
                continue
            tag = _ENTITY_TAG.match(value, position)
            if tag is None:
                break
            if tag.group(1) == etag.removeprefix("W/"):
                return True
            position = tag.end()
    return False


def _has_errors(body: bytes) -> bool:
    """Whether a GraphQL response (or a batch of them) reports errors; unreadable counts as yes."""
    try:
        document = json.loads(body)
    except ValueError:
        return True
    results = document if isinstance(document, list) else [document]
    return any(not isinstance(result, dict) or result.get("errors") for result in results)


def _with(headers: Headers, name: bytes, value: str) -> Headers:
    """`headers` with `name` set to `value`, replacing any previous values."""
    return [(key, old) for key, old in headers if key.lower() != name] + [(name, value.encode("latin-1"))]


def _with_vary(headers: Headers) -> Headers:
    """`headers` with our `Vary` names merged into any the app already set."""
    names: list[str] = []
    for key, value in headers:
        if key.lower() == b"vary":
            names.extend(name.strip() for name in value.decode("latin-1").split(",") if name.strip())
    if "*" in names:
        return headers
    known = {name.lower() for name in names}
    names.extend(name for name in VARY if name.lower() not in known)
    return _with(headers, b"vary", ", ".join(names))


def _header(headers: Headers, name: bytes) -> str | None:
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


class HttpCacheMiddleware:
    """ETag, conditional GET and Cache-Control for the GraphQL endpoint at `path`."""

    def __init__(self, app: ASGIApp, path: str = "/graphql") -> None:
        self.app = app
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        method = scope["method"]
        if method == "POST":
            await self.app(scope, receive, _no_store(send))
            return
        if method == "GET" and _is_graphql_read(scope["query_string"]):
            await self.app(scope, receive, _Conditional(scope, send))
            return
        await self.app(scope, receive, send)


def _is_graphql_read(query_string: bytes) -> bool:
    parameters = parse_qs(query_string.decode("latin-1"), keep_blank_values=True)
    return "query" in parameters or "extensions" in parameters or "documentId" in parameters


def _no_store(send: Send) -> Send:
    async def send_no_store(message: Message) -> None:
        if message["type"] == "http.response.start":
            message["headers"] = _with(list(message.get("headers", [])), b"cache-control", NO_STORE)
        await send(message)

    return send_no_store


class _Conditional:
    """The `send` for one GET read: holds back a 200 JSON response to validate and label it; any
    other response gets `private, no-store` and streams through."""

    def __init__(self, scope: Scope, send: Send) -> None:
        self.send = send
        request_headers: Headers = list(scope["headers"])
        self.if_none_match = [
            value.decode("latin-1") for key, value in request_headers if key == b"if-none-match"
        ]
        self.shareable = all(
            key not in {b"authorization", PREVIEW_HEADER.encode()} for key, _ in request_headers
        )
        self.start: Message | None = None
        self.chunks: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = _with_vary(list(message.get("headers", [])))
            content_type = (_header(headers, b"content-type") or "").split(";")[0].strip().lower()
            if message["status"] == 200 and content_type in _JSON_TYPES:
                self.start = {**message, "headers": headers}
                return
            message["headers"] = _with(headers, b"cache-control", PRIVATE)
        elif message["type"] == "http.response.body" and self.start is not None:
            self.chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                await self._finish()
            return
        await self.send(message)

    async def _finish(self) -> None:
        assert self.start is not None
        body = b"".join(self.chunks)
        etag = etag_for(body)
        cache_control = PRIVATE if not self.shareable or _has_errors(body) else PUBLIC
        headers = _with(_with(self.start["headers"], b"etag", etag), b"cache-control", cache_control)
        if if_none_match_matches(self.if_none_match, etag):
            headers = [(key, value) for key, value in headers if key.lower() not in _NOT_ON_304]
            await self.send({**self.start, "status": 304, "headers": headers})
            await self.send({"type": "http.response.body", "body": b"", "more_body": False})
            return
        headers = _with(headers, b"content-length", str(len(body)))
        await self.send({**self.start, "headers": headers})
        await self.send({"type": "http.response.body", "body": body, "more_body": False})

"""Security headers: `X-Content-Type-Options: nosniff` on every response, and on HTML pages (the
GraphiQL page) a Content-Security-Policy that allows only this service's own scripts, styles and
endpoint, no framing and no referrer beyond the site. Headers a response already has (the admin
UI sets its own stricter ones) are kept."""

from __future__ import annotations

from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
    "frame-ancestors 'none'"
)
EVERY_RESPONSE = [(b"x-content-type-options", b"nosniff")]
HTML_PAGES = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
]


Headers = list[tuple[bytes, bytes]]


def is_html(headers: Headers) -> bool:
    return any(name == b"content-type" and value.lower().startswith(b"text/html") for name, value in headers)


def for_graphql_service(headers: Headers) -> Headers:
    return EVERY_RESPONSE + HTML_PAGES if is_html(headers) else EVERY_RESPONSE


class MissingHeaders:
    """Adds to each response the headers `choose` picks for it (from the response's own headers)
    that it does not have yet."""

    def __init__(self, app: ASGIApp, choose: Callable[[Headers], Headers]) -> None:
        self.app = app
        self.choose = choose

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                wanted = self.choose(headers)
                message = {**message, "headers": headers + [item for item in wanted if item[0] not in names]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class SecurityHeaders(MissingHeaders):
    def __init__(self, app: ASGIApp) -> None:
        super().__init__(app, for_graphql_service)

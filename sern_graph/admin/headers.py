"""Security headers on every admin response: no framing, no sniffing, no referrer leaks, and a
Content-Security-Policy that allows the app's own styles and no scripts at all."""

from __future__ import annotations

from starlette.types import ASGIApp

from sern_graph.security.headers import MissingHeaders

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"cache-control", b"no-store"),
]


class SecurityHeadersMiddleware(MissingHeaders):
    def __init__(self, app: ASGIApp) -> None:
        super().__init__(app, lambda _: HEADERS)

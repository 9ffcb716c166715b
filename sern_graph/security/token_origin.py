"""A token used from a browser origin it was not granted is refused (403 ORIGIN_NOT_ALLOWED),
before anything runs: a partner's token copied into another site does not work there."""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from sern_graph.accounts.actor import Actor
from sern_graph.security.cors import CODE, allow_origin_headers
from sern_graph.security.origins import OriginPolicy, cross_origin
from sern_graph.security.refusal import send_refusal


class TokenOriginCheck:
    """After authentication: the actor's token is known."""

    def __init__(self, app: ASGIApp, policy: OriginPolicy, path: str) -> None:
        self.app = app
        self.policy = policy
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        actor = scope.get("user")
        if (
            scope["type"] == "http"
            and scope["path"] == self.path
            and isinstance(actor, Actor)
            and actor.token_id
        ):
            origin = cross_origin(Headers(scope=scope))
            if origin is not None and not self.policy.allows(origin, actor):
                # Readable by the page, so its developer sees why.
                await send_refusal(
                    send,
                    403,
                    CODE,
                    f"This token may not be used from {origin}.",
                    headers=allow_origin_headers(origin),
                )
                return
        await self.app(scope, receive, send)

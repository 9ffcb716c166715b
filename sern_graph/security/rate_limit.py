"""Rate limits on /graphql: a token bucket per client address, and one per API token.

A request with a valid token counts against its token only, so a partner's server is limited by
what its token was granted, not by its address. Before authentication (which reads the
database) a request with an `Authorization` header only looks at its address's bucket, and takes
from it if the token turns out invalid (401): a flood of made-up tokens is refused before it
reaches the database, like anonymous requests are.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sern_graph.accounts.actor import Actor
from sern_graph.security.buckets import Buckets, Decision, Rate
from sern_graph.security.client_address import ClientAddress, Network, within
from sern_graph.security.refusal import send_refusal

CODE = "RATE_LIMITED"
# Where AddressRateLimit leaves the client address for TokenRateLimit.
ADDRESS_KEY = "sern.client_address"


class RateLimiter:
    """The buckets and the rates: an address's, the default for tokens, or a token's own."""

    def __init__(
        self,
        buckets: Buckets,
        *,
        address_rate: Rate,
        token_rate: Rate,
        client_address: ClientAddress,
        exempt: tuple[Network, ...],
    ) -> None:
        self.buckets = buckets
        self.address_rate = address_rate
        self.token_rate = token_rate
        self.client_address = client_address
        self.exempt = exempt

    def rate_of(self, actor: Actor) -> Rate:
        per_minute = actor.rate_limit_per_minute or self.token_rate.per_minute
        return Rate(per_minute, burst=min(per_minute, self.token_rate.burst))

    async def take_for_address(self, address: str, cost: int = 1) -> Decision:
        return await self.buckets.take(f"a:{address}", self.address_rate, cost)

    async def take_for_token(self, actor: Actor) -> Decision:
        return await self.buckets.take(f"t:{actor.token_id}", self.rate_of(actor))


async def refuse(send: Send, decision: Decision, whose: str) -> None:
    seconds = decision.retry_after_seconds
    await send_refusal(
        send,
        429,
        CODE,
        f"Too many requests {whose}; retry in {seconds} s.",
        headers=[(b"retry-after", str(seconds).encode())],
        retryAfter=seconds,
    )


class AddressRateLimit:
    """Before authentication."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, path: str) -> None:
        self.app = app
        self.limiter = limiter
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != self.path:
            await self.app(scope, receive, send)
            return
        address = self.limiter.client_address(scope)
        scope[ADDRESS_KEY] = address
        if within(address, self.limiter.exempt):
            await self.app(scope, receive, send)
            return
        has_token = any(name == b"authorization" for name, _ in scope["headers"])
        decision = await self.limiter.take_for_address(address, cost=0 if has_token else 1)
        if not decision.allowed:
            await refuse(send, decision, "from this address")
            return
        if not has_token:
            await self.app(scope, receive, send)
            return

        async def send_counting_refused_tokens(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 401:
                await self.limiter.take_for_address(address)
            await send(message)

        await self.app(scope, receive, send_counting_refused_tokens)


class TokenRateLimit:
    """After authentication: the actor's token is known."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter, path: str) -> None:
        self.app = app
        self.limiter = limiter
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        actor = scope.get("user")
        if (
            scope["type"] == "http"
            and scope["path"] == self.path
            and isinstance(actor, Actor)
            and actor.token_id is not None
            and not within(scope.get(ADDRESS_KEY, ""), self.limiter.exempt)
        ):
            decision = await self.limiter.take_for_token(actor)
            if not decision.allowed:
                await refuse(send, decision, "with this token")
                return
        await self.app(scope, receive, send)

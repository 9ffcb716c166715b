"""The security middleware of the app, built from the settings: what runs before authentication
(headers, CORS, the address's rate limit, the content-type rule) and what runs after it (the
token's origin and rate limit)."""

from __future__ import annotations

from starlette.middleware import Middleware

from sern_graph.security.buckets import Buckets, Rate
from sern_graph.security.client_address import ClientAddress, parse_networks
from sern_graph.security.content_type import JsonPostsOnly
from sern_graph.security.cors import Cors
from sern_graph.security.headers import SecurityHeaders
from sern_graph.security.memory_buckets import MemoryBuckets
from sern_graph.security.origins import GrantedOrigins, OriginPolicy
from sern_graph.security.rate_limit import AddressRateLimit, RateLimiter, TokenRateLimit
from sern_graph.security.redis_buckets import RedisBuckets
from sern_graph.security.token_origin import TokenOriginCheck
from sern_graph.settings import Settings


class Security:
    def __init__(self, settings: Settings, path: str) -> None:
        """Raises ValueError for a malformed origin, address or network in the settings."""
        policy = OriginPolicy(settings.cors_origins)
        self.before_auth = [Middleware(SecurityHeaders), Middleware(Cors, policy, GrantedOrigins(), path)]
        self.after_auth = [Middleware(TokenOriginCheck, policy, path)]
        self.buckets: Buckets | None = None
        if settings.rate_limit:
            self.buckets = (
                RedisBuckets(settings.redis_url, settings.rate_limit_prefix)
                if settings.redis_url
                else MemoryBuckets()
            )
            limiter = RateLimiter(
                self.buckets,
                address_rate=Rate(settings.rate_limit_per_address, settings.rate_limit_address_burst),
                token_rate=Rate(settings.rate_limit_per_token, settings.rate_limit_token_burst),
                client_address=ClientAddress(parse_networks(settings.trusted_proxies)),
                exempt=parse_networks(settings.rate_limit_exempt),
            )
            self.before_auth.append(Middleware(AddressRateLimit, limiter, path))
            self.after_auth.append(Middleware(TokenRateLimit, limiter, path))
        self.before_auth.append(Middleware(JsonPostsOnly, path))

    async def close(self) -> None:
        if self.buckets is not None:
            await self.buckets.close()

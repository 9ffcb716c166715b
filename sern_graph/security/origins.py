"""Which browser origins may call /graphql: those of SERN_CORS_ORIGINS, and for a token with its
own list, exactly those."""

from __future__ import annotations

import time
from collections.abc import Callable

from starlette.datastructures import Headers

from sern_graph.accounts.actor import Actor
from sern_graph.accounts.models import ApiToken
from sern_graph.security.origin import is_same_origin, normalise_origin

ANY = "*"


class OriginPolicy:
    def __init__(self, allowed: tuple[str, ...]) -> None:
        """Raises ValueError for an entry that is neither an origin nor '*'."""
        self.any = ANY in allowed
        self.allowed = frozenset(_origin(value) for value in allowed if value != ANY)

    def allows(self, origin: str, actor: Actor | None) -> bool:
        if actor is not None and actor.allowed_origins is not None:
            return origin in actor.allowed_origins
        return self.any or origin in self.allowed


def cross_origin(headers: Headers) -> str | None:
    """The `Origin` of a request from a page on another site (normalised; `null` and malformed
    ones as they are, so nothing allows them); None for same-origin and non-browser requests."""
    origin = headers.get("origin")
    if origin is None or is_same_origin(origin, headers.get("host", "")):
        return None
    return normalise_origin(origin) or origin


class GrantedOrigins:
    """The origins granted to any unrevoked token, for preflight requests (which carry no token).
    Kept for a minute; an origin not among them re-reads them, at most once a second."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._origins: frozenset[str] = frozenset()
        self._read_at: float | None = None

    async def include(self, origin: str) -> bool:
        age = self.clock() - self._read_at if self._read_at is not None else None
        if age is None or age > 60 or (origin not in self._origins and age > 1):
            lists = await ApiToken.filter(revoked_at=None, allowed_origins__isnull=False).values_list(
                "allowed_origins", flat=True
            )
            self._origins = frozenset(origin for origins in lists for origin in origins or ())
            self._read_at = self.clock()
        return origin in self._origins


def _origin(value: str) -> str:
    origin = normalise_origin(value)
    if origin is None:
        raise ValueError(f"SERN_CORS_ORIGINS: {value!r} is not an origin like https://www.example.se")
    return origin

"""`Authorization: Bearer <token>` on every HTTP request, as Starlette's authentication backend."""

from __future__ import annotations

from starlette.authentication import AuthCredentials, AuthenticationBackend, AuthenticationError
from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, Response

from sern_graph.accounts.actor import ANONYMOUS, Actor
from sern_graph.accounts.services import AuthenticationFailed, authenticate


class TokenBackend(AuthenticationBackend):
    async def authenticate(self, conn: HTTPConnection) -> tuple[AuthCredentials, Actor]:
        header = conn.headers.get("authorization")
        if header is None:
            return AuthCredentials(), ANONYMOUS
        scheme, _, secret = header.partition(" ")
        if scheme.lower() != "bearer" or not secret.strip():
            raise AuthenticationError("The Authorization header must be 'Bearer <token>'.")
        try:
            actor = await authenticate(secret.strip())
        except AuthenticationFailed as error:
            raise AuthenticationError(str(error)) from None
        return AuthCredentials(sorted(actor.permissions)), actor


def refuse(_: HTTPConnection, error: AuthenticationError) -> Response:
    """A GraphQL-shaped 401, so clients read it like any other error."""
    return JSONResponse(
        {"errors": [{"message": str(error), "extensions": {"code": "UNAUTHENTICATED"}}]},
        status_code=401,
        headers={"WWW-Authenticate": 'Bearer realm="sern-graph"'},
    )

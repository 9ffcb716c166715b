"""CSRF tokens: every form carries one and every POST is refused without the right one.

Signed-in forms carry a digest of the session id; the sign-in form (no session yet) carries the
random value of a short-lived cookie (double submit)."""

from __future__ import annotations

import hmac
import secrets

from starlette.requests import Request
from starlette.responses import Response

from sern_graph.admin.sessions import Session
from sern_graph.admin.signing import Signer

FIELD = "csrf_token"
SIGN_IN_COOKIE = "sern_admin_csrf"


class CsrfRefused(Exception):
    """The form's CSRF token is missing or wrong (an old page, or a forged request)."""


def session_token(signer: Signer, session: Session) -> str:
    return signer.digest("csrf", session.session_id)


def check_session_token(signer: Signer, session: Session, given: str) -> None:
    if not hmac.compare_digest(given.encode(), session_token(signer, session).encode()):
        raise CsrfRefused()


def sign_in_token(request: Request) -> str:
    """The token of the sign-in form: the browser's cookie value, or a new one."""
    return request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(24)


def keep_sign_in_token(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SIGN_IN_COOKIE,
        token,
        max_age=3600,
        path="/admin",
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def check_sign_in_token(request: Request, given: str) -> None:
    expected = request.cookies.get(SIGN_IN_COOKIE, "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        raise CsrfRefused()

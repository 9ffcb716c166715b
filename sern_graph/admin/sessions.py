"""Signed-in editors: a signed session cookie naming the user, checked against the account on
every request (deactivated users, changed passwords and changed roles take effect at once)."""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass

from starlette.requests import Request
from starlette.responses import Response

from sern_graph.accounts.actor import Actor
from sern_graph.accounts.models import Role, User
from sern_graph.accounts.permissions import permissions_of
from sern_graph.admin.shared_state import AdminStore
from sern_graph.admin.signing import Signer

COOKIE = "sern_admin_session"
LIFETIME_S = 8 * 3600
ADMIN_ROLES = frozenset({Role.EDITOR, Role.ADMIN})
_PURPOSE = "session"


@dataclass(frozen=True)
class Session:
    session_id: str
    user: User
    actor: Actor
    # When the cookie was signed (seconds since the epoch).
    issued: int


class Sessions:
    """Issues and reads session cookies. Sign-out records the session as ended in the admin store
    (shared_state.py): with Redis, every replica then refuses the cookie; without it, or while
    Redis is unreachable, only the replicas that know of the sign-out do, until the cookie expires."""

    def __init__(self, signer: Signer, store: AdminStore) -> None:
        self.signer = signer
        self.store = store

    def start(self, request: Request, response: Response, user: User) -> None:
        data = {
            "user": user.id,
            "session": secrets.token_urlsafe(16),
            "issued": int(time.time()),
            "password": self._fingerprint(user),
        }
        response.set_cookie(
            COOKIE,
            self.signer.sign(_PURPOSE, data),
            max_age=LIFETIME_S,
            path="/admin",
            httponly=True,
            samesite="lax",
            secure=request.url.scheme == "https",
        )

    async def end(self, session: Session, response: Response) -> None:
        remaining = session.issued + LIFETIME_S - time.time()
        await self.store.end_session(session.session_id, max(remaining, 1.0))
        response.delete_cookie(COOKIE, path="/admin")

    async def current(self, request: Request) -> Session | None:
        """The session of the request, if it is valid and its user may still use the admin."""
        data = self.signer.unsign(_PURPOSE, request.cookies.get(COOKIE, ""))
        if data is None:
            return None
        issued = int(data.get("issued", 0))
        if time.time() - issued > LIFETIME_S:
            return None
        session_id = str(data.get("session", ""))
        if await self.store.session_ended(session_id):
            return None
        user = await User.get_or_none(id=int(data.get("user", 0)))
        if user is None or not user.is_active or user.role not in ADMIN_ROLES:
            return None
        if data.get("password") != self._fingerprint(user):
            return None
        return Session(session_id=session_id, user=user, actor=actor_of(user), issued=issued)

    def _fingerprint(self, user: User) -> str:
        # A new password ends the sessions started with the old one.
        return self.signer.digest("password", user.password_hash)[:16]


def actor_of(user: User) -> Actor:
    """The content service's actor for a signed-in user (as `authenticate` makes one for a token)."""
    return Actor(
        role=user.role,
        user_id=user.id,
        name=f"{user.username} (admin UI)",
        permissions=permissions_of(user.role),
    )

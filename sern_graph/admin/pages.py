"""What every admin page does: find the signed-in editor, check posted forms, render templates."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.datastructures import MultiDict
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from sern_graph.accounts.permissions import Permission
from sern_graph.admin import csrf
from sern_graph.admin.fields import LOCALE_NAMES
from sern_graph.admin.forms import read_form
from sern_graph.admin.registry import ADMIN_KINDS
from sern_graph.admin.sessions import Session, Sessions
from sern_graph.admin.shared_state import AdminStore
from sern_graph.admin.signing import Signer
from sern_graph.admin.throttle import SignInThrottle

ADMIN_PATH = "/admin"
TEMPLATES = Jinja2Templates(directory=Path(__file__).parent / "templates")


@dataclass(frozen=True)
class AdminState:
    signer: Signer
    store: AdminStore
    sessions: Sessions
    throttle: SignInThrottle


class SignInRequired(Exception):
    pass


def admin_state(request: Request) -> AdminState:
    state: AdminState = request.app.state.admin
    return state


async def signed_in(request: Request) -> Session:
    """The request's session; raises SignInRequired (a redirect to the sign-in page) without one."""
    session = await admin_state(request).sessions.current(request)
    if session is None:
        raise SignInRequired()
    request.state.session = session
    return session


def require_permission(session: Session, permission: Permission) -> None:
    if not session.actor.can(permission):
        raise HTTPException(403, f"Your role ({session.user.role}) may not see this page.")


async def posted(request: Request, session: Session) -> MultiDict:
    """The posted form, refused (CsrfRefused) without the session's CSRF token."""
    form = await read_form(request)
    csrf.check_session_token(admin_state(request).signer, session, str(form.get(csrf.FIELD, "")))
    return form


def render(request: Request, template: str, context: dict[str, Any], status_code: int = 200) -> Response:
    session: Session | None = getattr(request.state, "session", None)
    token = csrf.session_token(admin_state(request).signer, session) if session else ""
    base = {
        "admin": ADMIN_PATH,
        "session": session,
        "csrf_token": token,
        "kinds": [kind for kind in ADMIN_KINDS.values() if kind.in_menu],
        "locale_names": LOCALE_NAMES,
        "is_admin": session is not None and session.actor.can(Permission.MANAGE_ACCOUNTS),
    }
    return TEMPLATES.TemplateResponse(request, template, {**base, **context}, status_code=status_code)

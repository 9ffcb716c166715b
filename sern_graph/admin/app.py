"""The admin as an ASGI app to mount at ADMIN_PATH: routes, error pages, security headers."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from sern_graph.admin.content_views import (
    action_view,
    create_view,
    edit_view,
    list_view,
    new_view,
    update_view,
)
from sern_graph.admin.csrf import CsrfRefused
from sern_graph.admin.dashboard_views import accounts_view, audit_view, dashboard_view
from sern_graph.admin.headers import SecurityHeadersMiddleware
from sern_graph.admin.link_views import links_view
from sern_graph.admin.pages import ADMIN_PATH, AdminState, SignInRequired, render
from sern_graph.admin.revision_views import diff_view, history_view, restore_view
from sern_graph.admin.sessions import Sessions
from sern_graph.admin.shared_state import admin_store
from sern_graph.admin.signin_views import sign_in, sign_in_page, sign_out
from sern_graph.admin.signing import Signer
from sern_graph.admin.throttle import SignInThrottle
from sern_graph.core.errors import Forbidden
from sern_graph.settings import Settings

__all__ = ["ADMIN_PATH", "admin_app", "close_admin"]

ENTRY = "/{kind:str}/{pk:int}"


def admin_app(settings: Settings) -> Starlette:
    """The admin UI; the app that mounts it calls `close_admin` on shutdown (a mounted app's
    lifespan does not run)."""
    routes = [
        Route("/", dashboard_view),
        Route("/signin", sign_in_page, methods=["GET"]),
        Route("/signin", sign_in, methods=["POST"]),
        Route("/signout", sign_out, methods=["POST"]),
        Route("/users", accounts_view),
        Route("/audit", audit_view),
        Mount("/static", app=StaticFiles(directory=Path(__file__).parent / "static"), name="admin-static"),
        Route("/{kind:str}/", list_view),
        Route("/{kind:str}/new", new_view, methods=["GET"]),
        Route("/{kind:str}/new", create_view, methods=["POST"]),
        Route(ENTRY, edit_view, methods=["GET"]),
        Route(ENTRY, update_view, methods=["POST"]),
        Route(ENTRY + "/revisions", history_view),
        Route(ENTRY + "/revisions/diff", diff_view),
        Route(ENTRY + "/revisions/{revision:int}/restore", restore_view, methods=["POST"]),
        Route(ENTRY + "/links/{relation:str}", links_view, methods=["POST"]),
        Route(ENTRY + "/{action:str}", action_view, methods=["POST"]),
    ]
    app = Starlette(
        routes=routes,
        middleware=[Middleware(SecurityHeadersMiddleware)],
        exception_handlers={
            SignInRequired: _to_sign_in,
            CsrfRefused: _csrf_refused,
            Forbidden: _forbidden,
            HTTPException: _error_page,
        },
    )
    signer = Signer(settings.admin_secret_key)
    store = admin_store(settings)
    app.state.admin = AdminState(
        signer=signer, store=store, sessions=Sessions(signer, store), throttle=SignInThrottle(store)
    )
    return app


async def close_admin(app: Starlette) -> None:
    """Closes the admin's connection to Redis, if it has one."""
    state: AdminState = app.state.admin
    await state.store.close()


async def _to_sign_in(request: Request, _: Exception) -> Response:
    wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    target = f"{ADMIN_PATH}/signin"
    if request.method == "GET" and wanted != f"{ADMIN_PATH}/":
        target += f"?next={quote(wanted, safe='')}"
    return RedirectResponse(target, status_code=303)


async def _csrf_refused(request: Request, _: Exception) -> Response:
    message = "The form has expired or did not come from this site. Reload the page and try again."
    return render(request, "error.html", {"title": "Form refused", "message": message}, status_code=403)


async def _forbidden(request: Request, error: Exception) -> Response:
    return render(request, "error.html", {"title": "Not allowed", "message": str(error)}, status_code=403)


async def _error_page(request: Request, error: Exception) -> Response:
    status = error.status_code if isinstance(error, HTTPException) else 500
    titles = {
        403: "Not allowed",
        404: "Not found",
        405: "Not allowed here",
        413: "Too large",
        415: "Not a form",
    }
    context = {"title": titles.get(status, "Error"), "message": getattr(error, "detail", "")}
    return render(request, "error.html", context, status_code=status)
